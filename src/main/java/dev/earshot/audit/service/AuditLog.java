package dev.earshot.audit.service;

import dev.earshot.audit.AuditEvent;
import dev.earshot.audit.repository.AuditEventRepository;
import io.quarkus.arc.Arc;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Records administrative and researcher actions. Callers name the action, its target and a few
 * details (names and ids, never secrets); who and from where come from the current request. The
 * event joins the caller's transaction, so an action that rolls back leaves no event behind.
 */
@ApplicationScoped
public class AuditLog {

  /** The actor of work that no signed-in person asked for (start-up, background jobs). */
  public static final String SYSTEM = "system";

  public static final int MAX_PAGE = 1000;

  private final AuditEventRepository events;
  private final Instance<SecurityIdentity> identity;
  private final Instance<CurrentVertxRequest> request;

  public AuditLog(
      AuditEventRepository events,
      Instance<SecurityIdentity> identity,
      Instance<CurrentVertxRequest> request) {
    this.events = events;
    this.identity = identity;
    this.request = request;
  }

  /** Records an action on {@code target}; {@code details} alternate key and value. */
  @Transactional
  public void record(String action, String target, String... details) {
    if (details.length % 2 != 0) {
      throw new IllegalArgumentException("details must be key/value pairs");
    }
    Map<String, String> detailMap = new LinkedHashMap<>();
    for (int i = 0; i < details.length; i += 2) {
      if (details[i + 1] != null) {
        detailMap.put(details[i], details[i + 1]);
      }
    }
    events.insert(actor(), action, target, detailMap, address());
  }

  /** The newest events first; {@code beforeId} pages further back. */
  @Transactional
  public List<AuditEvent> newest(Long beforeId, String actor, String action, int limit) {
    return events.newest(beforeId, actor, action, Math.max(1, Math.min(limit, MAX_PAGE)));
  }

  private String actor() {
    if (!requestActive()) {
      return SYSTEM;
    }
    SecurityIdentity current = identity.get();
    return current.isAnonymous() ? "anonymous" : current.getPrincipal().getName();
  }

  private String address() {
    if (!requestActive()) {
      return null;
    }
    RoutingContext context = request.get().getCurrent();
    SocketAddress remote = context == null ? null : context.request().remoteAddress();
    return remote == null ? null : remote.hostAddress();
  }

  private static boolean requestActive() {
    return Arc.container().requestContext().isActive();
  }
}
