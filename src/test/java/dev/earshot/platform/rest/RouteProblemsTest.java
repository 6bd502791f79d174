package dev.earshot.platform.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.earshot.testing.RawHttp;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import org.junit.jupiter.api.Test;

/**
 * A refusal made before the body is read does not reset a client that is still sending: the server
 * answers, then takes and throws away what still comes for a while before it closes. (A reset makes
 * a client's write fail, and a client library that sees the failed write before the answer reports
 * the reset: the JDK's HttpClient did, now and then.)
 */
@QuarkusTest
class RouteProblemsTest {

  private static final int BODY_BYTES = 8 * 1024 * 1024;
  private static final int PAUSE_MILLIS = 500;

  @TestHTTPResource("/")
  URL root;

  @Test
  void shouldTakeTheRestOfATooLargeBodyWithoutResettingTheClient() throws Exception {
    RawHttp.LateAnswer late =
        RawHttp.sendThenReadLate(
            root.getPort(), "POST", "/api/votes", 1L << 30, BODY_BYTES, PAUSE_MILLIS);

    assertThat(late.answer().status()).isEqualTo(413);
    assertThat(late.answer().body()).contains("Request too large");
    assertThat(late.bodyBytesTaken()).isEqualTo(BODY_BYTES);
  }

  @Test
  void shouldTakeTheBodyOfAnUnknownRewardKeyWithoutResettingTheClient() throws Exception {
    RawHttp.LateAnswer late =
        RawHttp.sendThenReadLate(
            root.getPort(),
            "POST",
            "/api/reward/not-a-real-key",
            BODY_BYTES,
            BODY_BYTES,
            PAUSE_MILLIS);

    assertThat(late.answer().status()).isEqualTo(404);
    assertThat(late.answer().body()).contains("Unknown reward key");
    assertThat(late.bodyBytesTaken()).isEqualTo(BODY_BYTES);
  }

  @Test
  void shouldStopTakingARefusedBodyAtTheLingerLimit() throws Exception {
    int beyondTheLimit = (int) (RouteProblems.LINGER_MAX_BYTES * 4);

    RawHttp.LateAnswer late =
        RawHttp.sendThenReadLate(
            root.getPort(), "POST", "/api/votes", 1L << 30, beyondTheLimit, PAUSE_MILLIS);

    assertThat(late.answer().status()).isEqualTo(413);
    assertThat(late.bodyBytesTaken()).isLessThan(beyondTheLimit);
  }
}
