package dev.earshot.stats.agreement;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.stat.correlation.KendallsCorrelation;
import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;

/**
 * System-level rank correlation between two leaderboards over the systems both contain.
 *
 * <p>Leaderboards map system → score, e.g. a rating (or a rank, as long as both use the same
 * direction). Spearman's ρ ranks tied scores by their average rank; Kendall's τ is τ-b, corrected
 * for ties. Either is NaN when one leaderboard gives all shared systems the same score.
 *
 * @param systems number of shared systems
 * @param spearmanRho Spearman's rank correlation
 * @param kendallTauB Kendall's τ-b
 */
public record RankCorrelation(int systems, double spearmanRho, double kendallTauB) {

  /**
   * @throws IllegalArgumentException when fewer than two systems are shared
   */
  public static RankCorrelation between(
      Map<String, Double> leaderboardA, Map<String, Double> leaderboardB) {
    List<String> shared = new ArrayList<>();
    for (String system : leaderboardA.keySet()) {
      if (leaderboardB.containsKey(system)) {
        shared.add(system);
      }
    }
    if (shared.size() < 2) {
      throw new IllegalArgumentException(
          "Rank correlation needs at least two shared systems, got " + shared.size());
    }
    double[] scoresA = shared.stream().mapToDouble(leaderboardA::get).toArray();
    double[] scoresB = shared.stream().mapToDouble(leaderboardB::get).toArray();
    return new RankCorrelation(
        shared.size(),
        new SpearmansCorrelation().correlation(scoresA, scoresB),
        new KendallsCorrelation().correlation(scoresA, scoresB));
  }
}
