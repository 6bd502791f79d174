package dev.earshot.reward;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A stored reward profile; {@code reward.core.RewardProfile} is what it turns into for scoring. */
@Entity
@Table(name = "reward_profile")
public class RewardProfileEntity {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Column(nullable = false, unique = true)
  public String name;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(nullable = false, columnDefinition = "jsonb")
  public List<JudgeWeights> judges;

  /** {@code none}, {@code batch-z-score} or {@code clip}. */
  @Column(nullable = false)
  public String normalisation;

  @Column(name = "clip_min")
  public Double clipMin;

  @Column(name = "clip_max")
  public Double clipMax;

  @Column(nullable = false)
  public int decimals;

  /** Bumped by every change, so that results cached under an older revision are not reused. */
  @Column(nullable = false)
  public int revision;

  @Column(name = "created_by")
  public String createdBy;

  @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
  public OffsetDateTime createdAt;

  @Column(name = "updated_at", nullable = false)
  public OffsetDateTime updatedAt;
}
