package dev.earshot.reward.rest;

import dev.earshot.reward.service.RewardModelTrainingService;
import dev.earshot.reward.service.RewardModelViews.NewRewardModel;
import dev.earshot.reward.service.RewardModelViews.TrainingView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/reward-models")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"admin", "researcher"})
@Tag(
    name = "Reward models",
    description = "Bradley–Terry reward models trained from preference pairs; each becomes a judge")
public class RewardModelResource {

  private final RewardModelTrainingService trainings;

  public RewardModelResource(RewardModelTrainingService trainings) {
    this.trainings = trainings;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Train a reward model",
      description =
          "Trains in the background on the preference pairs of a source and dimension (ties and"
              + " both-bad left out), holding out the pairs of a share of prompts; a network and a"
              + " linear baseline are trained on the same per-response features. The network is"
              + " written into the judges folder as a new version of the reward-model judge"
              + " 'name'. Follow the progress at the Location.")
  @APIResponse(
      responseCode = "202",
      description = "Queued",
      content = @Content(schema = @Schema(implementation = TrainingView.class)))
  @APIResponse(responseCode = "400", description = "Invalid settings")
  @APIResponse(
      responseCode = "409",
      description = "The name belongs to another kind of judge, or is being trained")
  @APIResponse(responseCode = "422", description = "Unknown dataset, or too few preference pairs")
  public Response train(NewRewardModel request) {
    TrainingView training = trainings.start(request);
    return Response.accepted(training)
        .location(URI.create("/api/reward-models/" + training.id()))
        .build();
  }

  @GET
  @Operation(summary = "Every training, newest first")
  public List<TrainingView> list() {
    return trainings.list();
  }

  @GET
  @Path("{id}")
  @Operation(
      summary = "One training",
      description =
          "Status and steps done; once succeeded, held-out and training accuracy of the network"
              + " and of the linear baseline, and the judge version it produced.")
  public TrainingView get(@PathParam("id") long id) {
    return trainings.get(id);
  }
}
