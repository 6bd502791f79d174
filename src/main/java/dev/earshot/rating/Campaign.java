package dev.earshot.rating;

import dev.earshot.dataset.Dataset;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A rating campaign: which dataset and dimensions, how many votes per pair, gold rate. */
@Entity
@Table(name = "campaign")
public class Campaign {

  @Id public UUID id;

  @Column(nullable = false)
  public String name;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "dataset_id")
  public Dataset dataset;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(nullable = false, columnDefinition = "jsonb")
  public List<String> dimensions;

  @Column(nullable = false)
  public String instructions;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(name = "reason_tags", nullable = false, columnDefinition = "jsonb")
  public List<String> reasonTags;

  @Column(nullable = false)
  public int overlap;

  @Column(name = "gold_rate", nullable = false)
  public double goldRate;

  @Column(nullable = false)
  public String status;

  /** Rate of the mono 16-bit WAV that every side of every item is served in. */
  @Column(name = "audio_sample_rate", nullable = false)
  public int audioSampleRate;

  /** Never shown to raters: salts the ETags of served audio so they name no source file. */
  @Column(name = "audio_salt", nullable = false)
  public UUID audioSalt;

  /**
   * Integrated loudness (LUFS) both sides of every item are normalised to; null: levels left as
   * they are.
   */
  @Column(name = "loudness_target_lufs")
  public Double loudnessTargetLufs;

  /** Whether raters are told which systems they heard once they voted on an item. */
  @Column(name = "reveal_systems_after_vote", nullable = false)
  public boolean revealSystemsAfterVote;

  @Column(name = "closed_by")
  public String closedBy;

  @Column(name = "closed_at")
  public OffsetDateTime closedAt;

  @Column(name = "reopened_by")
  public String reopenedBy;

  @Column(name = "reopened_at")
  public OffsetDateTime reopenedAt;

  @Column(name = "created_by", nullable = false)
  public String createdBy;

  @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
  public OffsetDateTime createdAt;
}
