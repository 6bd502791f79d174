package dev.earshot.export.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.earshot.export.repository.ExportRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

/**
 * The start-up step that fails exports a stop cut off runs after the port opened, so exports may
 * already be queued in this start by then: only those queued before the start are failed.
 */
@QuarkusTest
class InterruptedExportsTest {

  @Inject ExportService service;
  @Inject ExportRepository exports;

  @Test
  void shouldFailOnlyTheExportsQueuedBeforeThisStart() {
    long cutOff = QuarkusTransaction.requiringNew().call(() -> exports.insert("{}", "test"));
    OffsetDateTime started = OffsetDateTime.now();
    long queuedSince = QuarkusTransaction.requiringNew().call(() -> exports.insert("{}", "test"));

    service.failUnfinished(started);

    ExportRepository.ExportRow failed = row(cutOff);
    assertThat(failed.status()).isEqualTo("failed");
    assertThat(failed.error()).contains("create it again");
    assertThat(row(queuedSince).status()).isEqualTo("queued");
    QuarkusTransaction.requiringNew().run(() -> exports.fail(queuedSince, "test over"));
  }

  private ExportRepository.ExportRow row(long id) {
    return QuarkusTransaction.requiringNew().call(() -> exports.find(id).orElseThrow());
  }
}
