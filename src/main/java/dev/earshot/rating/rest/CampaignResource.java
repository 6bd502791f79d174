package dev.earshot.rating.rest;

import dev.earshot.platform.error.DomainException;
import dev.earshot.rating.service.CampaignService;
import dev.earshot.rating.service.CampaignSpec;
import dev.earshot.rating.service.CampaignViews.CampaignDetail;
import dev.earshot.rating.service.CampaignViews.CampaignSummary;
import dev.earshot.rating.service.RatingService;
import dev.earshot.rating.service.RatingService.AssignmentView;
import dev.earshot.rating.service.RatingService.PreviousItem;
import dev.earshot.rating.service.RatingService.RaterCampaign;
import dev.earshot.security.Role;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Rating campaigns: researchers create and watch them, raters ask for their next pair. */
@Path("/api/campaigns")
@Tag(name = "Rating")
@Produces(MediaType.APPLICATION_JSON)
public class CampaignResource {

  private static final String LOUDNESS_TARGET = "loudnessTargetLufs";
  private static final String REVEAL = "revealSystemsAfterVote";

  private final CampaignService campaigns;
  private final RatingService rating;
  private final SecurityIdentity identity;

  public CampaignResource(
      CampaignService campaigns, RatingService rating, SecurityIdentity identity) {
    this.campaigns = campaigns;
    this.rating = rating;
    this.identity = identity;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Role.RESEARCHER_NAME)
  @Operation(
      summary = "Create a rating campaign",
      description =
          "Pairs are every two chosen systems' responses to one prompt. Gold pairs ({better, worse,"
              + " dimension}: better's response is known to win on that dimension) are mixed in at"
              + " goldRate. Opt-in: loudnessTargetLufs (-60 to -5) serves both sides of every item"
              + " normalised to that BS.1770 loudness, never past a -1 dBTP true peak;"
              + " revealSystemsAfterVote tells raters the systems they heard once they voted. 422"
              + " lists every problem of the request.")
  @APIResponse(
      responseCode = "201",
      content = @Content(schema = @Schema(implementation = CampaignSummary.class)))
  @APIResponse(responseCode = "422")
  public Response create(CampaignSpec spec) {
    CampaignSummary created = campaigns.create(spec, identity.getPrincipal().getName());
    return Response.created(URI.create("/api/campaigns/" + created.id())).entity(created).build();
  }

  @GET
  @RolesAllowed(Role.ANNOTATOR_NAME)
  @Operation(
      summary = "Campaigns, newest first",
      description =
          "Researchers see all, with systems and raters. Annotators see only the campaigns they"
              + " rate, each with its name, instructions, dimensions, status and their own"
              + " progress: nothing about systems or other raters.")
  @APIResponse(
      responseCode = "200",
      content =
          @Content(
              schema =
                  @Schema(
                      type = SchemaType.ARRAY,
                      oneOf = {CampaignSummary.class, RaterCampaign.class})))
  public List<?> list() {
    return identity.hasRole(Role.RESEARCHER_NAME)
        ? campaigns.list()
        : rating.campaignsOf(identity.getPrincipal().getName());
  }

  @GET
  @Path("{id}")
  @RolesAllowed(Role.RESEARCHER_NAME)
  @Operation(
      summary = "A campaign with its progress",
      description =
          "Votes per pair and, per dimension, how many preferred x, y, tie or both_bad (x and y are"
              + " the pair's systemX and systemY); per rater: gold accuracy, agreement with the"
              + " majority of the others, median seconds per item.")
  @APIResponse(
      responseCode = "200",
      content = @Content(schema = @Schema(implementation = CampaignDetail.class)))
  public CampaignDetail detail(@PathParam("id") UUID id) {
    return campaigns.detail(id);
  }

