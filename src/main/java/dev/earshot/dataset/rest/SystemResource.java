package dev.earshot.dataset.rest;

import dev.earshot.dataset.service.DatasetService;
import dev.earshot.dataset.service.DatasetViews.SystemView;
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
@Path("/api/systems")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Datasets")
public class SystemResource {

  private final DatasetService datasets;

  public SystemResource(DatasetService datasets) {
    this.datasets = datasets;
  }

  @GET
  @Operation(summary = "All systems (models under test)")
  public List<SystemView> systems() {
    return datasets.systems();
  }
}
