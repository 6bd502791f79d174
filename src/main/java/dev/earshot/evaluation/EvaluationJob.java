package dev.earshot.evaluation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * One (response, judge version) of a run, or one (pair of responses, judge version) for a pairwise
 * judge. Written only through {@code EvaluationJobRepository}'s SQL (claims need {@code FOR UPDATE
 * SKIP LOCKED}); mapped for queries that join scores to runs.
 */
@Entity
@Table(name = "evaluation_job")
public class EvaluationJob {

  @Id public Long id;

  @Column(name = "run_id", nullable = false)
  public long runId;

  @Column(name = "response_id", nullable = false)
  public long responseId;

  /** The second response of a pairwise job; null for a job that scores one response. */
  @Column(name = "response_b_id")
  public Long responseBId;

  @Column(name = "judge_id", nullable = false)
  public String judgeId;

  @Column(name = "judge_version", nullable = false)
  public String judgeVersion;

  @Column(nullable = false)
  public String status;

  @Column(nullable = false)
  public int attempts;

  @Column(name = "claimed_by")
  public String claimedBy;

  @Column(name = "lease_until")
  public OffsetDateTime leaseUntil;

  public String error;

  @Column(name = "finished_at")
  public OffsetDateTime finishedAt;
}
