package dev.earshot.platform.concurrent;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Thread factories for the service's own background threads. Daemons: they must not keep the JVM
 * alive after the service has stopped.
 */
public final class DaemonThreads {

  private DaemonThreads() {}

  /** Daemon threads that all carry this name (for a single-thread executor or one thread). */
  public static ThreadFactory named(String name) {
    return task -> daemon(task, name);
  }

  /** Daemon threads named {@code prefix1}, {@code prefix2}, … in the order they are made. */
  public static ThreadFactory numbered(String prefix) {
    AtomicInteger counter = new AtomicInteger();
    return task -> daemon(task, prefix + counter.incrementAndGet());
  }

  private static Thread daemon(Runnable task, String name) {
    Thread thread = new Thread(task, name);
    thread.setDaemon(true);
    return thread;
  }
}
