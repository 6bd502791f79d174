package dev.earshot.judge.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RetryingEndpointTest {

  @Test
  void shouldPreferMillisecondRetryAfterThenSecondsThenAnHttpDateInThePast() {
    assertThat(
            RetryingEndpoint.retryAfter(
                headers(Map.of("retry-after-ms", "250", "Retry-After", "3"))))
        .hasValue(Duration.ofMillis(250));
    assertThat(RetryingEndpoint.retryAfter(headers(Map.of("Retry-After", "3"))))
        .hasValue(Duration.ofSeconds(3));
    assertThat(
            RetryingEndpoint.retryAfter(
                headers(Map.of("Retry-After", "Wed, 21 Oct 2015 07:28:00 GMT"))))
        .hasValue(Duration.ZERO);
    assertThat(RetryingEndpoint.retryAfter(headers(Map.of("Retry-After", "soon")))).isEmpty();
  }

  private static HttpHeaders headers(Map<String, String> values) {
    Map<String, List<String>> lists = new HashMap<>();
    values.forEach((name, value) -> lists.put(name, List.of(value)));
    return HttpHeaders.of(lists, (name, value) -> true);
  }
}
