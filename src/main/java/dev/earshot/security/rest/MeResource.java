package dev.earshot.security.rest;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Who the caller is, to check a token or a login. */
@Path("/api/me")
@Tag(name = "Accounts")
@Authenticated
public class MeResource {

  /** The caller's name and roles (implied roles included). */
  public record Me(String username, List<String> roles) {}

  private final SecurityIdentity identity;

  public MeResource(SecurityIdentity identity) {
    this.identity = identity;
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "The calling user and their roles")
  public Me me() {
    return new Me(
        identity.getPrincipal().getName(), identity.getRoles().stream().sorted().toList());
  }
}
