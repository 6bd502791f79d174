package dev.earshot.leaderboard.rest;

import dev.earshot.leaderboard.service.AgreementService;
import dev.earshot.leaderboard.service.AgreementService.JudgeAuditView;
import dev.earshot.leaderboard.service.RaterSource;
import dev.earshot.security.rest.PublicLeaderboard;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** AI judges audited against the human votes on a dimension. */
@PermitAll
@PublicLeaderboard
@Path("/api/judge-audit")
@Tag(name = "Agreement")
public class JudgeAuditResource {

  private final AgreementService audits;

  public JudgeAuditResource(AgreementService audits) {
    this.audits = audits;
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "AI judges measured against the human raters of a dimension",
      description =
          "Per judge version with verdicts on the dimension: agreement with the human majority"
              + " (people only; with source=simulated, the simulated raters' majority: the"
              + " fields keep their names)"
              + " direction on shared items (with and without ties), the rate of position"
              + " conflicts among its verdicts judged in both orders, and Spearman's ρ and"
              + " Kendall's τ-b between its leaderboard and the humans' (Bradley–Terry ratings as"
              + " in /api/leaderboard, no bootstrap). Undefined statistics are null."
              + AgreementResource.ITEMS)
  @APIResponse(
      responseCode = "200",
      content =
          @Content(
              schema = @Schema(type = SchemaType.ARRAY, implementation = JudgeAuditView.class)))
  @APIResponse(
      responseCode = "400",
      description =
          "No dimension given, an unknown source, a campaign that is not an id, or a campaign with"
              + " source=simulated")
  @APIResponse(responseCode = "404", description = "Unknown campaign")
  public List<JudgeAuditView> judgeAudit(
      @QueryParam("dimension")
          @Schema(description = "content, prosody, emotion, nonspeech, quality, ...")
          String dimension,
      @QueryParam("source")
          @DefaultValue("humans")
          @Schema(
              description = "the raters to audit against: " + AgreementResource.SOURCE,
              enumeration = {"humans", "simulated"})
          String source,
      @QueryParam("campaign")
          @Schema(
              description =
                  "audit against this rating campaign's votes (its id) instead of every human vote",
              format = "uuid")
          String campaign) {
    return audits.judgeAudit(
        dimension, RaterSource.parse(source), VerdictSelection.campaign(campaign));
  }
}
