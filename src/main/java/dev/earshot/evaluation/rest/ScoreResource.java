package dev.earshot.evaluation.rest;

import dev.earshot.evaluation.service.EvaluationService;
import dev.earshot.evaluation.service.RunViews.ScoreView;
import dev.earshot.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

// Explicit, though it is the default role: OpenAPI then documents the bearer scheme.
@RolesAllowed(Role.RESEARCHER_NAME)
@Path("/api/scores")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Evaluation")
public class ScoreResource {

  private final EvaluationService evaluation;

  public ScoreResource(EvaluationService evaluation) {
    this.evaluation = evaluation;
  }

  @GET
  @Operation(summary = "Every score of a response, by every judge version that scored it")
  public List<ScoreView> ofResponse(@QueryParam("response") long responseId) {
    return evaluation.scoresOfResponse(responseId);
  }
}
