package dev.earshot.reward.core;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;

/**
 * The body answered to OpenRLHF: {@code {"rewards": [...], "scores": [...], "extra_logs": {...}}},
 * every list aligned with the request's {@code query}.
 *
 * @param rewards what the policy is trained on: the combined score after the profile's
 *     normalisation
 * @param scores the combined score before normalisation (the weighted mean of the judges, on their
 *     scale), which stays comparable across batches for filtering and logging
 * @param extraLogs per dimension, each item's judge score (the stand-in {@link
 *     RewardCombiner#NOT_SCORED} where that judge gave none), and per dimension a {@code
 *     <dimension>/scored} list of 1 or 0; never a null, as OpenRLHF makes a tensor of each value
 */
@JsonPropertyOrder({"rewards", "scores", "extra_logs"})
public record RewardResponse(
    List<Double> rewards,
    List<Double> scores,
    @JsonProperty("extra_logs") Map<String, List<Double>> extraLogs) {}
