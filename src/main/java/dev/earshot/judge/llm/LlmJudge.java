package dev.earshot.judge.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;

/**
 * Judges spoken responses with an audio-capable model behind an OpenAI-compatible chat-completions
 * endpoint. Safe for concurrent use; all calls of one instance share its concurrency limit and
 * cache.
 */
public final class LlmJudge {

  /**
   * Part of every cache key. Change it whenever the prompts or the reading of answers change, so
   * that answers to the old prompts are not reused.
   */
  public static final String VERSION = "llm-judge/1";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_QUOTED_ANSWER_CHARS = 200;

  private static final Function<byte[], String> BASE64 = Base64.getEncoder()::encodeToString;
  private static final Function<byte[], String> AUDIO_HASH = audio -> "sha256:" + sha256(audio);

  private final LlmJudgeSettings settings;
  private final JudgeCache cache;
  private final RetryingEndpoint client;

  public LlmJudge(LlmJudgeSettings settings, JudgeCache cache) {
    this(settings, cache, Sleeper.THREAD, new Random());
  }

  LlmJudge(LlmJudgeSettings settings, JudgeCache cache, Sleeper sleeper, Random jitter) {
    this.settings = settings;
    this.cache = cache;
    this.client =
        new RetryingEndpoint(
            RetryingEndpoint.resolve(settings.baseUrl(), "/chat/completions"),
            settings.limits(),
            headers(settings),
            new EndpointFailures(settings.jsonMode()),
            sleeper,
            jitter);
  }

  /** Rates {@code response} to {@code prompt} on the rubric's dimension, 1 to 5. */
  public PointwiseScore scorePointwise(
      SpokenPrompt prompt, SpokenResponse response, Rubric rubric) {
    return ask(
        audio -> JudgePrompts.pointwise(prompt, response, rubric, audio), AnswerFormat.SCORE);
  }

  /**
   * Compares two responses to the same prompt, asking once with A first and once with B first; when
   * the two answers disagree the verdict is a tie, flagged as a position conflict.
   */
  public PairwiseJudgement comparePairwise(
      SpokenPrompt prompt, SpokenResponse a, SpokenResponse b, Rubric rubric) {
    PairwiseAnswer forward =
        ask(audio -> JudgePrompts.pairwise(prompt, a, b, rubric, audio), AnswerFormat.PREFERENCE);
    PairwiseAnswer swapped =
        ask(audio -> JudgePrompts.pairwise(prompt, b, a, rubric, audio), AnswerFormat.PREFERENCE);
    return PairwiseJudgement.of(forward, swapped);
  }

  /**
   * Answers from the cache when it can; otherwise asks the model until it gives a usable answer,
   * telling it what was wrong with each unusable one.
   */
  private <T> T ask(
      Function<Function<byte[], String>, ArrayNode> messages, AnswerFormat<T> format) {
    String key = cacheKey(messages.apply(AUDIO_HASH));
    Optional<T> cached = cache.get(key).flatMap(answer -> readIfUsable(answer, format));
    if (cached.isPresent()) {
      return cached.get();
    }
    ArrayNode conversation = messages.apply(BASE64);
    String problem = null;
    String lastAnswer = null;
    for (int attempt = 1; attempt <= settings.maxAttempts(); attempt++) {
      String responseBody = client.post("application/json", toJson(requestBody(conversation)));
      try {
        lastAnswer = JudgeAnswers.messageContent(responseBody);
      } catch (InvalidAnswerException e) {
        problem = e.getMessage();
        continue;
      }
      try {
        T result = JudgeAnswers.read(lastAnswer, format);
        cache.put(key, lastAnswer);
        return result;
      } catch (InvalidAnswerException e) {
        problem = e.getMessage();
        JudgePrompts.addCorrection(conversation, lastAnswer, problem, format);
      }
    }
    throw new LlmJudgeException(
        "judge model '%s' at %s gave no usable answer in %d attempt(s): %s; the last answer was %s"
            .formatted(
                settings.model(),
                client.uri(),
                settings.maxAttempts(),
                problem,
                quote(lastAnswer)));
  }

  private static Map<String, String> headers(LlmJudgeSettings settings) {
    Map<String, String> headers = new LinkedHashMap<>(settings.extraHeaders());
    if (settings.apiKey() != null && !settings.apiKey().isBlank()) {
      headers.put("Authorization", "Bearer " + settings.apiKey());
    }
    return headers;
  }

  /** How the chat-completions endpoint's failures read: the settings to check, by status. */
  private record EndpointFailures(boolean jsonMode) implements RetryingEndpoint.Failures {

    @Override
    public String label() {
      return "judge endpoint";
    }

    @Override
    public String hint(int status) {
      return switch (status) {
        case 401, 403 -> " — check the API key (set " + LlmJudgeSettings.API_KEY_VARIABLE + ")";
        case 404 ->
            " — check the base URL ("
                + LlmJudgeSettings.BASE_URL_VARIABLE
                + ") and the model name ("
                + LlmJudgeSettings.MODEL_VARIABLE
                + ")";
        case 400 ->
            jsonMode ? " — if the server does not support response_format, turn JSON mode off" : "";
        default -> "";
      };
    }

    @Override
    public RuntimeException failure(String message, Integer httpStatus, Throwable cause) {
      return new LlmJudgeException(message, httpStatus, cause);
    }
  }

  private static <T> Optional<T> readIfUsable(String answer, AnswerFormat<T> format) {
    try {
      return Optional.of(JudgeAnswers.read(answer, format));
    } catch (InvalidAnswerException e) {
      return Optional.empty();
    }
  }

  private ObjectNode requestBody(ArrayNode messages) {
    ObjectNode body = JSON.createObjectNode();
    body.put("model", settings.model());
    body.set("messages", messages);
    body.put("temperature", settings.temperature());
    if (settings.seed() != null) {
      body.put("seed", settings.seed());
    }
    if (settings.jsonMode()) {
      body.putObject("response_format").put("type", "json_object");
    }
    return body;
  }

  /** The judge version and the whole request with each audio file replaced by its hash. */
  private String cacheKey(ArrayNode messagesWithAudioHashes) {
    return sha256(
        (VERSION + "\n").getBytes(StandardCharsets.UTF_8),
        toJson(requestBody(messagesWithAudioHashes)));
  }

  private static byte[] toJson(ObjectNode node) {
    try {
      return JSON.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always serialises", e);
    }
  }

  private static String sha256(byte[]... parts) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (byte[] part : parts) {
        digest.update(part);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM provides SHA-256", e);
    }
  }

  private static String quote(String answer) {
    if (answer == null) {
      return "missing";
    }
    return answer.length() <= MAX_QUOTED_ANSWER_CHARS
        ? "\"" + answer + "\""
        : "\"" + answer.substring(0, MAX_QUOTED_ANSWER_CHARS) + "…\"";
  }
}