  @PATCH
  @Path("{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Role.RESEARCHER_NAME)
  @Operation(
      summary =
          "Pause, resume or close a campaign, or change its settings: {\"status\": \"paused\"},"
              + " {\"loudnessTargetLufs\": -23}, {\"revealSystemsAfterVote\": true}",
      description =
          "Paused and closed campaigns hand out nothing and accept no votes (409). Closing is"
              + " final: a closed campaign gets 409 here; an admin reopens it with POST"
              + " /api/campaigns/{id}/reopen. loudnessTargetLufs (-60 to -5, or null to leave"
              + " levels as they are) applies to audio fetched from now on;"
              + " revealSystemsAfterVote tells raters which systems they heard once they voted."
              + " Fields left out are unchanged.")
  @APIResponse(
      responseCode = "200",
      content = @Content(schema = @Schema(implementation = CampaignSummary.class)))
  @APIResponse(responseCode = "409")
  @APIResponse(responseCode = "422")
  public CampaignSummary change(@PathParam("id") UUID id, Map<String, Object> change) {
    Set<String> known = Set.of("status", LOUDNESS_TARGET, REVEAL);
    if (change == null || change.isEmpty() || !known.containsAll(change.keySet())) {
      throw DomainException.invalidRequest(
          "Send any of {\"status\": \"active\" | \"paused\" | \"closed\", \""
              + LOUDNESS_TARGET
              + "\": a number or null, \""
              + REVEAL
              + "\": true | false}");
    }
    Optional<Double> loudness = null;
    if (change.containsKey(LOUDNESS_TARGET)) {
      Object target = change.get(LOUDNESS_TARGET);
      if (target != null && !(target instanceof Number)) {
        throw DomainException.invalidRequest(LOUDNESS_TARGET + ": a number of LUFS, or null");
      }
      loudness = Optional.ofNullable(target).map(t -> ((Number) t).doubleValue());
    }
    Object reveal = change.get(REVEAL);
    if (change.containsKey(REVEAL) && !(reveal instanceof Boolean)) {
      throw DomainException.invalidRequest(REVEAL + ": true or false");
    }
    Object status = change.get("status");
    if (change.containsKey("status") && !(status instanceof String)) {
      throw DomainException.invalidRequest("status: \"active\", \"paused\" or \"closed\"");
    }
    return campaigns.change(
        id, (String) status, loudness, (Boolean) reveal, identity.getPrincipal().getName());
  }

  @POST
  @Path("{id}/reopen")
  @Consumes(MediaType.WILDCARD)
  @RolesAllowed(Role.ADMIN_NAME)
  @Operation(
      summary = "Reopen a closed campaign (admins only)",
      description = "The campaign is active again; who reopened it and when is kept with it.")
  @APIResponse(
      responseCode = "200",
      content = @Content(schema = @Schema(implementation = CampaignSummary.class)))
  @APIResponse(responseCode = "409", description = "The campaign is not closed")
  public CampaignSummary reopen(@PathParam("id") UUID id) {
    return campaigns.reopen(id, identity.getPrincipal().getName());
  }

  @GET
  @Path("{id}/next")
  @RolesAllowed(Role.ANNOTATOR_NAME)
  @Operation(
      summary = "The calling rater's next assignment",
      description =
          "Resumes the rater's open assignment if there is one. No system names and no response"
              + " ids: audio comes from /api/assignments/{id}/audio/{a|b|prompt}. 204 when the"
              + " campaign needs nothing more from this rater.")
  @APIResponse(
      responseCode = "200",
      content = @Content(schema = @Schema(implementation = AssignmentView.class)))
  @APIResponse(responseCode = "204", description = "Nothing more to rate")
  public Response next(@PathParam("id") UUID id) {
    return rating
        .next(id, identity.getPrincipal().getName())
        .map(a -> Response.ok(a).build())
        .orElseGet(() -> Response.noContent().build());
  }

  @GET
  @Path("{id}/previous")
  @RolesAllowed(Role.ANNOTATOR_NAME)
  @Operation(
      summary = "The calling rater's latest voted item, to change the vote",
      description =
          "The item as the rater saw it (same blind audio URLs), with the vote that counts and how"
              + " many votes on it that one replaced; revealed names the systems heard when the"
              + " campaign reveals them after a vote. Change the vote with PUT"
              + " /api/assignments/{assignment}/vote. 204 when the rater has voted on nothing"
              + " here yet.")
  @APIResponse(
      responseCode = "200",
      content = @Content(schema = @Schema(implementation = PreviousItem.class)))
  @APIResponse(responseCode = "204", description = "No vote yet")
  public Response previous(@PathParam("id") UUID id) {
    return rating
        .previous(id, identity.getPrincipal().getName())
        .map(p -> Response.ok(p).build())
        .orElseGet(() -> Response.noContent().build());
  }
}
