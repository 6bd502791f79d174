package dev.earshot.evaluation.repository;

import dev.earshot.platform.db.Rows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Table {@code evaluation_job}, the durable queue of a run's work, written with plain SQL: claims
 * need {@code FOR UPDATE SKIP LOCKED}, which the entity mapping cannot express.
 */
@ApplicationScoped
public class EvaluationJobRepository {

  /** One job per response of the chosen systems. */
  private static final String RESPONSE_JOBS =
      "INSERT INTO evaluation_job (run_id, response_id, judge_id, judge_version)"
          + " SELECT :run, r.id, :judge, :version FROM response r"
          + " JOIN prompt p ON p.id = r.prompt_id JOIN system_under_test s ON s.id = r.system_id"
          + " WHERE p.dataset_id = :dataset AND s.name IN (:systems) ORDER BY p.position, s.name";

  /** One job of another kind than judging per response of the chosen systems. */
  private static final String KIND_JOBS =
      "INSERT INTO evaluation_job (run_id, response_id, kind)"
          + " SELECT :run, r.id, :kind FROM response r"
          + " JOIN prompt p ON p.id = r.prompt_id JOIN system_under_test s ON s.id = r.system_id"
          + " WHERE p.dataset_id = :dataset AND s.name IN (:systems) ORDER BY p.position, s.name";

  /**
   * One job per prompt and unordered pair of chosen systems; A is the system whose name sorts first
   * (by code point, as Java sorts the run's systems).
   */
  private static final String PAIR_JOBS =
      "INSERT INTO evaluation_job (run_id, response_id, response_b_id, judge_id, judge_version)"
          + " SELECT :run, ra.id, rb.id, :judge, :version FROM response ra"
          + " JOIN prompt p ON p.id = ra.prompt_id"
          + " JOIN system_under_test sa ON sa.id = ra.system_id"
          + " JOIN response rb ON rb.prompt_id = ra.prompt_id"
          + " JOIN system_under_test sb ON sb.id = rb.system_id"
          + " WHERE p.dataset_id = :dataset AND sa.name IN (:systems) AND sb.name IN (:systems)"
          + " AND sa.name COLLATE \"C\" < sb.name COLLATE \"C\""
          + " ORDER BY p.position, sa.name, sb.name";

  /**
   * A job as handed to a worker.
   *
   * @param responseBId the second response of a pairwise job (the first is {@code responseId}),
   *     null for a job that scores one response
   * @param kind {@code judge}, or the kind of work another feature does on the response
   * @param judgeId the judge of a {@code judge} job, null for other kinds
   */
  public record ClaimedJob(
      long id,
      long runId,
      long responseId,
      Long responseBId,
      String kind,
      String judgeId,
      String judgeVersion) {}

  /** How many jobs of a run are in one stored state ({@code pending}, {@code running}, ...). */
  public record StatusCount(String status, long jobs) {}

  /** A job that failed for good; {@code judge} is id@version, or the kind of a non-judge job. */
  public record FailedJob(long responseId, String judge, String error) {}

  private final EntityManager entityManager;

  public EvaluationJobRepository(EntityManager entityManager) {
    this.entityManager = entityManager;
  }

  /** Queues one job per response of the given systems in the dataset. */
  public void queueResponseJobs(
      long runId, String judgeId, String judgeVersion, long datasetId, List<String> systems) {
    queue(RESPONSE_JOBS, runId, judgeId, judgeVersion, datasetId, systems);
  }

  /** Queues one job per prompt and unordered pair of the given systems. */
  public void queuePairJobs(
      long runId, String judgeId, String judgeVersion, long datasetId, List<String> systems) {
    queue(PAIR_JOBS, runId, judgeId, judgeVersion, datasetId, systems);
  }

  /** Queues one job of {@code kind} (not {@code judge}) per response of the given systems. */
  public void queueKindJobs(long runId, String kind, long datasetId, List<String> systems) {
    entityManager
        .createNativeQuery(KIND_JOBS)
        .setParameter("run", runId)
        .setParameter("kind", kind)
        .setParameter("dataset", datasetId)
        .setParameter("systems", systems)
        .executeUpdate();
  }

