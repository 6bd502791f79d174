package dev.earshot.judge.rest;

import dev.earshot.judge.service.JudgeRegistry;
import dev.earshot.judge.service.JudgeRegistry.JudgeView;
import dev.earshot.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

// Explicit, though it is the default role: OpenAPI then documents the bearer scheme.
@RolesAllowed(Role.RESEARCHER_NAME)
@Path("/api/judges")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Evaluation")
public class JudgeResource {

  private final JudgeRegistry judges;

  public JudgeResource(JudgeRegistry judges) {
    this.judges = judges;
  }

  @GET
  @Operation(summary = "The judges declared in judges/, with their current versions")
  public List<JudgeView> list() {
    return judges.current();
  }
}
