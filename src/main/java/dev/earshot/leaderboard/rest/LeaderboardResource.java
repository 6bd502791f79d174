package dev.earshot.leaderboard.rest;

import dev.earshot.leaderboard.service.LeaderboardService;
import dev.earshot.leaderboard.service.LeaderboardService.LeaderboardQuery;
import dev.earshot.leaderboard.service.LeaderboardService.RowView;
import dev.earshot.leaderboard.service.LeaderboardService.StyleControlledView;
import dev.earshot.leaderboard.service.LeaderboardService.WinRateMatrix;
import dev.earshot.platform.error.DomainException;
import dev.earshot.security.rest.PublicLeaderboard;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@PermitAll
@PublicLeaderboard
@Path("/api/leaderboard")
@Tag(
    name = "Leaderboard",
    description = "Bradley–Terry ratings with intervals, and imported arena battles")
public class LeaderboardResource {

  /** The response header that says why a leaderboard is empty. */
  static final String NOTE_HEADER = "Earshot-Note";

  private final LeaderboardService leaderboards;
  private final SecurityIdentity identity;

  public LeaderboardResource(LeaderboardService leaderboards, SecurityIdentity identity) {
    this.leaderboards = leaderboards;
    this.identity = identity;
  }

  @GET
  @Produces({MediaType.APPLICATION_JSON, "text/csv"})
  @Operation(
      summary = "Leaderboard of a source",
      description =
          "Bradley–Terry maximum likelihood with ties as half a win each way, on the Elo-like"
              + " scale (400/ln 10 points per log unit, mean 1000); Wald standard errors; seeded"
              + " nonparametric bootstrap (resampling votes) for 95 % percentile intervals; rank upper bound"
              + " as Chatbot Arena shows it. Rows sorted by rating.")
  @APIResponse(
      responseCode = "200",
      description =
          "The rows; none when the source has no verdicts on the dimension (e.g. humans on a"
              + " fresh demo install, whose votes are simulated). An empty answer says why in the"
              + " "
              + NOTE_HEADER
              + " header.",
      headers =
          @Header(
              name = NOTE_HEADER,
              description =
                  "only on an empty leaderboard: why it is empty and what to choose instead",
              schema = @Schema(type = SchemaType.STRING)),
      content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = RowView.class)))
  @APIResponse(
      responseCode = "400",
      description =
          "Bad parameter, or a campaign with a source other than humans (campaigns hold human"
              + " votes only)")
  @APIResponse(responseCode = "404", description = "Unknown arena or campaign")
  @APIResponse(
      responseCode = "422",
      description = "Ratings not identifiable (e.g. a system never lost)")
  public Response leaderboard(
      @BeanParam VerdictSelection selection,
      @QueryParam("tieModel")
          @DefaultValue("half-win")
          @Schema(enumeration = {"half-win", "davidson"})
          String tieModel,
      @QueryParam("anchor")
          @Schema(description = "pin this system at anchorRating instead of centring at 1000")
          String anchor,
      @QueryParam("anchorRating") @DefaultValue("1000") double anchorRating,
      @QueryParam("bootstrap") @DefaultValue("1000") int bootstrap,
      @QueryParam("seed") @DefaultValue("1") long seed,
      @QueryParam("hideFewBattles")
          @DefaultValue("false")
          @Schema(
              description =
                  "leave out the rows marked fewBattles (fewer battles than"
                      + " earshot.leaderboard.min-battles); the others keep their ranks")
          boolean hideFewBattles,
      @QueryParam("format") @DefaultValue("json") @Schema(enumeration = {"json", "csv"})
          String format) {
    if (!tieModel.equals("half-win") && !tieModel.equals("davidson")) {
      throw DomainException.invalidRequest(
          "tieModel must be half-win or davidson, got " + tieModel);
    }
    LeaderboardQuery query =
        selection.query(tieModel.equals("davidson"), anchor, anchorRating, bootstrap, seed);
    // Anyone may read a public leaderboard: the costly part, the bootstrap, stays at its default.
    int maxBootstrap =
        identity.hasRole("researcher")
            ? LeaderboardService.MAX_BOOTSTRAP
            : LeaderboardService.MAX_PUBLIC_BOOTSTRAP;
    List<RowView> all = leaderboards.leaderboard(query, maxBootstrap);
    List<RowView> rows = hideFewBattles ? LeaderboardService.withoutFewBattles(all) : all;
    Response.ResponseBuilder answer =
        switch (format) {
          case "json" -> Response.ok(rows, MediaType.APPLICATION_JSON);
          case "csv" ->
              Response.ok(LeaderboardService.csv(rows), "text/csv")
                  .header("Content-Disposition", "attachment; filename=\"leaderboard.csv\"");
          default ->
              throw DomainException.invalidRequest("format must be json or csv, got " + format);
        };
    if (all.isEmpty()) {
      answer.header(NOTE_HEADER, LeaderboardService.emptyNote(query));
    } else if (rows.isEmpty()) {
      answer.header(
          NOTE_HEADER,
          "Every system has fewer than "
              + leaderboards.minBattles()
              + " battles: leave out hideFewBattles to see them");
    }
    return answer.build();
  }

  @GET
  @Path("matrix")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Win-rate and battle-count matrix",
      description =
          "For every two systems of the leaderboard (rows and columns in rating order): the"
              + " row system's win rate against the column system (wins plus half the ties, over"
              + " battles; null without battles) and the number of battles.")
  @APIResponse(
      responseCode = "200",
      content = @Content(schema = @Schema(implementation = WinRateMatrix.class)))
  @APIResponse(responseCode = "404", description = "Unknown arena or campaign")
  public WinRateMatrix matrix(@BeanParam VerdictSelection selection) {
    LeaderboardQuery query = selection.plainQuery();
    return leaderboards.matrix(
        query, leaderboards.leaderboard(query).stream().map(RowView::system).toList());
  }

  @GET
  @Path("style-controlled")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Leaderboard with style control",
      description =
          "Chatbot Arena's style control for speech: differences in duration, speaking rate and"
              + " loudness between the two responses are fitted jointly with the strengths (Wald errors),"
              + " so a system is not rewarded merely for being longer or louder. Compare with the plain"
              + " leaderboard of the same source and dimension.")
  @APIResponse(
      responseCode = "200",
      content = @Content(schema = @Schema(implementation = StyleControlledView.class)))
  @APIResponse(responseCode = "404", description = "Unknown campaign")
  public StyleControlledView styleControlled(@BeanParam VerdictSelection selection) {
    return leaderboards.styleControlled(selection.plainQuery());
  }
}
