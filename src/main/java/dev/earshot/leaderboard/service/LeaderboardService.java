package dev.earshot.leaderboard.service;

import dev.earshot.platform.rest.ProblemException;
import dev.earshot.stats.BootstrapSettings;
import dev.earshot.stats.BradleyTerryModel;
import dev.earshot.stats.Leaderboard;
import dev.earshot.stats.LeaderboardRow;
import dev.earshot.stats.NonIdentifiableRatingsException;
import dev.earshot.stats.Outcome;
import dev.earshot.stats.PairwiseCounts;
import dev.earshot.stats.RatingScale;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Bradley–Terry leaderboards (ties as half a win each way, Elo-like scale centred at 1000) with
 * Wald errors and seeded bootstrap intervals, per source of pairwise verdicts.
 */
@ApplicationScoped
public class LeaderboardService {

  public static final int MAX_BOOTSTRAP = 10_000;
  private static final Map<String, Outcome> STORED_OUTCOMES =
      ArenaService.STORED.entrySet().stream()
          .collect(Collectors.toMap(Map.Entry::getValue, Map.Entry::getKey));

  private final EntityManager entityManager;

  public LeaderboardService(EntityManager entityManager) {
    this.entityManager = entityManager;
  }

  /** One leaderboard row (contract of {@code GET /api/leaderboard}). */
  @Schema(name = "LeaderboardRow")
  public record RowView(
      String system,
      double rating,
      @Schema(description = "Wald standard error from the Fisher information, rating points")
          double standardError,
      @Schema(description = "percentile bootstrap interval (Wald interval when bootstrap=0)")
          double ciLow,
      double ciHigh,
      @Schema(
              description =
                  "1 + number of systems whose lower bound is above this one's upper bound")
          int rankUpperBound,
      long battles,
      long wins,
      long losses,
      @Schema(description = "ties, both-bad included") long ties,
      @Schema(description = "of the ties, how many were 'both bad'") long bothBad) {

    static RowView of(LeaderboardRow row) {
      return new RowView(
          row.system(),
          row.rating(),
          row.standardError(),
          row.ciLow(),
          row.ciHigh(),
          row.rankUpperBound(),
          row.battles(),
          row.wins(),
          row.losses(),
          row.ties() + row.bothBad(),
          row.bothBad());
    }
  }

  /**
   * @param source {@code arena:<name>}
   * @param bootstrap bootstrap rounds (0: Wald intervals only)
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<RowView> leaderboard(String source, int bootstrap, long seed) {
    if (bootstrap < 0 || bootstrap > MAX_BOOTSTRAP) {
      throw ProblemException.badRequest("bootstrap must be between 0 and " + MAX_BOOTSTRAP);
    }
    PairwiseCounts counts = counts(source);
    if (counts.totalVotes() == 0) {
      return List.of();
    }
    try {
      return Leaderboard.compute(
              counts,
              BradleyTerryModel.halfWin(),
              RatingScale.elo(),
              BootstrapSettings.seeded(seed).withRounds(bootstrap))
          .rows()
          .stream()
          .map(RowView::of)
          .toList();
    } catch (NonIdentifiableRatingsException e) {
      throw new ProblemException(
          422,
          "Ratings not identifiable",
          e.getMessage()
              + ". Bradley–Terry needs every system to have won and lost (or tied) against the others;"
              + " add battles that connect them.");
    }
  }

  private PairwiseCounts counts(String source) {
    if (source == null || !source.startsWith("arena:")) {
      throw ProblemException.badRequest(
          "source must be arena:<name>; human and judge sources come with the rating campaigns");
    }
    String arena = source.substring("arena:".length());
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        entityManager
            .createNativeQuery(
                "SELECT system_a, system_b, outcome, count(*) FROM arena_battle WHERE arena = ?1 GROUP BY 1, 2, 3")
            .setParameter(1, arena)
            .getResultList();
    if (rows.isEmpty()) {
      throw ProblemException.notFound(
          "No battles in arena '"
              + arena
              + "'; import them with POST /api/arenas/"
              + arena
              + "/battles");
    }
    PairwiseCounts.Builder counts = PairwiseCounts.builder();
    for (Object[] row : rows) {
      counts.add(
          (String) row[0],
          (String) row[1],
          STORED_OUTCOMES.get((String) row[2]),
          ((Number) row[3]).longValue());
    }
    return counts.build();
  }
}
