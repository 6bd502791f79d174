package dev.earshot.platform.concurrent;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/** Runs long work started from the UI (imports) off the UI thread; stopped with the service. */
@ApplicationScoped
public class BackgroundTasks {

  private static final Logger LOG = Logger.getLogger(BackgroundTasks.class);
  private static final int THREADS = 2;

  private final ExecutorService executor;

  public BackgroundTasks() {
    this.executor =
        Executors.newFixedThreadPool(THREADS, DaemonThreads.numbered("earshot-background-"));
  }

  /**
   * Runs the task with its own CDI request context: UI updates it pushes with {@code UI.access} may
   * run on this thread and read the database outside a transaction.
   */
  public void run(Runnable task) {
    executor.execute(
        () -> {
          ManagedContext requestContext = Arc.container().requestContext();
          requestContext.activate();
          try {
            task.run();
          } catch (RuntimeException e) {
            LOG.error("Background task failed", e);
          } finally {
            requestContext.terminate();
          }
        });
  }

  @PreDestroy
  void stop() throws InterruptedException {
    executor.shutdown();
    if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
      executor.shutdownNow();
    }
  }
}
