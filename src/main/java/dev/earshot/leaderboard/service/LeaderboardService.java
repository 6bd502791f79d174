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
import java.util.Optional;
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

  /**
   * Five-point verdicts collapse to the direction: "much" only matters for agreement statistics.
   */
  private static final Map<String, Outcome> VERDICT_OUTCOMES =
      Map.of(
          "a_much_better", Outcome.A_WINS,
          "a_better", Outcome.A_WINS,
          "tie", Outcome.TIE,
          "b_better", Outcome.B_WINS,
          "b_much_better", Outcome.B_WINS,
          "both_bad", Outcome.BOTH_BAD);

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
   * @param source {@code humans}, {@code judge:<id>} (every version), {@code judge:<id>@<version>}
   *     or {@code arena:<name>}
   * @param dimension the dimension of human and judge verdicts; ignored for arenas
   * @param bootstrap bootstrap rounds (0: Wald intervals only)
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<RowView> leaderboard(String source, String dimension, int bootstrap, long seed) {
    if (bootstrap < 0 || bootstrap > MAX_BOOTSTRAP) {
      throw ProblemException.badRequest("bootstrap must be between 0 and " + MAX_BOOTSTRAP);
    }
    PairwiseCounts counts = counts(source, dimension);
    if (counts.totalVotes() == 0) {
      return List.of();
    }
    try {
      return compute(counts, bootstrap, seed).stream().map(RowView::of).toList();
    } catch (NonIdentifiableRatingsException e) {
      throw new ProblemException(
          422,
          "Ratings not identifiable",
          e.getMessage()
              + ". Bradley–Terry needs every system to have won and lost (or tied) against the others;"
              + " add battles that connect them.");
    }
  }

  /**
   * System → rating of the same leaderboard as {@link #leaderboard} without bootstrap; empty when
   * the source has no votes on the dimension or its ratings are not identifiable.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<Map<String, Double>> ratings(String source, String dimension) {
    PairwiseCounts counts = counts(source, dimension);
    if (counts.totalVotes() == 0) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          compute(counts, 0, 1).stream()
              .collect(Collectors.toMap(LeaderboardRow::system, LeaderboardRow::rating)));
    } catch (NonIdentifiableRatingsException e) {
      return Optional.empty();
    }
  }

  private static List<LeaderboardRow> compute(PairwiseCounts counts, int bootstrap, long seed) {
    return Leaderboard.compute(
            counts,
            BradleyTerryModel.halfWin(),
            RatingScale.elo(),
            BootstrapSettings.seeded(seed).withRounds(bootstrap))
        .rows();
  }

  private PairwiseCounts counts(String source, String dimension) {
    if (source != null && source.startsWith("arena:")) {
      return arenaCounts(source.substring("arena:".length()));
    }
    if ("humans".equals(source)) {
      return preferenceCounts("human", null, dimension);
    }
    if (source != null && source.startsWith("judge:") && source.length() > "judge:".length()) {
      return preferenceCounts("judge", source.substring("judge:".length()), dimension);
    }
    throw ProblemException.badRequest(
        "source must be humans, judge:<id>, judge:<id>@<version> or arena:<name>; got " + source);
  }

  private PairwiseCounts arenaCounts(String arena) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        entityManager
            .createNativeQuery(
                "SELECT system_a, system_b, outcome, count(*) FROM arena_battle WHERE arena = ?1"
                    + " GROUP BY 1, 2, 3")
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

  /**
   * Verdicts of people or of a judge, by system pair. A judge's verdict on the same pair and
   * dimension counts once even when several runs stored it.
   */
  private PairwiseCounts preferenceCounts(String kind, String judge, String dimension) {
    if (dimension == null) {
      throw ProblemException.badRequest("dimension is required for human and judge leaderboards");
    }
    String sourceFilter =
        judge == null
            ? ""
            : judge.contains("@") ? " AND p.source = :judge" : " AND p.source LIKE :judge";
    jakarta.persistence.Query query =
        entityManager
            .createNativeQuery(
                "SELECT sa.name, sb.name, d.verdict, count(*) FROM (SELECT DISTINCT ON (p.source,"
                    + " p.response_a_id, p.response_b_id, p.dimension, CASE WHEN p.source_kind ="
                    + " 'human' THEN p.id END) p.response_a_id, p.response_b_id, p.verdict FROM"
                    + " preference p WHERE p.source_kind = :kind AND p.dimension = :dimension"
                    + sourceFilter
                    + " ORDER BY p.source, p.response_a_id, p.response_b_id, p.dimension, CASE WHEN"
                    + " p.source_kind = 'human' THEN p.id END, p.created_at) d"
                    + " JOIN response ra ON ra.id = d.response_a_id JOIN system_under_test sa ON"
                    + " sa.id = ra.system_id JOIN response rb ON rb.id = d.response_b_id JOIN"
                    + " system_under_test sb ON sb.id = rb.system_id GROUP BY 1, 2, 3")
            .setParameter("kind", kind)
            .setParameter("dimension", dimension);
    if (judge != null) {
      query.setParameter("judge", judge.contains("@") ? judge : judge + "@%");
    }
    @SuppressWarnings("unchecked")
    List<Object[]> rows = query.getResultList();
    PairwiseCounts.Builder counts = PairwiseCounts.builder();
    for (Object[] row : rows) {
      counts.add(
          (String) row[0],
          (String) row[1],
          VERDICT_OUTCOMES.get((String) row[2]),
          ((Number) row[3]).longValue());
    }
    return counts.build();
  }
}
