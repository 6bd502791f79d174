package dev.earshot.platform.startup;

import dev.earshot.platform.concurrent.DaemonThreads;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Start-up work that need not hold back readiness (demo checks and imports, the first admin,
 * starting the workers, marking what the last stop cut off): queued by start-up observers and run
 * one step after another, in the order they were queued, on one background thread, so that the HTTP
 * port opens without waiting for them. Readiness lists what is still warming up and what failed
 * ({@code WarmUpHealthCheck}); a failed step is logged and the others still run.
 */
@ApplicationScoped
public class WarmUp {

  private static final Logger LOG = Logger.getLogger(WarmUp.class);

  /** How long a stop waits for the step that is running; queued steps are dropped. */
  private static final Duration STOP_WAIT = Duration.ofSeconds(30);

  /** Where a step is. */
  public enum State {
    QUEUED,
    RUNNING,
    DONE,
    FAILED,
    SKIPPED
  }

  /** One step and its state; {@code error}, the exception's class, only when it failed. */
  public record Step(String name, State state, String error) {

    /** Queued or running: still warming up. */
    public boolean inProgress() {
      return state == State.QUEUED || state == State.RUNNING;
    }
  }

  private final ExecutorService thread =
      Executors.newSingleThreadExecutor(DaemonThreads.named("earshot-warm-up"));

  /** Guarded by {@code this}, like {@link #stopping}. */
  private final Map<String, Step> steps = new LinkedHashMap<>();

  private boolean stopping;

  /** Queues a step; it runs after the steps queued before it, off the start-up thread. */
  public synchronized void submit(String name, Runnable work) {
    if (stopping) {
      return;
    }
    steps.put(name, new Step(name, State.QUEUED, null));
    thread.execute(() -> run(name, work));
  }

  private void run(String name, Runnable work) {
    synchronized (this) {
      if (stopping) {
        update(new Step(name, State.SKIPPED, null));
        return;
      }
      update(new Step(name, State.RUNNING, null));
    }
    ManagedContext requestContext = Arc.container().requestContext();
    requestContext.activate();
    try {
      StartupTimings.timed(name, work);
      update(new Step(name, State.DONE, null));
    } catch (RuntimeException e) {
      LOG.errorf(e, "Start-up step '%s' failed", name);
      // Only the kind of error: readiness is readable without credentials, the log has the rest.
      update(new Step(name, State.FAILED, e.getClass().getSimpleName()));
    } finally {
      requestContext.terminate();
    }
    if (finished()) {
      LOG.infof(
          "Start-up: warm-up finished; %d ms from JVM launch",
          ManagementFactory.getRuntimeMXBean().getUptime());
    }
  }

  private synchronized void update(Step step) {
    steps.put(step.name(), step);
    notifyAll();
  }

  /** Every step queued so far, in order. */
  public synchronized List<Step> steps() {
    return List.copyOf(steps.values());
  }

  /** Whether no step is queued or running. */
  public synchronized boolean finished() {
    return steps.values().stream().noneMatch(Step::inProgress);
  }

  /**
   * Waits until no step is queued or running (tests and benchmarks that need the demo in place).
   *
   * @return false when the time ran out first
   */
  public synchronized boolean awaitFinished(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!finished()) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
    return true;
  }

  /** First of the stop observers: nothing starts workers or imports after they have stopped. */
  void onStop(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) ShutdownEvent event)
      throws InterruptedException {
    synchronized (this) {
      stopping = true;
    }
    thread.shutdown();
    if (!thread.awaitTermination(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
      LOG.warn("A start-up step was still running at shutdown");
    }
  }
}
