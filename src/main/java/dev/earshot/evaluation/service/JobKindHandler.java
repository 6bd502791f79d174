package dev.earshot.evaluation.service;

import dev.earshot.evaluation.repository.EvaluationJobRepository.ClaimedJob;

/**
 * Runs the evaluation jobs of one kind other than judging, such as a codec's resynthesis metrics: a
 * CDI bean of the feature that owns the kind, so that such jobs share the durable queue, its
 * leases, retries and run progress while the evaluation feature never imports that feature.
 *
 * <p>An implementation does its work outside any transaction, then stores its results and calls
 * {@link JobQueue#complete} in one new transaction, so only the job's holder writes them.
 */
public interface JobKindHandler {

  /** The kind of the jobs that the judges run. */
  String JUDGE = "judge";

  /** The stored kind of the jobs this handler runs (at most 32 characters). */
  String kind();

  /** Runs one claimed job of {@link #kind()} held by {@code worker}. */
  void process(ClaimedJob job, String worker);
}
