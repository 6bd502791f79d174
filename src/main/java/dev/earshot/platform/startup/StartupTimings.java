package dev.earshot.platform.startup;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.lang.management.ManagementFactory;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Logs where start-up time goes: the time from launching the JVM to the start-up event (Quarkus,
 * the embedded PostgreSQL and Flyway; their own log lines split it further), the start-up observers
 * as a whole (they only queue the heavy steps), and each step {@link WarmUp} runs through {@link
 * #timed} after the port opened.
 */
@ApplicationScoped
public class StartupTimings {

  private static final Logger LOG = Logger.getLogger(StartupTimings.class);

  private long observersStarted;

  /** Runs one start-up step and logs how long it took. */
  public static void timed(String step, Runnable work) {
    long started = System.nanoTime();
    try {
      work.run();
    } finally {
      LOG.infof("Start-up step '%s' took %d ms", step, millisSince(started));
    }
  }

  void beforeObservers(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent e) {
    observersStarted = System.nanoTime();
    LOG.infof(
        "Start-up: %d ms from JVM launch to the start-up event (Quarkus, database, Flyway)",
        ManagementFactory.getRuntimeMXBean().getUptime());
  }

  void afterObservers(
      @Observes @Priority(Interceptor.Priority.PLATFORM_AFTER + 1000) StartupEvent e) {
    LOG.infof(
        "Start-up: observers took %d ms; %d ms from JVM launch",
        millisSince(observersStarted), ManagementFactory.getRuntimeMXBean().getUptime());
  }

  private static long millisSince(long started) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
  }
}
