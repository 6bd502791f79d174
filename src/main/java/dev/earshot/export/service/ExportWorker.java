package dev.earshot.export.service;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Writes exports one after another on a thread of their own, never on the request's: an export is
 * started once the transaction that queued it has committed.
 */
@ApplicationScoped
public class ExportWorker {

  private static final Logger LOG = Logger.getLogger(ExportWorker.class);

  private final ExportRunner runner;
  private final ExportService service;
  private final ExecutorService executor =
      Executors.newSingleThreadExecutor(
          task -> {
            Thread thread = new Thread(task, "earshot-export");
            thread.setDaemon(true);
            return thread;
          });

  public ExportWorker(ExportRunner runner, ExportService service) {
    this.runner = runner;
    this.service = service;
  }

  void onStart(@Observes StartupEvent event) {
    int failed = service.failUnfinished();
    if (failed > 0) {
      LOG.warnf("%d export(s) were cut off by the last stop and are marked failed", failed);
    }
  }

  void onQueued(@Observes(during = TransactionPhase.AFTER_SUCCESS) ExportQueued queued) {
    executor.execute(() -> runner.run(queued.id()));
  }

  void onStop(@Observes ShutdownEvent event) throws InterruptedException {
    executor.shutdownNow();
    if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
      LOG.warn("An export was still being written at shutdown");
    }
  }
}
