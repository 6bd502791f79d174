package dev.earshot.platform.startup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
  private static final Duration START_LIMIT = Duration.ofMinutes(3);
  private static final String ADMIN_TOKEN = "packaged-service-it-admin";

  @TempDir Path dataDir;

  private final HttpClient http = HttpClient.newHttpClient();
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
    int port = freePort();
    service =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dearshot.data-dir=" + dataDir.resolve("data"),
                "-Dquarkus.http.port=" + port,
                "-Dquarkus.management.port=" + freePort(),
                "-Dearshot.demo.evaluate=false",
                "-Dearshot.bootstrap-admin-token=" + ADMIN_TOKEN,
                "-jar",
                JAR.toString())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();

    String readiness = awaitWarm(port, log);

    assertThat(readiness).contains("\"start-up steps\"").contains("\"status\": \"UP\"");
    List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
    assertThat(lines)
        .anyMatch(
            line -> line.contains("(earshot-embedded-postgres-start) Embedded PostgreSQL started"));
    assertThat(lines)
        .anyMatch(line -> line.contains("(earshot-warm-up) Start-up: warm-up finished"));
    HttpResponse<String> demo = get(port, "/api/datasets/demo");
    assertThat(demo.statusCode()).as("the demo imported by the warm-up").isEqualTo(200);
    assertThat(demo.body()).contains("\"prompts\":24");

    service.destroy();
    assertThat(service.waitFor(60, TimeUnit.SECONDS)).as("stopped on SIGTERM").isTrue();
    assertThat(Files.readString(log, StandardCharsets.UTF_8))
        .contains("Embedded PostgreSQL stopped");
  }

  /** Waits for readiness without "warming up"; returns its answer. */
  private String awaitWarm(int port, Path log) throws Exception {
    long deadline = System.nanoTime() + START_LIMIT.toNanos();
    while (System.nanoTime() < deadline) {
      assertThat(service.isAlive())
          .as("the service exited: %s", Files.readString(log, StandardCharsets.UTF_8))
          .isTrue();
      try {
        HttpResponse<String> ready = get(port, "/q/health/ready");
        if (ready.statusCode() == 200 && !ready.body().contains("warming up")) {
          return ready.body();
        }
      } catch (IOException notListeningYet) {
        // The port opens at the end of the boot.
      }
      Thread.sleep(200);
    }
    throw new AssertionError("not ready in " + START_LIMIT + ": " + Files.readString(log));
  }

  private HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Authorization", "Bearer " + ADMIN_TOKEN)
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
