package dev.earshot.export.repository;

import dev.earshot.platform.db.Rows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;
import java.time.OffsetDateTime;
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
      "SELECT id, config::text AS config_json, status, progress, counts::text AS counts_json,"
          + " high_water_mark::text AS high_water_mark_json, created_by, created_at, started_at,"
          + " finished_at, error FROM export";

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
    return rows(
            entityManager
                .createNativeQuery(COLUMNS + " WHERE id = ?1", Tuple.class)
                .setParameter(1, id))
        .stream()
        .findFirst();
  }

  /** Newest first. */
  public List<ExportRow> list() {
    return rows(entityManager.createNativeQuery(COLUMNS + " ORDER BY id DESC", Tuple.class));
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
  public int failUnfinished(OffsetDateTime queuedBefore, String error) {
    return entityManager
        .createNativeQuery(
            "UPDATE export SET status = 'failed', error = ?1, finished_at = now()"
                + " WHERE status IN ('queued', 'running') AND created_at < ?2")
        .setParameter(1, error)
        .setParameter(2, queuedBefore)
        .executeUpdate();
  }

  private static List<ExportRow> rows(Query tupleQuery) {
    return Rows.tuples(tupleQuery).stream().map(ExportRepository::row).toList();
  }

  private static ExportRow row(Tuple row) {
    return new ExportRow(
        row.get("id", Number.class).longValue(),
        row.get("config_json", String.class),
        row.get("status", String.class),
        row.get("progress", Number.class).doubleValue(),
        row.get("counts_json", String.class),
        row.get("high_water_mark_json", String.class),
        row.get("created_by", String.class),
        Rows.timeOf(row, "created_at"),
        Rows.timeOf(row, "started_at"),
        Rows.timeOf(row, "finished_at"),
        row.get("error", String.class));
  }
}
