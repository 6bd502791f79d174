package dev.earshot.evaluation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A judge version's score of one response on one dimension, with its measurements and reason. */
@Entity
@Table(name = "judge_score")
public class JudgeScore {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Column(name = "response_id", nullable = false)
  public long responseId;

  @Column(name = "judge_id", nullable = false)
  public String judgeId;

  @Column(name = "judge_version", nullable = false)
  public String judgeVersion;

  @Column(nullable = false)
  public String dimension;

  @Column(nullable = false)
  public double value;

  @Column(nullable = false)
  public String reason;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(nullable = false, columnDefinition = "jsonb")
  public Map<String, Object> details;

  @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
  public OffsetDateTime createdAt;
}
