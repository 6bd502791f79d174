package dev.earshot.evaluation.rest;

import dev.earshot.evaluation.service.EvaluationService;
import dev.earshot.evaluation.service.RunViews.NewRun;
import dev.earshot.evaluation.service.RunViews.PreferenceView;
import dev.earshot.evaluation.service.RunViews.RunView;
import dev.earshot.evaluation.service.RunViews.ScoreView;
import dev.earshot.evaluation.service.RunViews.SummaryView;
import dev.earshot.security.Role;
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

// Explicit, though it is the default role: OpenAPI then documents the bearer scheme.
@RolesAllowed(Role.RESEARCHER_NAME)
@Path("/api/runs")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Evaluation", description = "Evaluation runs: dataset x systems x judge versions")
public class RunResource {

  private final EvaluationService evaluation;

  public RunResource(EvaluationService evaluation) {
    this.evaluation = evaluation;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Start an evaluation run",
      description =
          "Queues one job per response and judge (per prompt and pair of systems for a pairwise"
              + " judge); workers (in this and any other instance on"
              + " the same database) process them. A (response, judge version) is never scored twice.")
  @APIResponse(
      responseCode = "201",
      content = @Content(schema = @Schema(implementation = RunView.class)))
  @APIResponse(responseCode = "422", description = "Unknown dataset, system or judge")
  public Response start(NewRun request) {
    RunView run = evaluation.start(request);
    return Response.created(URI.create("/api/runs/" + run.id())).entity(run).build();
  }

  @GET
  @Operation(summary = "All runs, newest first")
  public List<RunView> list() {
    return evaluation.list();
  }

  @GET
  @Path("{id}")
  @Operation(summary = "Progress of a run: done / failed / total, ETA, first failures")
  public RunView get(@PathParam("id") long id) {
    return evaluation.get(id);
  }

  @GET
  @Path("{id}/scores")
  @Operation(summary = "Every score of the run, with the judge version and its reason")
  public List<ScoreView> scores(@PathParam("id") long id) {
    return evaluation.scores(id);
  }

  @GET
  @Path("{id}/preferences")
  @Operation(
      summary = "Every pairwise verdict of the run's pairwise judges",
      description =
          "One per prompt, pair of systems (A sorts first), dimension and judge version; a"
              + " verdict whose two presentation orders disagreed is a tie with positionConflict.")
  public List<PreferenceView> preferences(@PathParam("id") long id) {
    return evaluation.preferences(id);
  }

  @GET
  @Path("{id}/summary")
  @Operation(summary = "Mean score per system, dimension and judge version")
  public List<SummaryView> summary(@PathParam("id") long id) {
    return evaluation.summary(id);
  }
}
