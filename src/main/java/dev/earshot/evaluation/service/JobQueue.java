package dev.earshot.evaluation.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The evaluation job table used as a queue. Claims use {@code FOR UPDATE SKIP LOCKED}, so any
 * number of workers, in any number of instances on one database, take disjoint jobs; a claimed job
 * carries a lease, and a job whose worker died is claimed again once its lease has run out.
 */
@ApplicationScoped
public class JobQueue {

  /** Job states as stored. */
  public enum Status {
    PENDING,
    RUNNING,
    DONE,
    FAILED
  }

  /**
   * A job as handed to a worker.
   *
   * @param responseBId the second response of a pairwise job (the first is {@code responseId}),
   *     null for a job that scores one response
   */
  public record ClaimedJob(
      long id,
      long runId,
      long responseId,
      Long responseBId,
      String judgeId,
      String judgeVersion) {}

  private final EntityManager entityManager;

  public JobQueue(EntityManager entityManager) {
    this.entityManager = entityManager;
  }

  @Transactional
  public List<ClaimedJob> claim(String worker, int limit, Duration lease) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        entityManager
            .createNativeQuery(
                "UPDATE evaluation_job SET status = 'running', claimed_by = ?1,"
                    + " lease_until = now() + ?2 * interval '1 millisecond', attempts = attempts + 1"
                    + " WHERE id IN (SELECT id FROM evaluation_job"
                    + "   WHERE status = 'pending' OR (status = 'running' AND lease_until < now())"
                    + "   ORDER BY id LIMIT ?3 FOR UPDATE SKIP LOCKED)"
                    + " RETURNING id, run_id, response_id, response_b_id, judge_id, judge_version")
            .setParameter(1, worker)
            .setParameter(2, lease.toMillis())
            .setParameter(3, limit)
            .getResultList();
    return rows.stream()
        .map(
            r ->
                new ClaimedJob(
                    ((Number) r[0]).longValue(),
                    ((Number) r[1]).longValue(),
                    ((Number) r[2]).longValue(),
                    r[3] == null ? null : ((Number) r[3]).longValue(),
                    (String) r[4],
                    (String) r[5]))
        .toList();
  }

  /** Marks a job done, in the caller's transaction (the one that stored its scores). */
  @Transactional(Transactional.TxType.MANDATORY)
  public void complete(ClaimedJob job, String worker) {
    entityManager
        .createNativeQuery(
            "UPDATE evaluation_job SET status = 'done', finished_at = now(), lease_until = NULL,"
                + " error = NULL WHERE id = ?1 AND claimed_by = ?2")
        .setParameter(1, job.id())
        .setParameter(2, worker)
        .executeUpdate();
    finishRunIfNothingLeft(job.runId());
  }

  /**
   * Records a failure: the job goes back to the queue, or fails for good after its last attempt.
   */
  @Transactional
  public void fail(ClaimedJob job, String worker, String error, int maxAttempts) {
    entityManager
        .createNativeQuery(
            "UPDATE evaluation_job SET status = CASE WHEN attempts >= ?3 THEN 'failed' ELSE 'pending'"
                + " END, error = ?4, lease_until = NULL,"
                + " finished_at = CASE WHEN attempts >= ?3 THEN now() END"
                + " WHERE id = ?1 AND claimed_by = ?2")
        .setParameter(1, job.id())
        .setParameter(2, worker)
        .setParameter(3, maxAttempts)
        .setParameter(4, error)
        .executeUpdate();
    finishRunIfNothingLeft(job.runId());
  }

  private void finishRunIfNothingLeft(long runId) {
    entityManager
        .createNativeQuery(
            "UPDATE evaluation_run SET finished_at = now() WHERE id = ?1 AND finished_at IS NULL"
                + " AND NOT EXISTS (SELECT 1 FROM evaluation_job WHERE run_id = ?1"
                + " AND status IN ('pending', 'running'))")
        .setParameter(1, runId)
        .executeUpdate();
  }

  /** Number of jobs of a run in each state. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Map<Status, Long> counts(long runId) {
    Map<Status, Long> counts = new EnumMap<>(Status.class);
    for (Status status : Status.values()) {
      counts.put(status, 0L);
    }
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        entityManager
            .createNativeQuery(
                "SELECT status, count(*) FROM evaluation_job WHERE run_id = ?1 GROUP BY status")
            .setParameter(1, runId)
            .getResultList();
    for (Object[] row : rows) {
      counts.put(
          Status.valueOf(((String) row[0]).toUpperCase(Locale.ROOT)),
          ((Number) row[1]).longValue());
    }
    return counts;
  }
}
