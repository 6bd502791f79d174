package dev.earshot.judge.transcription;

import dev.earshot.judge.llm.RetryingEndpoint;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How to reach one speech recogniser.
 *
 * @param baseUrl the API root that {@code /audio/transcriptions} is appended to, e.g. {@code
 *     http://127.0.0.1:8178/v1}
 * @param model sent as the {@code model} part and part of every cache key; servers that load one
 *     model (whisper.cpp) ignore it, so name the model they load
 * @param apiKey sent as a bearer token; null for local servers that need none. Never logged: {@link
 *     #toString()} masks it
 * @param limits timeouts, attempts, back-off and requests in flight
 */
public record TranscriptionSettings(
    URI baseUrl, String model, String apiKey, RetryingEndpoint.Limits limits) {

  /** Environment variables that error messages point a person to. */
  public static final String URL_VARIABLE = "EARSHOT_TRANSCRIPTION_URL";

  public static final String MODEL_VARIABLE = "EARSHOT_TRANSCRIPTION_MODEL";
  public static final String API_KEY_VARIABLE = "EARSHOT_TRANSCRIPTION_API_KEY";

  public TranscriptionSettings {
    Objects.requireNonNull(baseUrl, "baseUrl");
    Objects.requireNonNull(limits, "limits");
    if (!"http".equals(baseUrl.getScheme()) && !"https".equals(baseUrl.getScheme())) {
      throw new IllegalArgumentException(
          "transcription URL must be http or https (" + URL_VARIABLE + "): " + baseUrl);
    }
    if (model == null || model.isBlank()) {
      throw new IllegalArgumentException(
          "transcription model must be named (" + MODEL_VARIABLE + ")");
    }
  }

  /**
   * Limits for a recogniser: 10 s to connect, {@code requestTimeout} per request, 500 ms back-off.
   */
  public static RetryingEndpoint.Limits limits(
      Duration requestTimeout, int maxAttempts, int maxConcurrency) {
    return new RetryingEndpoint.Limits(
        Duration.ofSeconds(10),
        requestTimeout,
        maxAttempts,
        Duration.ofMillis(500),
        Duration.ofSeconds(30),
        maxConcurrency);
  }

  @Override
  public String toString() {
    return "TranscriptionSettings[baseUrl=%s, model=%s, apiKey=%s, limits=%s]"
        .formatted(baseUrl, model, apiKey == null ? "none" : "***", limits);
  }
}
