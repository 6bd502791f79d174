package dev.earshot.leaderboard.service;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one pool that leaderboard bootstraps run on: one thread per core, shared by all requests, so
 * that concurrent requests queue for the cores instead of each starting threads of their own.
 */
@ApplicationScoped
public class BootstrapPool {

  private final ExecutorService executor;

  public BootstrapPool() {
    AtomicInteger counter = new AtomicInteger();
    ThreadFactory threads =
        task -> {
          Thread thread = new Thread(task, "earshot-bootstrap-" + counter.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        };
    this.executor =
        Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(), threads);
  }

  public ExecutorService executor() {
    return executor;
  }

  @PreDestroy
  void stop() {
    executor.shutdownNow();
  }
}
