package dev.earshot.judge.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
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
}
