package dev.earshot.platform.startup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code scripts/run-service.sh}, the README's way to run the packaged service: the first start
 * writes the class-data archive when it stops, the next maps it, and an archive cut short is made
 * again instead of being mapped (the JVM dies of SIGBUS on a truncated one). The script runs from a
 * copy of the project layout whose target/quarkus-app links to the real one, so the archive it
 * writes stays in the temporary folder.
 */
class RunServiceScriptIT {

  private static final Path PACKAGE = Path.of("target/quarkus-app").toAbsolutePath();

  @TempDir Path work;

  private Path script;
  private Path archive;
  private Process service;
  private ServiceProcess process;

  @BeforeEach
  void layOutTheProject() throws IOException {
    Path scripts = Files.createDirectories(work.resolve("project/scripts"));
    script = Files.copy(Path.of("scripts/run-service.sh"), scripts.resolve("run-service.sh"));
    Path app = Files.createDirectories(work.resolve("project/target/quarkus-app"));
    try (Stream<Path> entries = Files.list(PACKAGE)) {
      for (Path entry : entries.toList()) {
        if (!entry.getFileName().toString().startsWith("earshot-classes.jsa")) {
          Files.createSymbolicLink(app.resolve(entry.getFileName()), entry);
        }
      }
    }
    archive = app.resolve("earshot-classes.jsa");
  }

  @AfterEach
  void stop() throws InterruptedException {
    if (service != null && service.isAlive()) {
      service.descendants().forEach(ProcessHandle::destroyForcibly);
      service.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }
  }

  @Test
  void shouldWriteTheArchiveAtTheFirstStopAndMapItAtTheNextStart() throws Exception {
    Path firstLog = work.resolve("first.log");
    start(firstLog);
    awaitWarm(firstLog);
    assertThat(Files.readString(firstLog)).contains("this run writes a class-data archive");
    assertThat(archive).doesNotExist();

    stopAndAwait();
    assertThat(Files.readString(firstLog)).contains("class-data archive written: " + archive);
    assertThat(archive).isNotEmptyFile();
    assertThat(Files.readString(archive.resolveSibling("earshot-classes.jsa.key")).strip())
        .endsWith(" " + Files.size(archive));

    // -Xshare:on: the JVM refuses to start unless it maps the archive.
    Path secondLog = work.resolve("second.log");
    start(secondLog, "-Xshare:on");
    awaitWarm(secondLog);
    HttpResponse<String> demo = process.get("/api/datasets/demo");
    assertThat(demo.statusCode()).as("the demo data of the first start").isEqualTo(200);
    assertThat(Files.readString(secondLog)).doesNotContain("writes a class-data archive");
    stopAndAwait();
  }

  @Test
  void shouldMakeANewArchiveInsteadOfMappingOneThatWasCutShort() throws Exception {
    start(work.resolve("first.log"));
    awaitWarm(work.resolve("first.log"));
    stopAndAwait();
    long whole = Files.size(archive);
    try (FileChannel channel = FileChannel.open(archive, StandardOpenOption.WRITE)) {
      channel.truncate(whole / 2);
    }

    Path log = work.resolve("after-truncation.log");
    start(log);
    awaitWarm(log);
    assertThat(Files.readString(log)).contains("this run writes a class-data archive");
    stopAndAwait();
    assertThat(Files.size(archive)).isGreaterThan(whole / 2);
  }

  private void start(Path log, String... jvmOptions) throws IOException {
    process = new ServiceProcess("run-service-script-it-admin");
    List<String> command = new ArrayList<>(List.of(script.toString()));
    command.addAll(List.of(jvmOptions));
    command.addAll(process.jvmOptions(work.resolve("data")));
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    service = builder.start();
  }

  /** SIGTERM to the script, which passes it on; the JVM writes the archive as it exits. */
  private void stopAndAwait() throws InterruptedException {
    service.destroy();
    assertThat(service.waitFor(2, TimeUnit.MINUTES)).as("stopped on SIGTERM").isTrue();
  }

  private void awaitWarm(Path log) throws Exception {
    process.awaitWarm(service, log);
  }
}
