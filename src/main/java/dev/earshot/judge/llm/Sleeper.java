package dev.earshot.judge.llm;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Waits between attempts; replaced in tests so that back-off is observable and instant. */
public interface Sleeper {

  Sleeper THREAD = duration -> TimeUnit.NANOSECONDS.sleep(duration.toNanos());

  void sleep(Duration duration) throws InterruptedException;
}
