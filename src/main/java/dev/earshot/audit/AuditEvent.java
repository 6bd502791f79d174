package dev.earshot.audit;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * One recorded action: who ({@code actor}: a user name, or {@code system} for work nobody asked
 * for), what ({@code action}, e.g. {@code user.role-changed}), on what ({@code target}), when, and
 * from which client address (absent outside an HTTP request).
 */
public record AuditEvent(
    long id,
    OffsetDateTime occurredAt,
    String actor,
    String action,
    String target,
    Map<String, String> details,
    String address) {}
