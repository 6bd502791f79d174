package dev.earshot.evaluation.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.UUID;

/** Table {@code preference}: pairwise verdicts of people and judges, written with plain SQL. */
@ApplicationScoped
public class PreferenceRepository {

  /** A judge's verdict on one pair and dimension, from A's point of view. */
  public record JudgePreference(
      UUID id,
      long jobId,
      long promptId,
      long responseAId,
      long responseBId,
      String dimension,
      String verdict,
      String source,
      boolean positionConflict,
      String detailsJson) {}

  /**
   * A person's vote on one pair and dimension, from A's point of view (A was heard first); {@code
   * source} is {@code rater:<name>}.
   */
  public record HumanPreference(
      UUID id,
      long promptId,
      long responseAId,
      long responseBId,
      String dimension,
      String verdict,
      String source,
      String detailsJson) {}

  private final EntityManager entityManager;

  public PreferenceRepository(EntityManager entityManager) {
    this.entityManager = entityManager;
  }

  /** Whether the job has stored its verdicts already (they are stored together). */
  public boolean existsForJob(long jobId) {
    return !entityManager
        .createNativeQuery("SELECT 1 FROM preference WHERE job_id = ?1 LIMIT 1")
        .setParameter(1, jobId)
        .getResultList()
        .isEmpty();
  }

  /**
   * Inserts unless a preference with this id exists: a resumed job never stores a verdict twice.
   */
  public boolean insertIfAbsent(JudgePreference preference) {
    return entityManager
            .createNativeQuery(
                "INSERT INTO preference (id, prompt_id, response_a_id, response_b_id, dimension,"
                    + " verdict, source_kind, source, position_conflict, details, job_id)"
                    + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'judge', ?7, ?8, CAST(?9 AS jsonb), ?10)"
                    + " ON CONFLICT (id) DO NOTHING")
            .setParameter(1, preference.id())
            .setParameter(2, preference.promptId())
            .setParameter(3, preference.responseAId())
            .setParameter(4, preference.responseBId())
            .setParameter(5, preference.dimension())
            .setParameter(6, preference.verdict())
            .setParameter(7, preference.source())
            .setParameter(8, preference.positionConflict())
            .setParameter(9, preference.detailsJson())
            .setParameter(10, preference.jobId())
            .executeUpdate()
        == 1;
  }

  /** Inserts unless a preference with this id exists: a re-imported vote is not stored twice. */
  public boolean insertIfAbsent(HumanPreference preference) {
    return entityManager
            .createNativeQuery(
                "INSERT INTO preference (id, prompt_id, response_a_id, response_b_id, dimension,"
                    + " verdict, source_kind, source, details)"
                    + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'human', ?7, CAST(?8 AS jsonb))"
                    + " ON CONFLICT (id) DO NOTHING")
            .setParameter(1, preference.id())
            .setParameter(2, preference.promptId())
            .setParameter(3, preference.responseAId())
            .setParameter(4, preference.responseBId())
            .setParameter(5, preference.dimension())
            .setParameter(6, preference.verdict())
            .setParameter(7, preference.source())
            .setParameter(8, preference.detailsJson())
            .executeUpdate()
        == 1;
  }
}
