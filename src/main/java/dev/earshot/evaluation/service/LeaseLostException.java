package dev.earshot.evaluation.service;

import dev.earshot.evaluation.repository.EvaluationJobRepository.ClaimedJob;

/**
 * A worker tried to close a job that is no longer its own: its lease ran out and another worker
 * took the job over (or it was given back). Its results are dropped; the holder writes them.
 */
public class LeaseLostException extends RuntimeException {

  public LeaseLostException(ClaimedJob job, String worker) {
    super("worker " + worker + " no longer holds evaluation job " + job.id());
  }
}
