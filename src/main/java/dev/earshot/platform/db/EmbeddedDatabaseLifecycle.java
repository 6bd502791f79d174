package dev.earshot.platform.db;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

/**
 * Stops the embedded PostgreSQL as the last step of an ordinary shutdown: observers run in
 * ascending priority, so evaluation workers ({@code LIBRARY_BEFORE}) and every default-priority
 * observer (exports) have finished or given their jobs back before the database goes.
 */
@ApplicationScoped
public class EmbeddedDatabaseLifecycle {

  /** After every other shutdown observer of the service. */
  public static final int SHUTDOWN_PRIORITY = Interceptor.Priority.PLATFORM_AFTER + 1000;

  void onStart(@Observes StartupEvent event) {
    EmbeddedPostgresHolder.serviceStarted();
  }

  void onStop(@Observes @Priority(SHUTDOWN_PRIORITY) ShutdownEvent event) {
    EmbeddedPostgresHolder.stopKept();
  }
}