  private void queue(
      String insert,
      long runId,
      String judgeId,
      String judgeVersion,
      long datasetId,
      List<String> systems) {
    entityManager
        .createNativeQuery(insert)
        .setParameter("run", runId)
        .setParameter("judge", judgeId)
        .setParameter("version", judgeVersion)
        .setParameter("dataset", datasetId)
        .setParameter("systems", systems)
        .executeUpdate();
  }

  /**
   * Takes the oldest pending job, or a running one whose lease ran out, that has had fewer than
   * {@code maxAttempts} attempts, for {@code worker} alone; jobs other workers are claiming at the
   * same moment are skipped, not waited for. Taking over a job records the lost lease as its error.
   */
  public Optional<ClaimedJob> claim(String worker, Duration lease, int maxAttempts) {
    List<Tuple> rows =
        Rows.tuples(
            entityManager
                .createNativeQuery(
                    "UPDATE evaluation_job SET status = 'running', claimed_by = ?1,"
                        + " lease_until = now() + ?2 * interval '1 millisecond',"
                        + " attempts = attempts + 1,"
                        + " error = CASE WHEN status = 'running' THEN 'the lease of worker '"
                        + "   || claimed_by || ' ran out' ELSE error END"
                        + " WHERE id = (SELECT id FROM evaluation_job WHERE attempts < ?3"
                        + "   AND (status = 'pending' OR (status = 'running' AND lease_until < now()))"
                        + "   ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED)"
                        + " RETURNING id, run_id, response_id, response_b_id, kind, judge_id, judge_version",
                    Tuple.class)
                .setParameter(1, worker)
                .setParameter(2, lease.toMillis())
                .setParameter(3, maxAttempts));
    return rows.stream().findFirst().map(EvaluationJobRepository::claimedJob);
  }

  /**
   * Fails for good the claimable jobs that have had {@code maxAttempts} attempts (a running one
   * whose last lease ran out gets that as its error) and returns the runs they belong to.
   */
  public List<Long> failExhausted(int maxAttempts) {
    List<Tuple> rows =
        Rows.tuples(
            entityManager
                .createNativeQuery(
                    "UPDATE evaluation_job SET status = 'failed', finished_at = now(),"
                        + " lease_until = NULL,"
                        + " error = CASE WHEN status = 'running' THEN 'the lease of worker '"
                        + "   || claimed_by || ' ran out on attempt ' || attempts ELSE error END"
                        + " WHERE id IN (SELECT id FROM evaluation_job WHERE attempts >= ?1"
                        + "   AND (status = 'pending' OR (status = 'running' AND lease_until < now()))"
                        + "   FOR UPDATE SKIP LOCKED)"
                        + " RETURNING run_id AS run_id",
                    Tuple.class)
                .setParameter(1, maxAttempts));
    return rows.stream().map(row -> Rows.longOf(row, "run_id")).distinct().toList();
  }

  private static ClaimedJob claimedJob(Tuple row) {
    Number responseBId = row.get("response_b_id", Number.class);
    return new ClaimedJob(
        row.get("id", Number.class).longValue(),
        row.get("run_id", Number.class).longValue(),
        row.get("response_id", Number.class).longValue(),
        responseBId == null ? null : responseBId.longValue(),
        row.get("kind", String.class),
        row.get("judge_id", String.class),
        row.get("judge_version", String.class));
  }

  /**
   * Extends the lease of a job {@code worker} holds; false when another worker took it over or it
   * was given back. A job the worker has just closed still counts as its own.
   */
  public boolean renewLease(long jobId, String worker, Duration lease) {
    return entityManager
            .createNativeQuery(
                "UPDATE evaluation_job SET lease_until = CASE WHEN status = 'running'"
                    + " THEN now() + ?3 * interval '1 millisecond' ELSE lease_until END"
                    + " WHERE id = ?1 AND claimed_by = ?2")
            .setParameter(1, jobId)
            .setParameter(2, worker)
            .setParameter(3, lease.toMillis())
            .executeUpdate()
        > 0;
  }

  /** Marks a job done; false when {@code worker} no longer holds it. */
  public boolean markDone(long jobId, String worker) {
    return entityManager
            .createNativeQuery(
                "UPDATE evaluation_job SET status = 'done', finished_at = now(), lease_until = NULL,"
                    + " error = NULL WHERE id = ?1 AND claimed_by = ?2 AND status = 'running'")
            .setParameter(1, jobId)
            .setParameter(2, worker)
            .executeUpdate()
        > 0;
  }

