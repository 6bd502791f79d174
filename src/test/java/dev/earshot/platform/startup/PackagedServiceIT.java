package dev.earshot.platform.startup;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged service as {@code java -jar} runs it (integration-test phase, after package): only
 * that path goes through {@link EarshotMain}, so only here does the embedded PostgreSQL start
 * alongside the boot. Quarkus tests never call the main method.
 */
class PackagedServiceIT {

  private static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");

  @TempDir Path dataDir;

  private Process service;

  @AfterEach
  void stop() throws InterruptedException {
    if (service != null && service.isAlive()) {
      service.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }
  }

  @Test
  void shouldStartTheEmbeddedDatabaseAlongsideTheBootAndWarmUpAfterThePortOpened()
      throws Exception {
    Path log = dataDir.resolve("service.log");
    ServiceProcess process = new ServiceProcess("packaged-service-it-admin");
    List<String> command =
        new ArrayList<>(
            List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    command.addAll(process.jvmOptions(dataDir.resolve("data")));
    command.addAll(List.of("-jar", JAR.toString()));
    service =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();

    String readiness = process.awaitWarm(service, log);

    assertThat(readiness).contains("\"start-up steps\"").contains("\"status\": \"UP\"");
    List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
    assertThat(lines)
        .anyMatch(
            line -> line.contains("(earshot-embedded-postgres-start) Embedded PostgreSQL started"));
    assertThat(lines)
        .anyMatch(line -> line.contains("(earshot-warm-up) Start-up: warm-up finished"));
    HttpResponse<String> demo = process.get("/api/datasets/demo");
    assertThat(demo.statusCode()).as("the demo imported by the warm-up").isEqualTo(200);
    assertThat(demo.body()).contains("\"prompts\":24");

    service.destroy();
    assertThat(service.waitFor(60, TimeUnit.SECONDS)).as("stopped on SIGTERM").isTrue();
    assertThat(Files.readString(log, StandardCharsets.UTF_8))
        .contains("Embedded PostgreSQL stopped");
  }
}
