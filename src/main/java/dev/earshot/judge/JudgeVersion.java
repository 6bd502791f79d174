package dev.earshot.judge;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One version of a judge as it was declared; kept forever so that every score can be traced to the
 * exact settings that produced it, and a run can finish with the version it started with.
 */
@Entity
@Table(name = "judge_version")
@IdClass(JudgeVersion.Key.class)
public class JudgeVersion {

  /** Composite key: judge id and version. */
  public record Key(String judgeId, String version) implements Serializable {
    private static final long serialVersionUID = 1L;

    public Key() {
      this(null, null);
    }

    @Override
    public String toString() {
      return judgeId + "@" + version;
    }
  }

  @Id
  @Column(name = "judge_id")
  public String judgeId;

  @Id public String version;

  @Column(nullable = false)
  public String kind;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(nullable = false, columnDefinition = "jsonb")
  public List<String> dimensions;

  @Column(nullable = false)
  public String description;

  /** The judge file's parameters, as declared. */
  @JdbcTypeCode(SqlTypes.JSON)
  @Column(nullable = false, columnDefinition = "jsonb")
  public Map<String, Object> definition;

  @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
  public OffsetDateTime createdAt;

  public Key key() {
    return new Key(judgeId, version);
  }
}
