package dev.earshot.evaluation.service;

import dev.earshot.evaluation.repository.EvaluationJobRepository.ClaimedJob;
import dev.earshot.platform.config.EarshotConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * This instance's evaluation workers: threads that claim jobs from the shared queue until the
 * service stops. A job interrupted by a crash is taken over by any worker once its lease expires.
 */
@ApplicationScoped
public class EvaluationWorkers {

  private static final Logger LOG = Logger.getLogger(EvaluationWorkers.class);
  private static final int BATCH = 4;

  private final JobQueue queue;
  private final JobProcessor processor;
  private final EarshotConfig.Evaluation settings;
  private final String instance = UUID.randomUUID().toString().substring(0, 8);
  private final List<Thread> threads = new ArrayList<>();
  private volatile boolean running;

  public EvaluationWorkers(JobQueue queue, JobProcessor processor, EarshotConfig config) {
    this.queue = queue;
    this.processor = processor;
    this.settings = config.evaluation();
  }

  void onStart(@Observes StartupEvent event) {
    running = true;
    for (int i = 1; i <= settings.workers(); i++) {
      String worker = instance + "-" + i;
      Thread thread = new Thread(() -> work(worker), "earshot-evaluation-" + i);
      thread.setDaemon(true);
      thread.start();
      threads.add(thread);
    }
  }

  void onStop(@Observes ShutdownEvent event) throws InterruptedException {
    running = false;
    for (Thread thread : threads) {
      thread.interrupt();
      thread.join(10_000);
    }
  }

  private void work(String worker) {
    while (running) {
      try {
        List<ClaimedJob> jobs = queue.claim(worker, BATCH, settings.lease());
        for (ClaimedJob job : jobs) {
          run(job, worker);
        }
        if (jobs.isEmpty()) {
          Thread.sleep(settings.pollInterval().toMillis());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        if (!running) {
          return;
        }
        // The database is unreachable or similar: back off instead of spinning.
        LOG.errorf(e, "Evaluation worker %s could not claim jobs; retrying", worker);
        sleepQuietly();
      }
    }
  }

  private void run(ClaimedJob job, String worker) {
    try {
      processor.process(job, worker);
    } catch (RuntimeException e) {
      String error = e.getClass().getSimpleName() + ": " + e.getMessage();
      LOG.warnf(
          "Evaluation job %d (%s@%s on response %d) failed: %s",
          job.id(), job.judgeId(), job.judgeVersion(), job.responseId(), error);
      queue.fail(job, worker, error, settings.maxAttempts());
    }
  }

  private void sleepQuietly() {
    try {
      Thread.sleep(settings.pollInterval().toMillis() * 4);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
