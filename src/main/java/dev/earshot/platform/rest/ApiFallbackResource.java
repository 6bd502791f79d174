package dev.earshot.platform.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Claims every {@code /api/...} path that no real resource serves. Without it Vaadin's servlet
 * answers such paths with its HTML page and status 200, which an API client cannot tell from
 * success. Real resources have longer literal paths and always win the match. (JAX-RS allows one
 * HTTP method per Java method, hence one method per verb; HEAD falls back to GET.)
 */
@PermitAll
@Path("/api")
public class ApiFallbackResource {

  private static final String UNKNOWN = "{unknown: .*}";

  @GET
  @Path(UNKNOWN)
  @Operation(hidden = true)
  public void get() {
    throw new NotFoundException();
  }

  @POST
  @Path(UNKNOWN)
  @Operation(hidden = true)
  public void post() {
    throw new NotFoundException();
  }

  @PUT
  @Path(UNKNOWN)
  @Operation(hidden = true)
  public void put() {
    throw new NotFoundException();
  }

  @DELETE
  @Path(UNKNOWN)
  @Operation(hidden = true)
  public void delete() {
    throw new NotFoundException();
  }

  @PATCH
  @Path(UNKNOWN)
  @Operation(hidden = true)
  public void patch() {
    throw new NotFoundException();
  }
}
