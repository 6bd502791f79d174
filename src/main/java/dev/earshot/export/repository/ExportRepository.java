package dev.earshot.export.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/** Table {@code export}: one row per export, written with plain SQL (its JSON columns as text). */
@ApplicationScoped
public class ExportRepository {

  /** One export's row; JSON columns as text, null until set. */
  public record ExportRow(
      long id,
      String configJson,
      String status,
      double progress,
      String countsJson,
      String highWaterMarkJson,
      String createdBy,
      OffsetDateTime createdAt,
      OffsetDateTime startedAt,
      OffsetDateTime finishedAt,
      String error) {}

  private static final String COLUMNS =
      "SELECT id, config::text, status, progress, counts::text, high_water_mark::text, created_by,"
          + " created_at, started_at, finished_at, error FROM export";

  private final EntityManager entityManager;

  public ExportRepository(EntityManager entityManager) {
    this.entityManager = entityManager;
  }

  /** Queues an export; returns its id. */
  public long insert(String configJson, String createdBy) {
    return ((Number)
            entityManager
                .createNativeQuery(
                    "INSERT INTO export (config, created_by) VALUES (CAST(?1 AS jsonb),"
                        + " CAST(?2 AS text)) RETURNING id")
                .setParameter(1, configJson)
                .setParameter(2, createdBy)
                .getSingleResult())
        .longValue();
  }

  public Optional<ExportRow> find(long id) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        entityManager
            .createNativeQuery(COLUMNS + " WHERE id = ?1")
            .setParameter(1, id)
            .getResultList();
    return rows.stream().findFirst().map(ExportRepository::row);
  }

  /** Newest first. */
  public List<ExportRow> list() {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        entityManager.createNativeQuery(COLUMNS + " ORDER BY id DESC").getResultList();
    return rows.stream().map(ExportRepository::row).toList();
  }

  /** Moves a queued export to running; false when it is not queued (taken or gone). */
  public boolean claim(long id) {
    return entityManager
            .createNativeQuery(
                "UPDATE export SET status = 'running', started_at = now() WHERE id = ?1"
                    + " AND status = 'queued'")
            .setParameter(1, id)
            .executeUpdate()
        == 1;
  }

  public void progress(long id, double progress) {
    entityManager
        .createNativeQuery("UPDATE export SET progress = ?2 WHERE id = ?1 AND status = 'running'")
        .setParameter(1, id)
        .setParameter(2, progress)
        .executeUpdate();
  }

  public void finish(long id, String countsJson, String highWaterMarkJson) {
    entityManager
        .createNativeQuery(
            "UPDATE export SET status = 'done', progress = 1, counts = CAST(?2 AS jsonb),"
                + " high_water_mark = CAST(?3 AS jsonb), finished_at = now() WHERE id = ?1")
        .setParameter(1, id)
        .setParameter(2, countsJson)
        .setParameter(3, highWaterMarkJson)
        .executeUpdate();
  }

  public void fail(long id, String error) {
    entityManager
        .createNativeQuery(
            "UPDATE export SET status = 'failed', error = ?2, finished_at = now() WHERE id = ?1")
        .setParameter(1, id)
        .setParameter(2, error)
        .executeUpdate();
  }

  /** Fails every export still queued or running; returns how many. */
  public int failUnfinished(String error) {
    return entityManager
        .createNativeQuery(
            "UPDATE export SET status = 'failed', error = ?1, finished_at = now()"
                + " WHERE status IN ('queued', 'running')")
        .setParameter(1, error)
        .executeUpdate();
  }

  private static ExportRow row(Object[] row) {
    return new ExportRow(
        ((Number) row[0]).longValue(),
        (String) row[1],
        (String) row[2],
        ((Number) row[3]).doubleValue(),
        (String) row[4],
        (String) row[5],
        (String) row[6],
        time(row[7]),
        time(row[8]),
        time(row[9]),
        (String) row[10]);
  }

  private static OffsetDateTime time(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof OffsetDateTime time) {
      return time.withOffsetSameInstant(ZoneOffset.UTC);
    }
    if (value instanceof Instant instant) {
      return instant.atOffset(ZoneOffset.UTC);
    }
    return ((Timestamp) value).toInstant().atOffset(ZoneOffset.UTC);
  }
}
