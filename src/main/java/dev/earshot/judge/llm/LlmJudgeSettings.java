package dev.earshot.judge.llm;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How to reach and drive one judge model.
 *
 * @param baseUrl the API root that {@code /chat/completions} is appended to, e.g. {@code
 *     https://api.openai.com/v1} or {@code http://localhost:8000/v1}
 * @param apiKey sent as a bearer token; null for local servers that need none. Never logged: {@link
 *     #toString()} masks it
 * @param connectTimeout limit for opening a connection
 * @param requestTimeout limit for one request, from sending to the complete answer
 * @param maxAttempts attempts per call for transport failures (429, 5xx, timeouts, I/O errors) and,
 *     counted separately, for answers that are not valid JSON in range
 * @param initialBackoff wait before the second attempt; doubles with each further attempt, with
 *     jitter
 * @param maxBackoff cap on every wait, including one a server asks for with {@code Retry-After}, so
 *     that a misbehaving server cannot stall a run
 * @param maxConcurrency requests in flight at once, over all calls of one {@link LlmJudge}
 * @param jsonMode whether to send {@code response_format: {"type": "json_object"}}; not every
 *     server supports it
 * @param seed sent when not null, for servers that sample reproducibly with it
 * @param extraHeaders sent with every request (e.g. an organisation or project header)
 */
public record LlmJudgeSettings(
    URI baseUrl,
    String model,
    String apiKey,
    Duration connectTimeout,
    Duration requestTimeout,
    int maxAttempts,
    Duration initialBackoff,
    Duration maxBackoff,
    int maxConcurrency,
    double temperature,
    boolean jsonMode,
    Integer seed,
    Map<String, String> extraHeaders) {

  /** Environment variables that error messages point a person to. */
  public static final String BASE_URL_VARIABLE = "EARSHOT_JUDGES_LLM_BASE_URL";

  public static final String MODEL_VARIABLE = "EARSHOT_JUDGES_LLM_MODEL";
  public static final String API_KEY_VARIABLE = "EARSHOT_JUDGES_LLM_API_KEY";

  public LlmJudgeSettings {
    Objects.requireNonNull(baseUrl, "baseUrl");
    if (!"http".equals(baseUrl.getScheme()) && !"https".equals(baseUrl.getScheme())) {
      throw new IllegalArgumentException("judge base URL must be http or https: " + baseUrl);
    }
    if (model == null || model.isBlank()) {
      throw new IllegalArgumentException("judge model must be named (" + MODEL_VARIABLE + ")");
    }
    new RetryingEndpoint.Limits(
        connectTimeout, requestTimeout, maxAttempts, initialBackoff, maxBackoff, maxConcurrency);
    if (!(temperature >= 0 && temperature <= 2)) {
      throw new IllegalArgumentException("temperature must lie in 0..2: " + temperature);
    }
    extraHeaders = Map.copyOf(extraHeaders);
  }

  /** The limits on calling the endpoint, checked when the settings are made. */
  public RetryingEndpoint.Limits limits() {
    return new RetryingEndpoint.Limits(
        connectTimeout, requestTimeout, maxAttempts, initialBackoff, maxBackoff, maxConcurrency);
  }

  /** Settings with deterministic defaults: temperature 0, no JSON mode, no seed. */
  public static Builder builder(URI baseUrl, String model) {
    return new Builder(baseUrl, model);
  }

  @Override
  public String toString() {
    return "LlmJudgeSettings[baseUrl=%s, model=%s, apiKey=%s, connectTimeout=%s, requestTimeout=%s,"
            .formatted(
                baseUrl, model, apiKey == null ? "none" : "***", connectTimeout, requestTimeout)
        + " maxAttempts=%d, initialBackoff=%s, maxBackoff=%s, maxConcurrency=%d, temperature=%s,"
            .formatted(maxAttempts, initialBackoff, maxBackoff, maxConcurrency, temperature)
        + " jsonMode=%s, seed=%s, extraHeaders=%s]"
            .formatted(jsonMode, seed, extraHeaders.keySet());
  }

  /** Fills in {@link LlmJudgeSettings}; every setting but URL and model has a default. */
  public static final class Builder {
    private final URI baseUrl;
    private final String model;
    private String apiKey;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration requestTimeout = Duration.ofSeconds(120);
    private int maxAttempts = 4;
    private Duration initialBackoff = Duration.ofMillis(500);
    private Duration maxBackoff = Duration.ofSeconds(30);
    private int maxConcurrency = 4;
    private double temperature = 0;
    private boolean jsonMode;
    private Integer seed;
    private Map<String, String> extraHeaders = Map.of();

    private Builder(URI baseUrl, String model) {
      this.baseUrl = baseUrl;
      this.model = model;
    }

    public Builder apiKey(String apiKey) {
      this.apiKey = apiKey;
      return this;
    }

    public Builder connectTimeout(Duration connectTimeout) {
      this.connectTimeout = connectTimeout;
      return this;
    }

    public Builder requestTimeout(Duration requestTimeout) {
      this.requestTimeout = requestTimeout;
      return this;
    }

    public Builder maxAttempts(int maxAttempts) {
      this.maxAttempts = maxAttempts;
      return this;
    }

    public Builder initialBackoff(Duration initialBackoff) {
      this.initialBackoff = initialBackoff;
      return this;
    }

    public Builder maxBackoff(Duration maxBackoff) {
      this.maxBackoff = maxBackoff;
      return this;
    }

    public Builder maxConcurrency(int maxConcurrency) {
      this.maxConcurrency = maxConcurrency;
      return this;
    }

    public Builder temperature(double temperature) {
      this.temperature = temperature;
      return this;
    }

    public Builder jsonMode(boolean jsonMode) {
      this.jsonMode = jsonMode;
      return this;
    }

    public Builder seed(Integer seed) {
      this.seed = seed;
      return this;
    }

    public Builder extraHeaders(Map<String, String> extraHeaders) {
      this.extraHeaders = extraHeaders;
      return this;
    }

    public LlmJudgeSettings build() {
      return new LlmJudgeSettings(
          baseUrl,
          model,
          apiKey,
          connectTimeout,
          requestTimeout,
          maxAttempts,
          initialBackoff,
          maxBackoff,
          maxConcurrency,
          temperature,
          jsonMode,
          seed,
          extraHeaders);
    }
  }
}
