package dev.earshot.platform.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataFolderHealthCheckTest {

  @TempDir Path work;

  @Test
  void shouldBeUpWhileTheFolderTakesWritesAndLeaveNothingBehind() throws Exception {
    HealthCheckResponse response = new DataFolderHealthCheck(work).call();

    assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
    try (var left = Files.list(work)) {
      assertThat(left).isEmpty();
    }
  }

  @Test
  void shouldBeDownWithAReasonButNoPathWhenTheFolderCannotBeWritten() throws Exception {
    // Tests run as root, which ignores permissions: a file where the folder should be fails alike.
    Path notAFolder = Files.writeString(work.resolve("data"), "x");

    HealthCheckResponse response = new DataFolderHealthCheck(notAFolder).call();

    assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
    assertThat(response.getData().orElseThrow().get("reason").toString())
        .isNotBlank()
        .doesNotContain(work.toString());
  }
}
