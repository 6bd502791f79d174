package dev.earshot.stats;

import java.util.List;

/**
 * A computed leaderboard.
 *
 * @param rows sorted by rating, highest first (ties in rating broken by system name)
 * @param fit the point estimate behind the ratings (log-strengths, covariance, Davidson ν)
 * @param bootstrapRounds rounds run (0: intervals are Wald intervals)
 * @param regularisedRounds bootstrap rounds whose resample had no finite MLE and were fitted with
 *     the degenerate-round ridge; many of them signal systems with too few battles
 */
public record LeaderboardResult(
    List<LeaderboardRow> rows, BradleyTerryFit fit, int bootstrapRounds, int regularisedRounds) {

  public LeaderboardResult {
    rows = List.copyOf(rows);
  }
}
