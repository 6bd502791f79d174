package dev.earshot.rating.rest;

import dev.earshot.audio.rest.AudioResource;
import dev.earshot.audio.rest.ByteRange;
import dev.earshot.rating.service.RatingService;
import dev.earshot.rating.service.RatingService.AssignmentView;
import dev.earshot.rating.service.RatingService.BlindAudio;
import dev.earshot.rating.service.RatingService.Side;
import dev.earshot.rating.service.RatingService.VoteChange;
import dev.earshot.rating.service.RatingService.VoteReceipt;
import dev.earshot.security.Role;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A rater's assignment: its audio, play-to-the-end reports and skipping. */
@Path("/api/assignments/{id}")
@Tag(name = "Rating")
@RolesAllowed(Role.ANNOTATOR_NAME)
public class AssignmentResource {

  private final RatingService rating;
  private final SecurityIdentity identity;

  public AssignmentResource(RatingService rating, SecurityIdentity identity) {
    this.rating = rating;
    this.identity = identity;
  }

  @GET
  @Path("audio/{side}")
  @Produces("audio/wav")
  @Operation(
      summary = "Audio of the rater's own assignment: response a, b, or the prompt",
      description =
          "Named by side only, so nothing in the URL tells which system spoke. Every side of every"
              + " item of a campaign comes in the campaign's one format (mono 16-bit PCM WAV at the"
              + " campaign's sample rate, no metadata chunks) with an ETag that names no source"
              + " file. Supports HTTP Range (one range). The byte ranges sent of a and b are"
              + " recorded: a vote needs both sent completely.")
  @APIResponse(responseCode = "200", description = "Whole file")
  @APIResponse(responseCode = "206", description = "The requested range")
  @APIResponse(responseCode = "416")
  public Response audio(
      @PathParam("id") UUID id,
      @PathParam("side") String side,
      @HeaderParam("Range") String range,
      @Context Request request) {
    Side which = Side.parse(side);
    BlindAudio blind = rating.audio(id, rater(), which);
    ByteRange requested = ByteRange.parse(range, blind.sizeBytes());
    // HEAD is answered by this method too but sends no bytes: it is no evidence.
    if (!HttpMethod.HEAD.equals(request.getMethod())) {
      long start = requested == null ? 0 : requested.start();
      long end = requested == null ? blind.sizeBytes() - 1 : requested.end();
      rating.sent(id, rater(), which, start, end, blind.sizeBytes());
    }
    return AudioResource.streamFile(
        blind.file(), blind.sizeBytes(), "audio/wav", blind.etag(), requested);
  }

  @POST
  @Path("played/{side}")
  @Consumes(MediaType.WILDCARD)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Report that response a or b played to the end",
      description =
          "Refused (422) when less time has passed since the assignment was handed out than the"
              + " response lasts. Votes need both reports.")
  @APIResponse(
      responseCode = "200",
      content = @Content(schema = @Schema(implementation = AssignmentView.class)))
  @APIResponse(responseCode = "422")
  public AssignmentView played(@PathParam("id") UUID id, @PathParam("side") String side) {
    return rating.played(id, rater(), Side.parse(side));
  }

  @POST
  @Path("skip")
  @Consumes(MediaType.WILDCARD)
  @Operation(summary = "Skip this pair: it is not given to this rater again")
  @APIResponse(responseCode = "204")
  public void skip(@PathParam("id") UUID id) {
    rating.skip(id, rater());
  }

  @PUT
  @Path("vote")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Change the rater's vote on an item they voted on",
      description =
          "{\"id\": a new UUID for this vote, \"verdicts\", \"reasonTags\", \"comment\"}, as"
              + " for POST /api/votes. The new vote counts from now on (campaign progress,"
              + " leaderboards, exports); the earlier one is kept, marked superseded by it (GET"
              + " /api/votes?campaign=...&history=true). 201 changed, 200 when this id was stored"
              + " before (a retry); 409 when the item was not voted on or the campaign is paused or"
              + " closed; 404 for an item that is not the caller's; 429 over the rate limit.")
  @APIResponse(
      responseCode = "201",
      content = @Content(schema = @Schema(implementation = VoteReceipt.class)))
  @APIResponse(responseCode = "200", description = "The same vote was stored before")
  @APIResponse(responseCode = "409")
  @APIResponse(responseCode = "422")
  @APIResponse(responseCode = "429")
  public Response changeVote(@PathParam("id") UUID id, VoteChange change) {
    VoteReceipt receipt = rating.revise(id, change, rater());
    return Response.status(receipt.created() ? 201 : 200).entity(receipt).build();
  }

  private String rater() {
    return identity.getPrincipal().getName();
  }
}
