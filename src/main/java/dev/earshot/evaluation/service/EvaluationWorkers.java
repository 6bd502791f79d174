package dev.earshot.evaluation.service;

import dev.earshot.evaluation.repository.EvaluationJobRepository.ClaimedJob;
import dev.earshot.platform.concurrent.DaemonThreads;
import dev.earshot.platform.config.EarshotConfig;
import dev.earshot.platform.startup.WarmUp;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * This instance's evaluation workers: threads that claim one job at a time from the shared queue
 * while the service runs. A heartbeat renews the lease of every job in hand, so a slow judge keeps
 * its job; a job interrupted by a crash is taken over by any worker once its lease expires.
 *
 * <p>On shutdown the workers stop claiming, running jobs get {@code
 * earshot.evaluation.shutdown-grace} to finish, and those still running after it are given back to
 * the queue (their attempt not counted), never failed.
 */
@ApplicationScoped
public class EvaluationWorkers {

  /**
   * When the workers stop among the {@link ShutdownEvent} observers. CDI calls observers with lower
   * priority values first: this one runs before the default ({@code APPLICATION + 500}) and so
   * before the embedded database is stopped, which must observe with a higher value.
   */
  public static final int SHUTDOWN_PRIORITY = Interceptor.Priority.LIBRARY_BEFORE;

  /** How long interrupted workers get to give their jobs back themselves. */
  private static final Duration GIVE_BACK_WAIT = Duration.ofSeconds(5);

  private static final Logger LOG = Logger.getLogger(EvaluationWorkers.class);

  private final JobQueue queue;
  private final JobProcessor processor;
  private final EarshotConfig.Evaluation settings;
  private final Counter leasesLost;
  private final WarmUp warmUp;
  private final String instance = UUID.randomUUID().toString().substring(0, 8);
  private final List<Thread> threads = new ArrayList<>();

  /** The job each busy worker holds, for the heartbeat and for giving jobs back on shutdown. */
  private final Map<String, ClaimedJob> held = new ConcurrentHashMap<>();

  private ScheduledExecutorService heartbeat;

  /**
   * Counts starts; workers claim while {@code claimingGeneration} is the one they were started in
   * (0 while stopped), so a worker left over from before a restart never claims again.
   */
  private int generations;

  private volatile int claimingGeneration;

  public EvaluationWorkers(
      JobQueue queue,
      JobProcessor processor,
      EarshotConfig config,
      MeterRegistry registry,
      WarmUp warmUp) {
    this.queue = queue;
    this.warmUp = warmUp;
    this.processor = processor;
    this.settings = config.evaluation();
    this.leasesLost =
        Counter.builder("earshot.evaluation.lease.lost")
            .description(
                "Evaluation jobs whose worker found them taken over by another worker when closing"
                    + " them; their results were dropped")
            .register(registry);
  }

  void onStart(@Observes StartupEvent event) {
    warmUp.submit("evaluation workers", this::start);
  }

  void onStop(@Observes @Priority(SHUTDOWN_PRIORITY) ShutdownEvent event) {
    stop(settings.shutdownGrace());
  }

  /** Starts the configured number of workers, unless they run already. */
  public synchronized void start() {
    if (settings.workers() == 0 || !threads.isEmpty()) {
      return;
    }
    try {
      queue.closeFinishedRuns();
    } catch (RuntimeException e) {
      LOG.warnf("Could not close finished evaluation runs: %s", e.getMessage());
    }
    int generation = ++generations;
    claimingGeneration = generation;
    heartbeat =
        Executors.newSingleThreadScheduledExecutor(
            DaemonThreads.named("earshot-evaluation-heartbeat"));
    long renewEvery = Math.max(1, settings.lease().toMillis() / 3);
    heartbeat.scheduleWithFixedDelay(
        this::renewLeases, renewEvery, renewEvery, TimeUnit.MILLISECONDS);
    for (int i = 1; i <= settings.workers(); i++) {
      String worker = instance + "-" + generation + "-" + i;
      Thread thread =
          DaemonThreads.named("earshot-evaluation-" + i).newThread(() -> work(worker, generation));
      thread.start();
      threads.add(thread);
    }
  }

