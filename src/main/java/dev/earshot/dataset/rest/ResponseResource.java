package dev.earshot.dataset.rest;

import dev.earshot.dataset.service.DatasetService;
import dev.earshot.dataset.service.DatasetViews.ResponseView;
import dev.earshot.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

// Explicit, though it is the default role: OpenAPI then documents the bearer scheme.
@RolesAllowed(Role.RESEARCHER_NAME)
@Path("/api/responses")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Datasets")
public class ResponseResource {

  private final DatasetService datasets;

  public ResponseResource(DatasetService datasets) {
    this.datasets = datasets;
  }

  @GET
  @Path("{id}")
  @Operation(summary = "One response")
  public ResponseView response(@PathParam("id") long id) {
    return datasets.response(id);
  }
}
