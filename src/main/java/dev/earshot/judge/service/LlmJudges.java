package dev.earshot.judge.service;

import dev.earshot.judge.llm.JudgeCache;
import dev.earshot.judge.llm.LlmJudge;
import dev.earshot.judge.llm.LlmJudgeSettings;
import dev.earshot.platform.config.EarshotConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * The language model behind every {@code llm} judge of this instance ({@code
 * earshot.judges.llm.*}): one client, so that all llm judges share its concurrency limit and the
 * database cache.
 */
@ApplicationScoped
public class LlmJudges {

  static final String NOT_CONFIGURED =
      "not configured: set earshot.judges.llm.base-url and earshot.judges.llm.model ("
          + LlmJudgeSettings.BASE_URL_VARIABLE
          + ", "
          + LlmJudgeSettings.MODEL_VARIABLE
          + ")";

  private final EarshotConfig.Judges.Llm config;
  private final JudgeCache cache;
  private volatile LlmJudge client;

  public LlmJudges(EarshotConfig config, JudgeCache cache) {
    this.config = config.judges().llm();
    this.cache = cache;
  }

  /** The configured model's name; empty when the endpoint or the model is not configured. */
  public Optional<String> model() {
    return config.baseUrl().isPresent()
        ? config.model().filter(m -> !m.isBlank())
        : Optional.empty();
  }

  /** The shared client, built on first use. */
  LlmJudge client() {
    LlmJudge built = client;
    if (built == null) {
      synchronized (this) {
        if (client == null) {
          client = new LlmJudge(settings(), cache);
        }
        built = client;
      }
    }
    return built;
  }

  private LlmJudgeSettings settings() {
    String model = model().orElseThrow(() -> new IllegalStateException(NOT_CONFIGURED));
    return LlmJudgeSettings.builder(config.baseUrl().orElseThrow(), model)
        .apiKey(config.apiKey().orElse(null))
        .requestTimeout(config.requestTimeout())
        .maxConcurrency(config.maxConcurrency())
        .maxAttempts(config.maxAttempts())
        .jsonMode(config.jsonMode())
        .build();
  }
}
