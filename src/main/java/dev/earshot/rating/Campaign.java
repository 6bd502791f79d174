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

  @Column(name = "created_by", nullable = false)
  public String createdBy;

  @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
  public OffsetDateTime createdAt;
}
