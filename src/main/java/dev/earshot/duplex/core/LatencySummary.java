package dev.earshot.duplex.core;

import dev.earshot.stats.Quantiles;
import java.util.List;

/**
 * Response latencies of a dialogue's turns.
 *
 * @param median median latency in seconds; null without turns
 * @param p90 90th percentile (linear interpolation, numpy's default); null without turns
 * @param count number of turns
 */
public record LatencySummary(Double median, Double p90, int count) {

  static LatencySummary of(List<Turn> turns) {
    if (turns.isEmpty()) {
      return new LatencySummary(null, null, 0);
    }
    double[] sorted = turns.stream().mapToDouble(Turn::latencySeconds).sorted().toArray();
    return new LatencySummary(
        Quantiles.ofSorted(sorted, 0.5), Quantiles.ofSorted(sorted, 0.9), sorted.length);
  }
}
