package dev.earshot.reward.rest;

import dev.earshot.reward.core.RewardResponse;
import dev.earshot.reward.service.RewardService;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * OpenRLHF's remote reward model ({@code --remote_rm_url}). The body is read as bytes and parsed by
 * the service, so that malformed JSON is logged and counted like every other refusal. Scoring
 * blocks (decoding, signal analysis, model judges), so it runs on worker threads.
 */
@Path("/api/reward")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reward", description = "Online rewards for PPO/GRPO training loops")
public class RewardResource {

  private static final String REQUEST =
      "OpenRLHF's request: {\"query\": [...], \"prompts\": [...], \"labels\": [...]}. Each query"
          + " is an object {\"audio\": \"<base64 WAV>\"} or {\"audioSha256\": \"<hex>\"} with"
          + " optional \"promptId\" or \"prompt\" and \"text\", or a string (OpenRLHF's decoded"
          + " sequence) that embeds such an object starting with {\"audio. prompts[i] is the"
          + " prompt text when the query names none; labels[i] the reference answer. One query"
          + " (OpenRLHF's current code), a whole batch (its older code), or none (its later reward"
          + " URLs), which answers empty lists.";

  private final RewardService rewards;

  public RewardResource(RewardService rewards) {
    this.rewards = rewards;
  }

  @POST
  @Blocking
  @RolesAllowed({"admin", "researcher"})
  @Operation(
      summary = "Rewards under a named profile",
      description =
          REQUEST
              + " Answers {\"rewards\", \"scores\", \"extra_logs\"}: one float per query in"
              + " order, extra_logs per judge/dimension: a number for every item, never null"
              + " (0 where the judge gave no score) and a judge/dimension/scored list of 1 or 0."
              + " Any bad item refuses the whole request"
              + " with a 4xx naming its index; nothing partial is returned.")
  @RequestBody(content = @Content(schema = @Schema(implementation = Object.class)))
  @APIResponse(
      responseCode = "200",
      content = @Content(schema = @Schema(implementation = RewardResponse.class)))
  @APIResponse(
      responseCode = "400",
      description = "Malformed request or a bad item (errors[0].index names it)")
  @APIResponse(responseCode = "404", description = "No such profile")
  @APIResponse(
      responseCode = "422",
      description =
          "An item names audio or a prompt that is not there, its audio is not valid WAV, or no"
              + " judge could score it (errors[0].index names it)")
  public RewardResponse reward(@QueryParam("profile") String profile, byte[] body) {
    return rewards.rewardForProfile(profile, body);
  }

  @POST
  @Path("{profileKey}")
  @Blocking
  @PermitAll
  @Operation(
      summary = "Rewards under the profile a key selects",
      description =
          "For trainers that send no credentials: the key (created with POST"
              + " /api/reward-profiles/{name}/keys) is the credential. "
              + REQUEST
              + " Answers as POST /api/reward.")
  @RequestBody(content = @Content(schema = @Schema(implementation = Object.class)))
  @APIResponse(
      responseCode = "200",
      content = @Content(schema = @Schema(implementation = RewardResponse.class)))
  @APIResponse(responseCode = "404", description = "Unknown or revoked key")
  @APIResponse(
      responseCode = "400",
      description = "Malformed request or a bad item (errors[0].index names it)")
  public RewardResponse rewardWithKey(@PathParam("profileKey") String profileKey, byte[] body) {
    return rewards.rewardForKey(profileKey, body);
  }
}
