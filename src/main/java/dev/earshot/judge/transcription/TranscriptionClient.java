package dev.earshot.judge.transcription;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.earshot.judge.llm.JudgeCache;
import dev.earshot.judge.llm.RetryingEndpoint;
import dev.earshot.judge.llm.Sleeper;
import dev.earshot.judge.llm.WavHeader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;

/**
 * Transcribes WAV audio with an OpenAI-compatible {@code POST <baseUrl>/audio/transcriptions}:
 * multipart/form-data with the parts {@code model}, {@code response_format=json}, {@code
 * temperature=0} and {@code file} (the WAV), answered by JSON {@code {"text": ...}}. Transcripts
 * are cached by (SHA-256 of the audio, model), so judging the same audio again costs no request.
 * Safe for concurrent use; all calls of one instance share its concurrency limit.
 */
public final class TranscriptionClient {

  /**
   * Part of every cache key. Change it whenever the request or the reading of answers changes, so
   * that transcripts made the old way are not reused.
   */
  public static final String VERSION = "transcription/1";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_QUOTED_ANSWER_CHARS = 200;

  private final TranscriptionSettings settings;
  private final JudgeCache cache;
  private final RetryingEndpoint endpoint;

  public TranscriptionClient(TranscriptionSettings settings, JudgeCache cache) {
    this(settings, cache, Sleeper.THREAD, new Random());
  }

  TranscriptionClient(
      TranscriptionSettings settings, JudgeCache cache, Sleeper sleeper, Random jitter) {
    this.settings = settings;
    this.cache = cache;
    this.endpoint =
        new RetryingEndpoint(
            RetryingEndpoint.resolve(settings.baseUrl(), "/audio/transcriptions"),
            settings.limits(),
            settings.apiKey() == null || settings.apiKey().isBlank()
                ? Map.of()
                : Map.of("Authorization", "Bearer " + settings.apiKey()),
            new EndpointFailures(),
            sleeper,
            jitter);
  }

  public String model() {
    return settings.model();
  }

  /**
   * What {@code wav} says, from the cache when this audio was transcribed with this model before.
   *
   * @throws IllegalArgumentException when {@code wav} is not a WAV file
   * @throws TranscriptionException when the endpoint fails for good or answers without a transcript
   */
  public String transcribe(byte[] wav) {
    WavHeader.require(wav, "audio to transcribe");
    String key = cacheKey(wav);
    Optional<String> cached = cache.get(key);
    if (cached.isPresent()) {
      return cached.get();
    }
    String boundary = "earshot-" + UUID.randomUUID();
    String answer =
        endpoint.post("multipart/form-data; boundary=" + boundary, multipart(boundary, wav));
    String transcript = text(answer);
    cache.put(key, transcript);
    return transcript;
  }

  private byte[] multipart(String boundary, byte[] wav) {
    ByteArrayOutputStream body = new ByteArrayOutputStream(wav.length + 1024);
    field(body, boundary, "model", settings.model());
    field(body, boundary, "response_format", "json");
    field(body, boundary, "temperature", "0");
    write(
        body,
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"response.wav\""
            + "\r\nContent-Type: audio/wav\r\n\r\n");
    body.writeBytes(wav);
    write(body, "\r\n--" + boundary + "--\r\n");
    return body.toByteArray();
  }

  private static void field(
      ByteArrayOutputStream body, String boundary, String name, String value) {
    write(
        body,
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\""
            + name
            + "\"\r\n\r\n"
            + value
            + "\r\n");
  }

  private static void write(ByteArrayOutputStream body, String text) {
    body.writeBytes(text.getBytes(StandardCharsets.UTF_8));
  }

  /** The {@code text} of the answer, stripped of the blanks recognisers put around it. */
  private String text(String answer) {
    try {
      JsonNode text = JSON.readTree(answer).path("text");
      if (text.isTextual()) {
        return text.asText().strip();
      }
    } catch (IOException e) {
      // Reported below, with the answer.
    }
    throw new TranscriptionException(
        "transcription endpoint %s answered without a transcript: expected JSON {\"text\": ...}"
                .formatted(endpoint.uri())
            + " (does the server speak the OpenAI transcription API?), got "
            + quote(answer),
        null,
        null);
  }

  /** The version, the model and the audio's hash. */
  private String cacheKey(byte[] wav) {
    return sha256(
        (VERSION + "\n" + settings.model() + "\n" + sha256(wav)).getBytes(StandardCharsets.UTF_8));
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM provides SHA-256", e);
    }
  }

  private static String quote(String answer) {
    if (answer == null || answer.isBlank()) {
      return "an empty body";
    }
    String line = answer.strip();
    return line.length() <= MAX_QUOTED_ANSWER_CHARS
        ? "\"" + line + "\""
        : "\"" + line.substring(0, MAX_QUOTED_ANSWER_CHARS) + "…\"";
  }

  /** How the transcription endpoint's failures read: the settings to check, by status. */
  private static final class EndpointFailures implements RetryingEndpoint.Failures {

    @Override
    public String label() {
      return "transcription endpoint";
    }

    @Override
    public String hint(int status) {
      return switch (status) {
        case 401, 403 ->
            " — check the API key (set " + TranscriptionSettings.API_KEY_VARIABLE + ")";
        case 404 ->
            " — check the URL ("
                + TranscriptionSettings.URL_VARIABLE
                + ", the API root that /audio/transcriptions is appended to) and the model name ("
                + TranscriptionSettings.MODEL_VARIABLE
                + ")";
        default -> "";
      };
    }

    @Override
    public RuntimeException failure(String message, Integer httpStatus, Throwable cause) {
      return new TranscriptionException(message, httpStatus, cause);
    }
  }
}
