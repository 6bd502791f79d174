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
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Semaphore;

/**
 * Posts to one endpoint of an OpenAI-compatible API with timeouts, retries with jittered
 * exponential back-off on 408, 429, 5xx, timeouts and I/O errors, and a fair limit on requests in
 * flight. Shared by the chat-completions client of the llm judges and the transcription client, so
 * both behave the same towards a slow or overloaded server.
 */
public final class RetryingEndpoint {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_SERVER_MESSAGE_CHARS = 300;

  /**
   * Limits on calling one endpoint.
   *
   * @param connectTimeout limit for opening a connection
   * @param requestTimeout limit for one request, from sending to the complete answer
   * @param maxAttempts attempts per call for transport failures (429, 5xx, timeouts, I/O errors)
   * @param initialBackoff wait before the second attempt; doubles with each further attempt, with
   *     jitter
   * @param maxBackoff cap on every wait, including one a server asks for with {@code Retry-After},
   *     so that a misbehaving server cannot stall a run
   * @param maxConcurrency requests in flight at once, over all calls of one endpoint instance
   */
  public record Limits(
      Duration connectTimeout,
      Duration requestTimeout,
      int maxAttempts,
      Duration initialBackoff,
      Duration maxBackoff,
      int maxConcurrency) {

    public Limits {
      requirePositive(connectTimeout, "connectTimeout");
      requirePositive(requestTimeout, "requestTimeout");
      requirePositive(initialBackoff, "initialBackoff");
      requirePositive(maxBackoff, "maxBackoff");
      if (maxAttempts < 1) {
        throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
      }
      if (maxConcurrency < 1) {
        throw new IllegalArgumentException("maxConcurrency must be at least 1: " + maxConcurrency);
      }
    }

    private static void requirePositive(Duration duration, String name) {
      if (duration == null || duration.isZero() || duration.isNegative()) {
        throw new IllegalArgumentException(name + " must be a positive duration: " + duration);
      }
    }
  }

  /** What differs between the endpoints: how they are named, advised on and failed. */
  public interface Failures {

    /** Names the endpoint in messages, e.g. {@code "judge endpoint"}. */
    String label();

    /** Advice appended to the message of a status that is not retried, or the empty string. */
    String hint(int status);

    /** The exception a failed call throws. */
    RuntimeException failure(String message, Integer httpStatus, Throwable cause);
  }

  private final URI endpoint;
  private final Limits limits;
  private final Map<String, String> headers;
  private final Failures failures;
  private final HttpClient http;
  private final Semaphore inFlight;
  private final Sleeper sleeper;
  private final Random jitter;

  /**
   * @param headers sent with every request (an {@code Authorization} header among them); never
   *     logged or put in a message
   */
  public RetryingEndpoint(
      URI endpoint,
      Limits limits,
      Map<String, String> headers,
      Failures failures,
      Sleeper sleeper,
      Random jitter) {
    this.endpoint = endpoint;
    this.limits = limits;
    this.headers = Map.copyOf(headers);
    this.failures = failures;
    // HTTP/1.1: over plain http the JDK would otherwise offer an h2c upgrade that some inference
    // servers mishandle.
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(limits.connectTimeout())
            .build();
    this.inFlight = new Semaphore(limits.maxConcurrency(), true);
    this.sleeper = sleeper;
    this.jitter = jitter;
  }

  /** {@code base} without trailing slashes, then {@code path}. */
  public static URI resolve(URI base, String path) {
    return URI.create(base.toString().replaceAll("/+$", "") + path);
  }

  public URI uri() {
    return endpoint;
  }

  /** The body of the first successful (2xx) answer to {@code body}, sent as {@code contentType}. */
  public String post(String contentType, byte[] body) {
    HttpRequest request = request(contentType, body);
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
          throw failures.failure(
              failures.label() + " " + endpoint + " " + problem + failures.hint(status),
              status,
              null);
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
      if (attempt >= limits.maxAttempts()) {
        throw failures.failure(
            "%s %s failed %d attempt(s); the last %s"
                .formatted(failures.label(), endpoint, attempt, failure),
            failedStatus,
            error);
      }
      pause(min(wait, limits.maxBackoff()));
    }
  }

  private HttpRequest request(String contentType, byte[] body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(endpoint)
            .timeout(limits.requestTimeout())
            .header("Content-Type", contentType)
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    headers.forEach(request::header);
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

  private RuntimeException interrupted(InterruptedException e) {
    Thread.currentThread().interrupt();
    return failures.failure(
        "interrupted while calling " + failures.label() + " " + endpoint, null, e);
  }

  private static boolean isRetryable(int status) {
    return status == 408 || status == 429 || status >= 500;
  }

  /** Equal jitter: half the exponential delay, plus up to as much again at random. */
  private Duration backoff(int attempt) {
    Duration exponential = limits.initialBackoff().multipliedBy(1L << Math.min(attempt - 1, 30));
    long ceiling = min(exponential, limits.maxBackoff()).toNanos();
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
    return headers.firstValue("Retry-After").flatMap(RetryingEndpoint::parseRetryAfter);
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
      return "could not connect within " + limits.connectTimeout().toMillis() + " ms";
    }
    if (e instanceof HttpTimeoutException) {
      return "did not answer within " + limits.requestTimeout().toMillis() + " ms";
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
}
