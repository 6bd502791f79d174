package dev.earshot.evaluation.service;

import dev.earshot.evaluation.repository.EvaluationJobRepository;
import dev.earshot.evaluation.repository.EvaluationJobRepository.ClaimedJob;
import dev.earshot.evaluation.repository.EvaluationJobRepository.StatusCount;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The evaluation job table used as a queue. Claims use {@code FOR UPDATE SKIP LOCKED}, so any
 * number of workers, in any number of instances on one database, take disjoint jobs; a claimed job
 * carries a lease that its worker renews while it works, and a job whose worker died is claimed
 * again once its lease has run out, up to the configured number of attempts.
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

  /**
   * Claims one job for {@code worker}, after failing for good the jobs that used up their attempts
   * (and closing their runs when nothing else is left).
   */
  @Transactional
  public Optional<ClaimedJob> claim(String worker, Duration lease, int maxAttempts) {
    for (long runId : jobs.failExhausted(maxAttempts)) {
      jobs.finishRunIfNothingLeft(runId);
    }
    return jobs.claim(worker, lease, maxAttempts);
  }

  /** Extends the lease of a job {@code worker} holds; false when it no longer holds it. */
  @Transactional
  public boolean renew(ClaimedJob job, String worker, Duration lease) {
    return jobs.renewLease(job.id(), worker, lease);
  }

  /**
   * Marks a job done, in the caller's transaction (the one that stored its scores).
   *
   * @throws LeaseLostException when another worker took the job over: the caller's transaction then
   *     rolls back, so only the job's holder writes its results
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void complete(ClaimedJob job, String worker) {
    if (!jobs.markDone(job.id(), worker)) {
      throw new LeaseLostException(job, worker);
    }
    jobs.finishRunIfNothingLeft(job.runId());
  }

  /**
   * Records a failure: the job goes back to the queue, or fails for good after its last attempt.
   *
   * @throws LeaseLostException when another worker took the job over
   */
  @Transactional
  public void fail(ClaimedJob job, String worker, String error, int maxAttempts) {
    if (!jobs.markFailed(job.id(), worker, error, maxAttempts)) {
      throw new LeaseLostException(job, worker);
    }
    jobs.finishRunIfNothingLeft(job.runId());
  }

  /**
   * Gives a job back to the queue without counting the attempt, for a worker that is stopping;
   * false when {@code worker} no longer holds it.
   */
  @Transactional
  public boolean release(ClaimedJob job, String worker) {
    return jobs.release(job.id(), worker);
  }

  /** Stamps finished every run with nothing left to do (also those a crash left open). */
  @Transactional
  public void closeFinishedRuns() {
    jobs.finishRunsWithNothingLeft();
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
