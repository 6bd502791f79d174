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

/**
 * The packaged service as the integration tests start it in a process of its own: free ports, an
 * admin token, the JVM options that say so, and the wait until readiness no longer lists start-up
 * steps as warming up. One per start: each start gets ports of its own.
 */
final class ServiceProcess {

  private static final Duration START_LIMIT = Duration.ofMinutes(3);

  private final HttpClient http = HttpClient.newHttpClient();
  private final String adminToken;
  private final int port;
  private final int managementPort;

  ServiceProcess(String adminToken) throws IOException {
    this.adminToken = adminToken;
    this.port = freePort();
    this.managementPort = freePort();
  }

  /** The JVM options of a start on {@code dataDir}; the demo is imported but not evaluated. */
  List<String> jvmOptions(Path dataDir) {
    return List.of(
        "-Dearshot.data-dir=" + dataDir,
        "-Dquarkus.http.port=" + port,
        "-Dquarkus.management.port=" + managementPort,
        "-Dearshot.demo.evaluate=false",
        "-Dearshot.bootstrap-admin-token=" + adminToken);
  }

  /** Waits until the service is ready and warm; returns its readiness answer. */
  String awaitWarm(Process service, Path log) throws Exception {
    long deadline = System.nanoTime() + START_LIMIT.toNanos();
    while (System.nanoTime() < deadline) {
      assertThat(service.isAlive())
          .as("the service exited: %s", Files.readString(log, StandardCharsets.UTF_8))
          .isTrue();
      try {
        HttpResponse<String> ready = get("/q/health/ready");
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

  /** A GET with the admin token. */
  HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Authorization", "Bearer " + adminToken)
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
