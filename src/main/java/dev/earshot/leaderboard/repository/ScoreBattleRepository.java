package dev.earshot.leaderboard.repository;

import dev.earshot.platform.db.Rows;
import dev.earshot.preference.repository.PreferenceTallyRepository.PairTally;
import dev.earshot.preference.repository.PreferenceTallyRepository.VerdictWindow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;
import java.util.List;

/**
 * Battles derived from pointwise judges' scores in table {@code judge_score}: every two responses
 * to the same prompt that the same judge version scored on the same dimension.
 */
@ApplicationScoped
public class ScoreBattleRepository {

  /**
   * Two responses to one prompt scored by one judge version; response A has the lower id.
   *
   * @param judge {@code <judge id>@<version>}
   * @param scoreSign the sign of A's score minus B's: 1, 0 or -1
   */
  public record ScoredPair(
      long promptId, long responseAId, long responseBId, String judge, int scoreSign) {}

  private final EntityManager entityManager;

  public ScoreBattleRepository(EntityManager entityManager) {
    this.entityManager = entityManager;
  }

  /**
   * Score battles on the dimension counted per system pair, with verdict {@code a_better}, {@code
   * b_better} or {@code tie}: the higher score wins. Of one judge unless {@code judge} is null:
   * {@code <id>} for every version, {@code <id>@<version>} for one; both scores made in the window.
   */
  public List<PairTally> tallies(String judge, String dimension, VerdictWindow window) {
    String judgeFilter =
        judge == null
            ? ""
            : judge.contains("@")
                ? " AND x.judge_id || '@' || x.judge_version = :judge"
                : " AND x.judge_id = :judge";
    Query sql =
        entityManager
            .createNativeQuery(
                "SELECT sa.name AS system_a, sb.name AS system_b, CASE WHEN x.value > y.value"
                    + " THEN 'a_better' WHEN x.value < y.value THEN 'b_better' ELSE 'tie' END"
                    + " AS verdict, count(*) AS battles"
                    + " FROM judge_score x JOIN judge_score y ON y.judge_id = x.judge_id"
                    + " AND y.judge_version = x.judge_version AND y.dimension = x.dimension"
                    + " AND y.response_id > x.response_id"
                    + " JOIN response ra ON ra.id = x.response_id"
                    + " JOIN response rb ON rb.id = y.response_id AND rb.prompt_id = ra.prompt_id"
                    + " JOIN system_under_test sa ON sa.id = ra.system_id"
                    + " JOIN system_under_test sb ON sb.id = rb.system_id"
                    + " WHERE x.dimension = :dimension"
                    + judgeFilter
                    + window.timeSql("x.created_at")
                    + window.timeSql("y.created_at")
                    + window.datasetSql("ra.prompt_id")
                    + " GROUP BY 1, 2, 3",
                Tuple.class)
            .setParameter("dimension", dimension);
    if (judge != null) {
      sql.setParameter("judge", judge);
    }
    window.bind(sql);
    List<Tuple> rows = Rows.tuples(sql);
    return rows.stream().map(PairTally::of).toList();
  }

  /** Every scored pair on the dimension, of every judge version. */
  public List<ScoredPair> scoredPairs(String dimension) {
    List<Tuple> rows =
        Rows.tuples(
            entityManager
                .createNativeQuery(
                    "SELECT ra.prompt_id AS prompt_id, x.response_id AS response_a_id, y.response_id"
                        + " AS response_b_id, x.judge_id || '@' || x.judge_version AS judge,"
                        + " sign(x.value - y.value) AS score_sign FROM judge_score x JOIN judge_score"
                        + " y ON y.judge_id = x.judge_id AND y.judge_version = x.judge_version AND"
                        + " y.dimension = x.dimension AND y.response_id > x.response_id JOIN response ra"
                        + " ON ra.id = x.response_id JOIN response rb ON rb.id = y.response_id AND"
                        + " rb.prompt_id = ra.prompt_id WHERE x.dimension = :dimension",
                    Tuple.class)
                .setParameter("dimension", dimension));
    return rows.stream()
        .map(
            row ->
                new ScoredPair(
                    row.get("prompt_id", Number.class).longValue(),
                    row.get("response_a_id", Number.class).longValue(),
                    row.get("response_b_id", Number.class).longValue(),
                    row.get("judge", String.class),
                    row.get("score_sign", Number.class).intValue()))
        .toList();
  }
}
