package dev.earshot.evaluation.repository;

import dev.earshot.evaluation.JudgeScore;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class JudgeScoreRepository implements PanacheRepository<JudgeScore> {

  public List<JudgeScore> ofResponse(long responseId) {
    return list("responseId", Sort.by("dimension").and("judgeId").and("createdAt"), responseId);
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