  /**
   * Records a failure: the job goes back to pending, or fails for good once it has had {@code
   * maxAttempts} attempts; false when {@code worker} no longer holds it.
   */
  public boolean markFailed(long jobId, String worker, String error, int maxAttempts) {
    return entityManager
            .createNativeQuery(
                "UPDATE evaluation_job SET status = CASE WHEN attempts >= ?3 THEN 'failed'"
                    + " ELSE 'pending' END, error = ?4, lease_until = NULL,"
                    + " finished_at = CASE WHEN attempts >= ?3 THEN now() END"
                    + " WHERE id = ?1 AND claimed_by = ?2 AND status = 'running'")
            .setParameter(1, jobId)
            .setParameter(2, worker)
            .setParameter(3, maxAttempts)
            .setParameter(4, error)
            .executeUpdate()
        > 0;
  }

  /**
   * Gives a job back to the queue without counting its attempt (its worker is stopping); false when
   * {@code worker} no longer holds it.
   */
  public boolean release(long jobId, String worker) {
    return entityManager
            .createNativeQuery(
                "UPDATE evaluation_job SET status = 'pending', claimed_by = NULL, lease_until = NULL,"
                    + " attempts = attempts - 1 WHERE id = ?1 AND claimed_by = ?2"
                    + " AND status = 'running'")
            .setParameter(1, jobId)
            .setParameter(2, worker)
            .executeUpdate()
        > 0;
  }

  /** Stamps finished every run none of whose jobs is pending or running any more. */
  public void finishRunsWithNothingLeft() {
    entityManager
        .createNativeQuery(
            "UPDATE evaluation_run r SET finished_at = now() WHERE finished_at IS NULL"
                + " AND NOT EXISTS (SELECT 1 FROM evaluation_job j WHERE j.run_id = r.id"
                + " AND j.status IN ('pending', 'running'))")
        .executeUpdate();
  }

  /**
   * Stamps the run finished once none of its jobs is pending or running any more. The run row is
   * locked first, in a statement of its own: two workers finishing a run's last two jobs at once
   * each see the other's job still running, and the second to take the lock must check again with
   * the first one's commit visible, or the run is never stamped.
   */
  public void finishRunIfNothingLeft(long runId) {
    entityManager
        .createNativeQuery("SELECT id FROM evaluation_run WHERE id = ?1 FOR UPDATE")
        .setParameter(1, runId)
        .getResultList();
    entityManager
        .createNativeQuery(
            "UPDATE evaluation_run SET finished_at = now() WHERE id = ?1 AND finished_at IS NULL"
                + " AND NOT EXISTS (SELECT 1 FROM evaluation_job WHERE run_id = ?1"
                + " AND status IN ('pending', 'running'))")
        .setParameter(1, runId)
        .executeUpdate();
  }

  /** Number of a run's jobs per stored state; states without jobs are absent. */
  public List<StatusCount> countsByStatus(long runId) {
    List<Tuple> rows =
        Rows.tuples(
            entityManager
                .createNativeQuery(
                    "SELECT status AS status, count(*) AS jobs FROM evaluation_job WHERE run_id = ?1"
                        + " GROUP BY status",
                    Tuple.class)
                .setParameter(1, runId));
    return rows.stream()
        .map(
            row ->
                new StatusCount(
                    row.get("status", String.class), row.get("jobs", Number.class).longValue()))
        .toList();
  }

  /** The run's first {@code limit} jobs that failed for good, in queue order. */
  public List<FailedJob> firstFailures(long runId, int limit) {
    List<Tuple> rows =
        Rows.tuples(
            entityManager
                .createNativeQuery(
                    "SELECT response_id AS response_id,"
                        + " COALESCE(judge_id || '@' || judge_version, kind) AS judge,"
                        + " error AS error FROM evaluation_job"
                        + " WHERE run_id = ?1 AND status = 'failed' ORDER BY id LIMIT ?2",
                    Tuple.class)
                .setParameter(1, runId)
                .setParameter(2, limit));
    return rows.stream()
        .map(
            row ->
                new FailedJob(
                    row.get("response_id", Number.class).longValue(),
                    row.get("judge", String.class),
                    row.get("error", String.class)))
        .toList();
  }
}
