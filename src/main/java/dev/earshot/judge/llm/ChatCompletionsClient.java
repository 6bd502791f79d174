package dev.earshot.judge.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Semaphore;

/**
 * Posts to {@code <baseUrl>/chat/completions} with timeouts, retries with jittered exponential
 * back-off on 408, 429, 5xx, timeouts and I/O errors, and a fair limit on requests in flight.
 */
final class ChatCompletionsClient {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_SERVER_MESSAGE_CHARS = 300;

  private final LlmJudgeSettings settings;
  private final URI endpoint;
  private final HttpClient http;
  private final Semaphore inFlight;
  private final Sleeper sleeper;
  private final Random jitter;

  ChatCompletionsClient(LlmJudgeSettings settings, Sleeper sleeper, Random jitter) {
    this.settings = settings;
    this.endpoint =
        URI.create(settings.baseUrl().toString().replaceAll("/+$", "") + "/chat/completions");
    // HTTP/1.1: over plain http the JDK would otherwise offer an h2c upgrade that some inference
    // servers mishandle.
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(settings.connectTimeout())
            .build();
    this.inFlight = new Semaphore(settings.maxConcurrency(), true);
    this.sleeper = sleeper;
    this.jitter = jitter;
  }

  URI endpoint() {
    return endpoint;
  }

  /** The body of the first successful (2xx) answer to {@code requestJson}. */
  String complete(byte[] requestJson) {
    HttpRequest request = request(requestJson);
    for (int attempt = 1; ; attempt++) {
      String failure;
      Integer failedStatus = null;
      IOException error = null;
      Duration wait;
      try {
        HttpResponse<String> response = send(request);
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
          return response.body();
        }
        String problem = "answered " + status + ": " + serverMessage(response.body());
        if (!isRetryable(status)) {
          throw new LlmJudgeException(
              "judge endpoint " + endpoint + " " + problem + hint(status), status, null);
        }
        failure = problem;
        failedStatus = status;
        Optional<Duration> asked = retryAfter(response.headers());
        wait = asked.isPresent() ? asked.get() : backoff(attempt);
      } catch (IOException e) {
        failure = describe(e);
        error = e;
        wait = backoff(attempt);
      }
      if (attempt >= settings.maxAttempts()) {
        throw new LlmJudgeException(
            "judge endpoint %s failed %d attempt(s); the last %s"
                .formatted(endpoint, attempt, failure),
            failedStatus,
            error);
      }
      pause(min(wait, settings.maxBackoff()));
    }
  }

  private HttpRequest request(byte[] json) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(endpoint)
            .timeout(settings.requestTimeout())
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(json));
    settings.extraHeaders().forEach(request::header);
    if (settings.apiKey() != null && !settings.apiKey().isBlank()) {
      request.header("Authorization", "Bearer " + settings.apiKey());
    }
    return request.build();
  }

  private HttpResponse<String> send(HttpRequest request) throws IOException {
    try {
      inFlight.acquire();
      try {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
      } finally {
        inFlight.release();
      }
    } catch (InterruptedException e) {
      throw interrupted(e);
    }
  }

  private void pause(Duration wait) {
    try {
      sleeper.sleep(wait);
    } catch (InterruptedException e) {
      throw interrupted(e);
    }
  }

  private LlmJudgeException interrupted(InterruptedException e) {
    Thread.currentThread().interrupt();
    return new LlmJudgeException("interrupted while calling judge endpoint " + endpoint, null, e);
  }

  private static boolean isRetryable(int status) {
    return status == 408 || status == 429 || status >= 500;
  }

  /** Equal jitter: half the exponential delay, plus up to as much again at random. */
  private Duration backoff(int attempt) {
    Duration exponential = settings.initialBackoff().multipliedBy(1L << Math.min(attempt - 1, 30));
    long ceiling = min(exponential, settings.maxBackoff()).toNanos();
    long half = ceiling / 2;
    return Duration.ofNanos(half + (long) (jitter.nextDouble() * (ceiling - half)));
  }

  /** {@code retry-after-ms} (OpenAI) or {@code Retry-After} in seconds or as an HTTP date. */
  static Optional<Duration> retryAfter(HttpHeaders headers) {
    Optional<String> millis = headers.firstValue("retry-after-ms");
    if (millis.isPresent()) {
      try {
        return Optional.of(
            Duration.ofMillis(Math.max(0, Math.round(Double.parseDouble(millis.get())))));
      } catch (NumberFormatException e) {
        // Fall through to Retry-After.
      }
    }
    return headers.firstValue("Retry-After").flatMap(ChatCompletionsClient::parseRetryAfter);
  }

  private static Optional<Duration> parseRetryAfter(String value) {
    String trimmed = value.strip();
    if (trimmed.matches("\\d+")) {
      return Optional.of(Duration.ofSeconds(Long.parseLong(trimmed)));
    }
    try {
      Instant at = ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      Duration until = Duration.between(Instant.now(), at);
      return Optional.of(until.isNegative() ? Duration.ZERO : until);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  private String describe(IOException e) {
    if (e instanceof HttpConnectTimeoutException) {
      return "could not connect within " + settings.connectTimeout().toMillis() + " ms";
    }
    if (e instanceof HttpTimeoutException) {
      return "did not answer within " + settings.requestTimeout().toMillis() + " ms";
    }
    if (e instanceof ConnectException) {
      return "refused the connection (is the server running?)";
    }
    return "failed with " + e;
  }

  /** The error text of an OpenAI-style error body, else the body itself, shortened. */
  private static String serverMessage(String body) {
    String message = body == null ? "" : body.strip();
    try {
      JsonNode error = JSON.readTree(message);
      JsonNode text = error.path("error").path("message");
      if (!text.isTextual()) {
        text = error.path("error").isTextual() ? error.path("error") : error.path("message");
      }
      if (!text.isTextual()) {
        text = error.path("detail");
      }
      if (text.isTextual()) {
        message = text.asText();
      }
    } catch (IOException e) {
      // Not JSON: the raw body is the message.
    }
    if (message.isEmpty()) {
      return "(no message)";
    }
    return message.length() <= MAX_SERVER_MESSAGE_CHARS
        ? message
        : message.substring(0, MAX_SERVER_MESSAGE_CHARS) + "…";
  }

  private String hint(int status) {
    return switch (status) {
      case 401, 403 -> " — check the API key (set " + LlmJudgeSettings.API_KEY_VARIABLE + ")";
      case 404 ->
          " — check the base URL ("
              + LlmJudgeSettings.BASE_URL_VARIABLE
              + ") and the model name ("
              + LlmJudgeSettings.MODEL_VARIABLE
              + ")";
      case 400 ->
          settings.jsonMode()
              ? " — if the server does not support response_format, turn JSON mode off"
              : "";
      default -> "";
    };
  }
}
