package dev.earshot.leaderboard.rest;

import dev.earshot.leaderboard.service.ArenaService;
import dev.earshot.leaderboard.service.ArenaService.ImportedBattles;
import dev.earshot.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

// Explicit, though it is the default role: OpenAPI then documents the bearer scheme.
@RolesAllowed(Role.RESEARCHER_NAME)
@Path("/api/arenas")
@Tag(name = "Leaderboard")
public class ArenaResource {

  private final ArenaService arenas;

  public ArenaResource(ArenaService arenas) {
    this.arenas = arenas;
  }

  @POST
  @Path("{name}/battles")
  @Consumes(MediaType.WILDCARD)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Import a battle log",
      description =
          "CSV a,b,outcome (outcome a, b, tie or both-bad; header optional) or Chatbot Arena JSON"
              + " (array or JSON lines of {model_a, model_b, winner} with winner model_a, model_b, tie or"
              + " 'tie (bothbad)'). Any bad row: 422 listing every bad row with its line, nothing imported.")
  @RequestBody(
      content = {@Content(mediaType = "text/csv"), @Content(mediaType = "application/json")})
  @APIResponse(
      responseCode = "201",
      content = @Content(schema = @Schema(implementation = ImportedBattles.class)))
  @APIResponse(responseCode = "422")
  public Response importBattles(@PathParam("name") String name, String log) {
    return Response.status(Response.Status.CREATED)
        .entity(arenas.importBattles(name, log == null ? "" : log))
        .build();
  }
}
