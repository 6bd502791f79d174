package dev.earshot.platform.startup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.earshot.platform.health.WarmUpHealthCheck;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

/**
 * A warm-up of its own, not the service's: a failed step here must not mark the service under test
 * unready. Quarkus runs it because each step gets a CDI request context.
 */
@QuarkusTest
class WarmUpTest {

  private static final Duration WAIT = Duration.ofSeconds(10);

  private final WarmUp warmUp = new WarmUp();
  private final WarmUpHealthCheck health = new WarmUpHealthCheck(warmUp);

  @Test
  void shouldRunStepsInQueueOrderOffTheCallersThread() throws Exception {
    List<String> ran = new CopyOnWriteArrayList<>();
    Thread caller = Thread.currentThread();

    warmUp.submit("first", () -> ran.add("first:" + (Thread.currentThread() != caller)));
    warmUp.submit("second", () -> ran.add("second:" + (Thread.currentThread() != caller)));

    assertThat(warmUp.awaitFinished(WAIT)).isTrue();
    assertThat(ran).containsExactly("first:true", "second:true");
    assertThat(warmUp.steps())
        .extracting(WarmUp.Step::state)
        .containsExactly(WarmUp.State.DONE, WarmUp.State.DONE);
    assertThat(health.call().getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
    assertThat(health.call().getData()).isEmpty();
  }

  @Test
  void shouldReportWhatIsStillWarmingUpWhileStayingReady() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch running = new CountDownLatch(1);
    warmUp.submit(
        "demo import",
        () -> {
          running.countDown();
          await(release);
        });
    warmUp.submit("workers", () -> {});
    running.await();

    HealthCheckResponse during = health.call();
    release.countDown();

    assertThat(during.getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
    assertThat(during.getData().orElseThrow()).containsEntry("warming up", "demo import, workers");
    assertThat(warmUp.awaitFinished(WAIT)).isTrue();
    assertThat(warmUp.finished()).isTrue();
  }

  @Test
  void shouldRunTheLaterStepsAfterAFailureAndTurnReadinessDown() throws Exception {
    List<String> ran = new CopyOnWriteArrayList<>();

    warmUp.submit(
        "judge catalog",
        () -> {
          throw new IllegalStateException("/srv/earshot/judges/broken.yaml: no kind");
        });
    warmUp.submit("demo data set check", () -> ran.add("demo"));

    assertThat(warmUp.awaitFinished(WAIT)).isTrue();
    assertThat(ran).containsExactly("demo");
    assertThat(warmUp.steps())
        .containsExactly(
            new WarmUp.Step("judge catalog", WarmUp.State.FAILED, "IllegalStateException"),
            new WarmUp.Step("demo data set check", WarmUp.State.DONE, null));
    HealthCheckResponse response = health.call();
    assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
    // The kind of error only: readiness is readable without credentials.
    assertThat(response.getData().orElseThrow())
        .containsEntry("judge catalog", "failed (IllegalStateException); the log has the error");
  }

  @Test
  void shouldFinishTheRunningStepAndDropTheQueuedOnesOnStop() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch running = new CountDownLatch(1);
    List<String> ran = new CopyOnWriteArrayList<>();
    warmUp.submit(
        "import",
        () -> {
          running.countDown();
          await(release);
          ran.add("import");
        });
    warmUp.submit("workers", () -> ran.add("workers"));
    running.await();

    Thread stopping = new Thread(() -> stop());
    stopping.start();
    // The stop waits for the running step; the queued one must not run once it has begun.
    while (stopping.getState() != Thread.State.TIMED_WAITING
        && stopping.getState() != Thread.State.WAITING) {
      Thread.onSpinWait();
    }
    release.countDown();
    stopping.join(WAIT.toMillis());
    warmUp.submit("late", () -> ran.add("late"));

    assertThat(ran).containsExactly("import");
    assertThat(warmUp.steps())
        .extracting(WarmUp.Step::state)
        .containsExactly(WarmUp.State.DONE, WarmUp.State.SKIPPED);
  }

  private void stop() {
    try {
      warmUp.onStop(null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
