package dev.earshot.evaluation.service;

import dev.earshot.evaluation.repository.EvaluationJobRepository;
import dev.earshot.evaluation.repository.EvaluationJobRepository.ClaimedJob;
import dev.earshot.evaluation.repository.EvaluationJobRepository.StatusCount;
import jakarta.enterprise.context.ApplicationScoped;
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

  private final EvaluationJobRepository jobs;

  public JobQueue(EvaluationJobRepository jobs) {
    this.jobs = jobs;
  }

  @Transactional
  public List<ClaimedJob> claim(String worker, int limit, Duration lease) {
    return jobs.claim(worker, limit, lease);
  }

  /** Marks a job done, in the caller's transaction (the one that stored its scores). */
  @Transactional(Transactional.TxType.MANDATORY)
  public void complete(ClaimedJob job, String worker) {
    jobs.markDone(job.id(), worker);
    jobs.finishRunIfNothingLeft(job.runId());
  }

  /**
   * Records a failure: the job goes back to the queue, or fails for good after its last attempt.
   */
  @Transactional
  public void fail(ClaimedJob job, String worker, String error, int maxAttempts) {
    jobs.markFailed(job.id(), worker, error, maxAttempts);
    jobs.finishRunIfNothingLeft(job.runId());
  }

  /** Number of jobs of a run in each state. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Map<Status, Long> counts(long runId) {
    Map<Status, Long> counts = new EnumMap<>(Status.class);
    for (Status status : Status.values()) {
      counts.put(status, 0L);
    }
    for (StatusCount count : jobs.countsByStatus(runId)) {
      counts.put(Status.valueOf(count.status().toUpperCase(Locale.ROOT)), count.jobs());
    }
    return counts;
  }
}
