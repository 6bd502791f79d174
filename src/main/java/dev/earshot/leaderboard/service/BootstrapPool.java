package dev.earshot.leaderboard.service;

import dev.earshot.platform.concurrent.DaemonThreads;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The one pool that leaderboard bootstraps run on: one thread per core, shared by all requests, so
 * that concurrent requests queue for the cores instead of each starting threads of their own.
 */
@ApplicationScoped
public class BootstrapPool {

  private final ExecutorService executor;

  public BootstrapPool() {
    this.executor =
        Executors.newFixedThreadPool(
            Runtime.getRuntime().availableProcessors(),
            DaemonThreads.numbered("earshot-bootstrap-"));
  }

  public ExecutorService executor() {
    return executor;
  }

  @PreDestroy
  void stop() {
    executor.shutdownNow();
  }
}
