package dev.earshot.judge.service;

import dev.earshot.judge.llm.JudgeCache;
import dev.earshot.judge.transcription.TranscriptionClient;
import dev.earshot.judge.transcription.TranscriptionSettings;
import dev.earshot.platform.config.EarshotConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * The speech recogniser behind every {@code transcription} judge of this instance ({@code
 * earshot.transcription.*}): one client, so that all of them share its concurrency limit, and its
 * transcripts are kept in the judge cache (table {@code llm_judge_cache}, keyed by a hash of the
 * audio and the model).
 */
@ApplicationScoped
public class TranscriptionJudges {

  static final String NOT_CONFIGURED =
      "not configured: set earshot.transcription.url ("
          + TranscriptionSettings.URL_VARIABLE
          + ") to an OpenAI-compatible API root, e.g. http://127.0.0.1:8178/v1";

  private final EarshotConfig.Transcription config;
  private final JudgeCache cache;
  private volatile TranscriptionClient client;

  public TranscriptionJudges(EarshotConfig config, JudgeCache cache) {
    this.config = config.transcription();
    this.cache = cache;
  }

  /** The configured model's name; empty when no URL is configured. */
  public Optional<String> model() {
    return config.url().isPresent() && !config.model().isBlank()
        ? Optional.of(config.model())
        : Optional.empty();
  }

  /** The shared client, built on first use. */
  TranscriptionClient client() {
    TranscriptionClient built = client;
    if (built == null) {
      synchronized (this) {
        if (client == null) {
          client = new TranscriptionClient(settings(), cache);
        }
        built = client;
      }
    }
    return built;
  }

  private TranscriptionSettings settings() {
    String model = model().orElseThrow(() -> new IllegalStateException(NOT_CONFIGURED));
    return new TranscriptionSettings(
        config.url().orElseThrow(),
        model,
        config.apiKey().orElse(null),
        TranscriptionSettings.limits(
            config.requestTimeout(), config.maxAttempts(), config.maxConcurrency()));
  }
}
