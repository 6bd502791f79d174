package dev.earshot.duplex.repository;

import dev.earshot.platform.db.Rows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import java.util.List;

/** The scores of duplex (turn-taking) judges in table {@code judge_score}. */
@ApplicationScoped
public class DuplexScoreRepository {

  /**
   * One dialogue's latest turn-taking score.
   *
   * @param judge {@code <judge id>@<version>}
   * @param detailsJson the judge's measurements, a JSON object
   */
  public record DialogueScore(
      String system,
      String prompt,
      long responseId,
      String judge,
      double score,
      String detailsJson) {}

  private final EntityManager entityManager;

  public DuplexScoreRepository(EntityManager entityManager) {
    this.entityManager = entityManager;
  }

  /**
   * Per response of the dataset, the newest score of a judge of kind {@code duplex}, ordered by
   * system and prompt position.
   */
  public List<DialogueScore> latestScores(String datasetName) {
    List<Tuple> rows =
        Rows.tuples(
            entityManager
                .createNativeQuery(
                    "SELECT * FROM (SELECT DISTINCT ON (s.response_id) sy.name AS system_name,"
                        + " p.external_id AS prompt, p.position AS position, s.response_id AS"
                        + " response_id, s.judge_id || '@' || s.judge_version AS judge, s.value AS"
                        + " score, s.details::text AS details FROM judge_score s JOIN judge_version v"
                        + " ON v.judge_id = s.judge_id AND v.version = s.judge_version JOIN response"
                        + " r ON r.id = s.response_id JOIN prompt p ON p.id = r.prompt_id JOIN"
                        + " dataset d ON d.id = p.dataset_id JOIN system_under_test sy ON sy.id ="
                        + " r.system_id WHERE v.kind = 'duplex' AND d.name = :dataset ORDER BY"
                        + " s.response_id, s.created_at DESC, s.id DESC) latest ORDER BY"
                        + " system_name, position",
                    Tuple.class)
                .setParameter("dataset", datasetName));
    return rows.stream()
        .map(
            row ->
                new DialogueScore(
                    row.get("system_name", String.class),
                    row.get("prompt", String.class),
                    Rows.longOf(row, "response_id"),
                    row.get("judge", String.class),
                    row.get("score", Number.class).doubleValue(),
                    row.get("details", String.class)))
        .toList();
  }
}
