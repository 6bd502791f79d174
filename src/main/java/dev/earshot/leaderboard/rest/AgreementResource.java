package dev.earshot.leaderboard.rest;

import dev.earshot.leaderboard.service.AgreementService;
import dev.earshot.leaderboard.service.AgreementService.AgreementView;
import dev.earshot.leaderboard.service.RaterSource;
import dev.earshot.security.rest.PublicLeaderboard;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Inter-rater agreement of the human votes on a dimension, or of the simulated raters' votes. */
@PermitAll
@PublicLeaderboard
@Path("/api/agreement")
@Tag(
    name = "Agreement",
    description = "How far human raters agree with each other, and AI judges with the humans")
public class AgreementResource {

  static final String ITEMS =
      " Items are (prompt, response pair) on the dimension; verdicts are compared whichever"
          + " response was presented first.";

  static final String SOURCE =
      "whose votes: humans (default: people only, from rating campaigns and imported votes) or"
          + " simulated (votes an imported data set marks as simulated, such as the demo's; never"
          + " counted as human). A campaign goes with humans only";

  private final AgreementService agreement;

  public AgreementResource(AgreementService agreement) {
    this.agreement = agreement;
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Agreement among the human (or simulated) raters of a dimension",
      description =
          "Pairwise percent agreement, Fleiss' κ and Cohen's κ per rater pair on the direction"
              + " (first / tie / second, both-bad as tie), Krippendorff's α (ordinal) on the"
              + " five-point scale, and per rater the leave-one-out agreement with the other"
              + " raters' majority with a flag and its reasons for outliers. Undefined statistics"
              + " are null."
              + ITEMS)
  @APIResponse(
      responseCode = "200",
      content = @Content(schema = @Schema(implementation = AgreementView.class)))
  @APIResponse(
      responseCode = "400",
      description =
          "No dimension given, an unknown source, a campaign that is not an id, or a campaign with"
              + " source=simulated")
  @APIResponse(responseCode = "404", description = "Unknown campaign")
  public AgreementView agreement(
      @QueryParam("dimension")
          @Schema(description = "content, prosody, emotion, nonspeech, quality, ...")
          String dimension,
      @QueryParam("source")
          @DefaultValue("humans")
          @Schema(
              description = SOURCE,
              enumeration = {"humans", "simulated"})
          String source,
      @QueryParam("campaign")
          @Schema(
              description =
                  "only the votes of this rating campaign (its id): agreement among its raters",
              format = "uuid")
          String campaign) {
    return agreement.agreement(
        dimension, RaterSource.parse(source), VerdictSelection.campaign(campaign));
  }
}
