package dev.earshot.reward.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * A wrong reward key is refused before the body is read: the body costs neither memory nor time.
 */
@QuarkusTest
class RewardKeyGateTest {

  private static final long BODY_BYTES = 200L * 1024 * 1024;
  private static final long HEAP_GROWTH_LIMIT = 50L * 1024 * 1024;

  @TestHTTPResource("/api/reward/not-a-real-key")
  URL wrongKey;

  @Test
  void shouldRefuseAWrongKeyWithoutReadingA200MegabyteBody() throws Exception {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    System.gc();
    long heapBefore = memory.getHeapMemoryUsage().getUsed();
    AtomicLong sent = new AtomicLong();
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(wrongKey.toString()))
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.fromPublisher(
                    HttpRequest.BodyPublishers.ofInputStream(() -> new Generated(BODY_BYTES, sent)),
                    BODY_BYTES))
            .build();

    long start = System.nanoTime();
    HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
    long millis = (System.nanoTime() - start) / 1_000_000;
    System.gc();
    long heapGrowth = memory.getHeapMemoryUsage().getUsed() - heapBefore;

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.body()).contains("Unknown reward key");
    // The server answered long before the body could have been read.
    assertThat(sent.get()).isLessThan(BODY_BYTES / 2);
    assertThat(heapGrowth).isLessThan(HEAP_GROWTH_LIMIT);
    System.out.printf(
        "Wrong reward key: refused in %d ms after %d of %d body bytes, heap growth %d bytes%n",
        millis, sent.get(), BODY_BYTES, heapGrowth);
  }

  /** A body of spaces made while it is sent, counting what was taken. */
  private static final class Generated extends InputStream {
    private final AtomicLong sent;
    private long left;

    Generated(long bytes, AtomicLong sent) {
      this.left = bytes;
      this.sent = sent;
    }

    @Override
    public int read() {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0];
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
      if (left == 0) {
        return -1;
      }
      int n = (int) Math.min(length, left);
      java.util.Arrays.fill(buffer, offset, offset + n, (byte) ' ');
      left -= n;
      sent.addAndGet(n);
      return n;
    }

    @Override
    public void close() throws IOException {}
  }
}
