package dev.earshot.reward.rest;

import dev.earshot.reward.service.RewardProfileService;
import dev.earshot.reward.service.RewardProfileViews.IssuedKey;
import dev.earshot.reward.service.RewardProfileViews.KeyView;
import dev.earshot.reward.service.RewardProfileViews.NewKey;
import dev.earshot.reward.service.RewardProfileViews.NewProfile;
import dev.earshot.reward.service.RewardProfileViews.ProfileView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.security.Principal;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/reward-profiles")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"admin", "researcher"})
@Tag(name = "Reward", description = "Online rewards for PPO/GRPO training loops")
public class RewardProfileResource {

  private final RewardProfileService profiles;

  public RewardProfileResource(RewardProfileService profiles) {
    this.profiles = profiles;
  }

  /** A new key as answered once: its secret and the URL to give the trainer. */
  @Schema(name = "IssuedRewardProfileKey")
  public record IssuedKeyView(
      long id,
      String profile,
      String label,
      OffsetDateTime createdAt,
      @Schema(description = "the secret; shown only in this answer, stored as its SHA-256")
          String key,
      @Schema(description = "POST target for the trainer, e.g. OpenRLHF's --remote_rm_url")
          String rewardUrl) {}

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Create a reward profile",
      description =
          "Judges (optionally pinned to a version) with a weight per dimension, a normalisation"
              + " (none, batch-z-score, or clip with min and max) and the digits to round to."
              + " Judges that compare pairs cannot be used.")
  @APIResponse(
      responseCode = "201",
      content = @Content(schema = @Schema(implementation = ProfileView.class)))
  @APIResponse(responseCode = "409", description = "A profile with that name exists")
  @APIResponse(
      responseCode = "422",
      description = "Unknown or unrunnable judge, unknown dimension, bad weight or normalisation")
  public Response create(NewProfile request, @Context SecurityContext security) {
    Principal user = security.getUserPrincipal();
    ProfileView created = profiles.create(request, user == null ? null : user.getName());
    return Response.created(URI.create("/api/reward-profiles/" + created.name()))
        .entity(created)
        .build();
  }

  @GET
  @Operation(summary = "Every reward profile with its keys (never their secrets)")
  public List<ProfileView> list() {
    return profiles.list();
  }

  @GET
  @Path("{name}")
  @Operation(summary = "One reward profile with its keys (never their secrets)")
  public ProfileView get(@PathParam("name") String name) {
    return profiles.get(name);
  }

  @PUT
  @Path("{name}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Change a reward profile",
      description =
          "Replaces its judges, weights and normalisation; the revision goes up, so no reward"
              + " cached under the old definition is served again. Keys stay valid.")
  @APIResponse(
      responseCode = "200",
      content = @Content(schema = @Schema(implementation = ProfileView.class)))
  @APIResponse(
      responseCode = "422",
      description = "Unknown or unrunnable judge, unknown dimension, bad weight or normalisation")
  public ProfileView replace(@PathParam("name") String name, NewProfile request) {
    return profiles.replace(name, request);
  }

  @POST
  @Path("{name}/keys")
  @Consumes(MediaType.WILDCARD)
  @Operation(
      summary = "Create a key for the profile",
      description =
          "A random 256-bit key, URL-safe. The answer holds the key and the reward URL; only the"
              + " key's SHA-256 is stored, so it cannot be shown again. Body optional:"
              + " {\"label\"}.")
  @APIResponse(
      responseCode = "201",
      content = @Content(schema = @Schema(implementation = IssuedKeyView.class)))
  public Response issueKey(@PathParam("name") String name, NewKey request, @Context UriInfo uri) {
    IssuedKey issued = profiles.issueKey(name, request == null ? null : request.label());
    URI rewardUrl = uri.getBaseUriBuilder().path(issued.rewardPath()).build();
    KeyView key = issued.key();
    return Response.status(Response.Status.CREATED)
        .entity(
            new IssuedKeyView(
                key.id(),
                issued.profile(),
                key.label(),
                key.createdAt(),
                issued.secret(),
                rewardUrl.toString()))
        .build();
  }

  @DELETE
  @Path("{name}/keys/{keyId}")
  @Operation(summary = "Revoke a key; the reward URL with it answers 404 from now on")
  @APIResponse(responseCode = "204", description = "Revoked (or already revoked)")
  public void revokeKey(@PathParam("name") String name, @PathParam("keyId") long keyId) {
    profiles.revokeKey(name, keyId);
  }
}
