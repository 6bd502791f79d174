package dev.earshot.testing;

import dev.earshot.platform.startup.WarmUp;
import io.quarkus.arc.Arc;
import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import java.time.Duration;

/**
 * Lets every test start once the start-up steps that run after the port opened are done (the demo
 * imported, the workers started), as a person would find the service a little after starting it. A
 * Quarkus test callback (META-INF/services), so that it waits in the application under test.
 */
public final class WarmUpFinished implements QuarkusTestBeforeEachCallback {

  private static final Duration LIMIT = Duration.ofMinutes(5);

  @Override
  public void beforeEach(QuarkusTestMethodContext context) {
    try {
      if (!Arc.container().instance(WarmUp.class).get().awaitFinished(LIMIT)) {
        throw new IllegalStateException("Start-up steps still running after " + LIMIT);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for the start-up steps", e);
    }
  }
}