  /**
   * Stops claiming, waits up to {@code grace} for running jobs to finish, then interrupts the
   * workers and gives every job still in hand back to the queue. Returns once no worker holds a job
   * any more (or could not give it back), so the database may be stopped afterwards.
   */
  public synchronized void stop(Duration grace) {
    if (threads.isEmpty()) {
      return;
    }
    claimingGeneration = 0;
    joinAll(Instant.now().plus(grace));
    threads.stream().filter(Thread::isAlive).forEach(Thread::interrupt);
    joinAll(Instant.now().plus(GIVE_BACK_WAIT));
    // Workers stuck in a judge that ignores interrupts: give their jobs back for them.
    held.forEach(this::giveBack);
    heartbeat.shutdownNow();
    threads.clear();
  }

  private void joinAll(Instant deadline) {
    for (Thread thread : threads) {
      long left = Duration.between(Instant.now(), deadline).toMillis();
      if (left <= 0) {
        return;
      }
      try {
        thread.join(left);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private void work(String worker, int generation) {
    while (claimingGeneration == generation) {
      try {
        Optional<ClaimedJob> job = queue.claim(worker, settings.lease(), settings.maxAttempts());
        if (job.isPresent()) {
          run(job.get(), worker, generation);
        } else {
          Thread.sleep(settings.pollInterval().toMillis());
        }
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        if (claimingGeneration != generation) {
          return;
        }
        // The database is unreachable or similar: back off instead of spinning.
        LOG.errorf(e, "Evaluation worker %s could not claim jobs; retrying", worker);
        sleepQuietly();
      }
    }
  }

  private void run(ClaimedJob job, String worker, int generation) {
    held.put(worker, job);
    try {
      processor.process(job, worker);
    } catch (LeaseLostException e) {
      countLostLease(job, worker);
    } catch (RuntimeException e) {
      String error = e.getClass().getSimpleName() + ": " + e.getMessage();
      if (claimingGeneration == generation) {
        fail(job, worker, error);
      } else {
        // Interrupted, or its database going away, because the service stops: not the job's fault.
        LOG.infof("Evaluation job %d cut off by the shutdown (%s)", job.id(), error);
        // A database call on an interrupted thread fails at once (the pool's wait is
        // interruptible).
        Thread.interrupted();
        giveBack(worker, job);
      }
    } finally {
      held.remove(worker, job);
    }
  }

  private void fail(ClaimedJob job, String worker, String error) {
    LOG.warnf(
        "Evaluation job %d (%s on response %d) failed: %s",
        job.id(), JobProcessor.describe(job), job.responseId(), error);
    try {
      queue.fail(job, worker, error, settings.maxAttempts());
    } catch (LeaseLostException e) {
      countLostLease(job, worker);
    } catch (RuntimeException e) {
      LOG.errorf(
          "Could not record the failure of evaluation job %d (%s); it is taken over once its lease"
              + " runs out",
          job.id(), e.getMessage());
    }
  }

  private void giveBack(String worker, ClaimedJob job) {
    held.remove(worker, job);
    try {
      if (queue.release(job, worker)) {
        LOG.infof("Evaluation job %d given back to the queue: the service is stopping", job.id());
      }
    } catch (RuntimeException e) {
      LOG.warnf(
          "Could not give evaluation job %d back (%s); it is taken over once its lease runs out",
          job.id(), e.getMessage());
    }
  }

  private void countLostLease(ClaimedJob job, String worker) {
    leasesLost.increment();
    LOG.warnf(
        "Evaluation job %d was taken over by another worker after the lease of worker %s ran out;"
            + " this worker's result is dropped",
        job.id(), worker);
  }

  private void renewLeases() {
    held.forEach(
        (worker, job) -> {
          try {
            if (!queue.renew(job, worker, settings.lease()) && held.remove(worker, job)) {
              LOG.warnf(
                  "Worker %s lost the lease of evaluation job %d while working on it",
                  worker, job.id());
            }
          } catch (RuntimeException e) {
            LOG.warnf(
                "Could not renew the lease of evaluation job %d: %s", job.id(), e.getMessage());
          }
        });
  }

  private void sleepQuietly() {
    try {
      Thread.sleep(settings.pollInterval().toMillis() * 4);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
