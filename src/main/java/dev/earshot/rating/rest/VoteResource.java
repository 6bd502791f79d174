package dev.earshot.rating.rest;

import dev.earshot.platform.error.DomainException;
import dev.earshot.rating.service.CampaignService;
import dev.earshot.rating.service.CampaignViews.VoteView;
import dev.earshot.rating.service.RatingService;
import dev.earshot.rating.service.RatingService.VoteReceipt;
import dev.earshot.rating.service.RatingService.VoteRequest;
import dev.earshot.security.Role;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Votes: the rating page and scripts submit the same JSON. */
@Path("/api/votes")
@Tag(name = "Rating")
@Produces(MediaType.APPLICATION_JSON)
public class VoteResource {

  private final RatingService rating;
  private final CampaignService campaigns;
  private final SecurityIdentity identity;

  public VoteResource(RatingService rating, CampaignService campaigns, SecurityIdentity identity) {
    this.rating = rating;
    this.campaigns = campaigns;
    this.identity = identity;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Role.ANNOTATOR_NAME)
  @Operation(
      summary = "Submit a vote",
      description =
          "{\"id\": a UUID the client makes once per vote, \"assignment\", \"verdicts\":"
              + " {dimension: a_much_better | a_better | tie | b_better | b_much_better |"
              + " both_bad}, \"reasonTags\": [...], \"comment\"}. One verdict per campaign"
              + " dimension, from the point of view of the response heard as A. Answered only after"
              + " the vote is committed: 201 stored, 200 when this id was stored before (a retry)."
              + " 422 before both responses were sent completely (GET"
              + " /api/assignments/{id}/audio/a and /b) and played to the end; 409 for another"
              + " vote on the same assignment or on a paused or closed campaign; 429 over the"
              + " rater's rate limit, which holds for concurrent submits too. When the campaign"
              + " reveals systems after a vote, the answer's revealed names the systems heard as"
              + " A and B (null otherwise).")
  @APIResponse(
      responseCode = "201",
      content = @Content(schema = @Schema(implementation = VoteReceipt.class)))
  @APIResponse(responseCode = "200", description = "The same vote was stored before")
  @APIResponse(responseCode = "409")
  @APIResponse(responseCode = "422")
  @APIResponse(responseCode = "429")
  public Response vote(VoteRequest vote) {
    VoteReceipt receipt = rating.vote(vote, identity.getPrincipal().getName());
    return Response.status(receipt.created() ? 201 : 200).entity(receipt).build();
  }

  @GET
  @RolesAllowed(Role.RESEARCHER_NAME)
  @Operation(
      summary = "Every vote of a campaign, oldest first",
      description =
          "With the systems heard as A and B; researchers only. Only the votes that count (a"
              + " rater's latest on each item); with history=true also the ones a changed vote"
              + " replaced, each with supersededBy and supersededAt.")
  public List<VoteView> votes(
      @QueryParam("campaign") UUID campaign, @QueryParam("history") boolean history) {
    if (campaign == null) {
      throw DomainException.invalidRequest("Name the campaign: ?campaign=<id>");
    }
    return campaigns.votes(campaign, history);
  }
}
