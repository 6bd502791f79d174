package dev.earshot.platform.health;

import dev.earshot.platform.startup.WarmUp;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.stream.Collectors;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Reports the start-up steps that run after the port opened ({@link WarmUp}): UP while they run,
 * naming what is still warming up (the demo may still be importing, the workers not yet started),
 * and DOWN once one has failed, with its error, because the service then lacks something a start
 * used to guarantee.
 */
@Readiness
@ApplicationScoped
public class WarmUpHealthCheck implements HealthCheck {

  private static final String NAME = "start-up steps";

  private final WarmUp warmUp;

  public WarmUpHealthCheck(WarmUp warmUp) {
    this.warmUp = warmUp;
  }

  @Override
  public HealthCheckResponse call() {
    List<WarmUp.Step> steps = warmUp.steps();
    HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME).up();
    String warming =
        steps.stream()
            .filter(WarmUp.Step::inProgress)
            .map(WarmUp.Step::name)
            .collect(Collectors.joining(", "));
    if (!warming.isEmpty()) {
      response.withData("warming up", warming);
    }
    for (WarmUp.Step step : steps) {
      if (step.state() == WarmUp.State.FAILED) {
        response
            .down()
            .withData(step.name(), "failed (" + step.error() + "); the log has the error");
      }
    }
    return response.build();
  }
}
