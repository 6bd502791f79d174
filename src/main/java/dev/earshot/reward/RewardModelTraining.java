package dev.earshot.reward;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One training of a reward model, from queued to the judge version it produced. */
@Entity
@Table(name = "reward_model_training")
public class RewardModelTraining {

  /** Waiting for a background thread. */
  public static final String QUEUED = "queued";

  /** Measuring responses or training. */
  public static final String RUNNING = "running";

  /** Done: the judge version is written and recorded. */
  public static final String SUCCEEDED = "succeeded";

  /** Stopped with an error. */
  public static final String FAILED = "failed";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  /** The settings, with every default filled in. */
  @JdbcTypeCode(SqlTypes.JSON)
  @Column(nullable = false, columnDefinition = "jsonb")
  public RewardModelConfig config;

  @Column(nullable = false)
  public String status;

  /** Training steps done so far. */
  @Column(nullable = false)
  public int step;

  @Column(name = "total_steps", nullable = false)
  public int totalSteps;

  /** Data sizes and accuracies, once trained. */
  @JdbcTypeCode(SqlTypes.JSON)
  @Column(columnDefinition = "jsonb")
  public TrainingMetrics metrics;

  @Column(name = "judge_id")
  public String judgeId;

  @Column(name = "judge_version")
  public String judgeVersion;

  public String error;

  @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
  public OffsetDateTime createdAt;

  @Column(name = "started_at")
  public OffsetDateTime startedAt;

  @Column(name = "finished_at")
  public OffsetDateTime finishedAt;
}
