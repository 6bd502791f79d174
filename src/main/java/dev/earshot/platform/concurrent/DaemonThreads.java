package dev.earshot.platform.concurrent;

import java.util.concurrent.ThreadFactory;

/** Thread factories for the service's own background threads. */
public final class DaemonThreads {

  private DaemonThreads() {}

  /**
   * One daemon thread per call, all with this name: they must not keep the JVM alive after the
   * service has stopped.
   */
  public static ThreadFactory named(String name) {
    return task -> {
      Thread thread = new Thread(task, name);
      thread.setDaemon(true);
      return thread;
    };
  }
}
