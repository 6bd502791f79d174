package dev.earshot.evaluation.repository;

import dev.earshot.evaluation.JudgeScore;
import dev.earshot.platform.db.Rows;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Tuple;
import java.util.List;

@ApplicationScoped
public class JudgeScoreRepository implements PanacheRepository<JudgeScore> {

  /** A score with the prompt (its id in the dataset) and the system of the scored response. */
  public record ScoredResponse(JudgeScore score, String prompt, String system) {}

  /**
   * Mean score of one system on one dimension by one judge version ({@code judge} is id@version).
   */
  public record MeanScore(String system, String dimension, String judge, double mean, long count) {}

  /** Scores of a run's responses by the run's judge versions, in prompt order. */
  public List<ScoredResponse> ofRun(long runId) {
    return getEntityManager()
        .createQuery(
            "select sc as score, p.externalId as prompt, s.name as systemName"
                + " from JudgeScore sc, Response r join r.prompt p"
                + " join r.system s, EvaluationJob j"
                + " where j.runId = :run and j.responseId = r.id and sc.responseId = r.id"
                + " and sc.judgeId = j.judgeId and sc.judgeVersion = j.judgeVersion"
                + " order by p.position, s.name, sc.dimension, sc.judgeId",
            Tuple.class)
        .setParameter("run", runId)
        .getResultList()
        .stream()
        .map(JudgeScoreRepository::scoredResponse)
        .toList();
  }

  /** Every score of a response, by every judge version that ever scored it. */
  public List<ScoredResponse> ofResponse(long responseId) {
    return getEntityManager()
        .createQuery(
            "select sc as score, p.externalId as prompt, s.name as systemName"
                + " from JudgeScore sc, Response r join r.prompt p join r.system s"
                + " where r.id = :response and sc.responseId = r.id"
                + " order by sc.dimension, sc.judgeId, sc.createdAt",
            Tuple.class)
        .setParameter("response", responseId)
        .getResultList()
        .stream()
        .map(JudgeScoreRepository::scoredResponse)
        .toList();
  }

  private static ScoredResponse scoredResponse(Tuple row) {
    return new ScoredResponse(
        row.get("score", JudgeScore.class),
        row.get("prompt", String.class),
        row.get("systemName", String.class));
  }

  /** Mean score per system, dimension and judge version over a run. */
  public List<MeanScore> meansOfRun(long runId) {
    List<Tuple> rows =
        Rows.tuples(
            getEntityManager()
                .createNativeQuery(
                    "SELECT s.name AS system_name, sc.dimension AS dimension,"
                        + " sc.judge_id || '@' || sc.judge_version AS judge, avg(sc.value) AS mean,"
                        + " count(*) AS scores"
                        + " FROM evaluation_job j JOIN judge_score sc ON sc.response_id = j.response_id"
                        + " AND sc.judge_id = j.judge_id AND sc.judge_version = j.judge_version"
                        + " JOIN response r ON r.id = j.response_id JOIN system_under_test s ON s.id = r.system_id"
                        + " WHERE j.run_id = ?1 GROUP BY 1, 2, 3 ORDER BY 2, 3, 4 DESC",
                    Tuple.class)
                .setParameter(1, runId));
    return rows.stream()
        .map(
            row ->
                new MeanScore(
                    row.get("system_name", String.class),
                    row.get("dimension", String.class),
                    row.get("judge", String.class),
                    row.get("mean", Number.class).doubleValue(),
                    row.get("scores", Number.class).longValue()))
        .toList();
  }

  /**
   * Inserts unless this (response, judge version, dimension) is already scored: a job resumed after
   * a crash, or run twice, never makes a second score.
   */
  public boolean insertIfAbsent(
      long responseId,
      String judgeId,
      String judgeVersion,
      String dimension,
      double value,
      String reason,
      String detailsJson) {
    return getEntityManager()
            .createNativeQuery(
                "INSERT INTO judge_score (response_id, judge_id, judge_version, dimension, value,"
                    + " reason, details) VALUES (?1, ?2, ?3, ?4, ?5, ?6, CAST(?7 AS jsonb))"
                    + " ON CONFLICT (response_id, judge_id, judge_version, dimension) DO NOTHING")
            .setParameter(1, responseId)
            .setParameter(2, judgeId)
            .setParameter(3, judgeVersion)
            .setParameter(4, dimension)
            .setParameter(5, value)
            .setParameter(6, reason)
            .setParameter(7, detailsJson)
            .executeUpdate()
        == 1;
  }
}
