package dev.earshot.export.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Runs {@code examples/tests} with python3: every training script's arguments and device choice,
 * and the GRPO example's reward call against a fake Earshot. TRL, torch and models are not needed
 * (and not installed here); the scripts' TRL calls themselves are not exercised.
 */
class ExamplesPythonTest {

  @Test
  void shouldPassTheExamplesOwnPythonTests() throws IOException, InterruptedException {
    Process python =
        new ProcessBuilder("python3", "-B", "-m", "unittest", "discover", "-s", "examples/tests")
            .redirectErrorStream(true)
            .start();
    String output = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(python.waitFor()).as(output).isZero();
    assertThat(output).contains("OK");
  }
}
