package dev.earshot.reward.rest;

import dev.earshot.platform.rest.ProblemMappers;
import dev.earshot.reward.service.RewardScoringFailure;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A judge that threw on a reward item: 500, naming the item in {@code detail} and {@code
 * errors[0].index} as a refused item is named, so that the trainer's log says which query failed.
 */
public class RewardScoringFailureMapper {

  @ServerExceptionMapper
  public Response scoringFailed(RewardScoringFailure e, UriInfo uri) {
    return ProblemMappers.respond(
        500,
        RewardScoringFailure.TITLE,
        e.getMessage(),
        uri,
        List.of(Map.of("index", e.index(), "detail", e.getMessage())));
  }
}
