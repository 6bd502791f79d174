package dev.earshot.judge.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LlmJudgeSettingsTest {

  private static final URI LOCAL = URI.create("http://localhost:8000/v1");

  @Test
  void shouldDefaultToDeterministicRequests() {
    LlmJudgeSettings settings = LlmJudgeSettings.builder(LOCAL, "qwen-omni").build();

    assertThat(settings.temperature()).isZero();
    assertThat(settings.jsonMode()).isFalse();
    assertThat(settings.seed()).isNull();
    assertThat(settings.apiKey()).isNull();
  }

  @Test
  void shouldNeverShowTheApiKeyInText() {
    LlmJudgeSettings settings =
        LlmJudgeSettings.builder(LOCAL, "gpt-audio").apiKey("sk-secret-123").build();

    assertThat(settings.toString()).doesNotContain("sk-secret-123").contains("apiKey=***");
  }

  @Test
  void shouldRejectANonHttpBaseUrl() {
    assertThatThrownBy(() -> LlmJudgeSettings.builder(URI.create("ftp://host/v1"), "m").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("http or https");
  }

  @Test
  void shouldRejectAudioThatIsNotWav() {
    assertThatThrownBy(() -> SpokenResponse.audio("ID3 not a wav file".getBytes()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a WAV file");
  }

  @Test
  void shouldPreferMillisecondRetryAfterThenSecondsThenAnHttpDateInThePast() {
    assertThat(
            ChatCompletionsClient.retryAfter(
                headers(Map.of("retry-after-ms", "250", "Retry-After", "3"))))
        .hasValue(Duration.ofMillis(250));
    assertThat(ChatCompletionsClient.retryAfter(headers(Map.of("Retry-After", "3"))))
        .hasValue(Duration.ofSeconds(3));
    assertThat(
            ChatCompletionsClient.retryAfter(
                headers(Map.of("Retry-After", "Wed, 21 Oct 2015 07:28:00 GMT"))))
        .hasValue(Duration.ZERO);
    assertThat(ChatCompletionsClient.retryAfter(headers(Map.of("Retry-After", "soon")))).isEmpty();
  }

  private static HttpHeaders headers(Map<String, String> values) {
    Map<String, List<String>> lists = new HashMap<>();
    values.forEach((name, value) -> lists.put(name, List.of(value)));
    return HttpHeaders.of(lists, (name, value) -> true);
  }
}
