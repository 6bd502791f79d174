package dev.earshot.dataset.rest;

import dev.earshot.dataset.service.DatasetService;
import dev.earshot.dataset.service.DatasetViews.ResponseView;
import dev.earshot.platform.rest.Problem;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

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
  @APIResponse(
      responseCode = "404",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  public ResponseView response(@PathParam("id") long id) {
    return datasets.response(id);
  }
}
