package dev.earshot.leaderboard.rest;

import dev.earshot.leaderboard.service.LeaderboardService;
import dev.earshot.leaderboard.service.LeaderboardService.RowView;
import dev.earshot.platform.rest.Problem;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/leaderboard")
@Tag(
    name = "Leaderboard",
    description = "Bradley–Terry ratings with intervals, and imported arena battles")
public class LeaderboardResource {

  private final LeaderboardService leaderboards;

  public LeaderboardResource(LeaderboardService leaderboards) {
    this.leaderboards = leaderboards;
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Leaderboard of a source",
      description =
          "Bradley–Terry maximum likelihood with ties as half a win each way, on the Elo-like"
              + " scale (400/ln 10 points per log unit, mean 1000); Wald standard errors; seeded"
              + " nonparametric bootstrap (resampling votes) for 95 % percentile intervals; rank upper bound"
              + " as Chatbot Arena shows it. Rows sorted by rating.")
  @APIResponse(
      responseCode = "200",
      content = @Content(schema = @Schema(implementation = RowView.class)))
  @APIResponse(
      responseCode = "404",
      description = "Unknown arena",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  @APIResponse(
      responseCode = "422",
      description = "Ratings not identifiable (e.g. a system never lost)",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  public List<RowView> leaderboard(
      @QueryParam("source")
          @Schema(description = "humans, judge:<id>, judge:<id>@<version> or arena:<name>")
          String source,
      @QueryParam("dimension")
          @Schema(
              description =
                  "content, prosody, emotion, nonspeech, quality, ...; required for humans and judges")
          String dimension,
      @QueryParam("bootstrap") @DefaultValue("1000") int bootstrap,
      @QueryParam("seed") @DefaultValue("1") long seed) {
    return leaderboards.leaderboard(source, dimension, bootstrap, seed);
  }
}
