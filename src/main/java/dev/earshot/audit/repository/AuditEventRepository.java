package dev.earshot.audit.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.earshot.audit.AuditEvent;
import dev.earshot.platform.db.Rows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/** The append-only {@code audit_event} table. */
@ApplicationScoped
public class AuditEventRepository {

  private static final TypeReference<Map<String, String>> DETAILS = new TypeReference<>() {};

  private final EntityManager entityManager;
  private final ObjectMapper json;

  public AuditEventRepository(EntityManager entityManager, ObjectMapper json) {
    this.entityManager = entityManager;
    this.json = json;
  }

  public void insert(
      String actor, String action, String target, Map<String, String> details, String address) {
    entityManager
        .createNativeQuery(
            "INSERT INTO audit_event (actor, action, target, details, address)"
                + " VALUES (?1, ?2, ?3, CAST(?4 AS jsonb), ?5)")
        .setParameter(1, actor)
        .setParameter(2, action)
        .setParameter(3, target)
        .setParameter(4, write(details))
        .setParameter(5, address)
        .executeUpdate();
  }

  /**
   * The newest events first, older than {@code beforeId} when given, optionally of one actor and
   * one action.
   */
  public List<AuditEvent> newest(Long beforeId, String actor, String action, int limit) {
    Query query =
        entityManager
            .createNativeQuery(
                "SELECT id, occurred_at, actor, action, target, CAST(details AS text) AS details,"
                    + " address FROM audit_event"
                    + " WHERE (CAST(:before AS bigint) IS NULL OR id < :before)"
                    + " AND (CAST(:actor AS text) IS NULL OR actor = :actor)"
                    + " AND (CAST(:action AS text) IS NULL OR action = :action)"
                    + " ORDER BY id DESC LIMIT :limit",
                Tuple.class)
            .setParameter("before", beforeId)
            .setParameter("actor", actor)
            .setParameter("action", action)
            .setParameter("limit", limit);
    return Rows.tuples(query).stream().map(this::event).toList();
  }

  private AuditEvent event(Tuple row) {
    return new AuditEvent(
        Rows.longOf(row, "id"),
        Rows.timeOf(row, "occurred_at"),
        row.get("actor", String.class),
        row.get("action", String.class),
        row.get("target", String.class),
        read(row.get("details", String.class)),
        row.get("address", String.class));
  }

  private String write(Map<String, String> details) {
    try {
      return json.writeValueAsString(details);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Map<String, String> read(String details) {
    try {
      return json.readValue(details, DETAILS);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
