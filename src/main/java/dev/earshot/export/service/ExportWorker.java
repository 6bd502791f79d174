package dev.earshot.export.service;

import dev.earshot.platform.concurrent.DaemonThreads;
import dev.earshot.platform.startup.WarmUp;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.time.OffsetDateTime;
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
  private final WarmUp warmUp;
  private final ExecutorService executor =
      Executors.newSingleThreadExecutor(DaemonThreads.named("earshot-export"));

  public ExportWorker(ExportRunner runner, ExportService service, WarmUp warmUp) {
    this.runner = runner;
    this.service = service;
    this.warmUp = warmUp;
  }

  /** After the port opened: only exports queued before this start were cut off by a stop. */
  void onStart(@Observes StartupEvent event) {
    OffsetDateTime started = OffsetDateTime.now();
    warmUp.submit("interrupted exports", () -> failUnfinished(started));
  }

  private void failUnfinished(OffsetDateTime queuedBefore) {
    int failed = service.failUnfinished(queuedBefore);
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
