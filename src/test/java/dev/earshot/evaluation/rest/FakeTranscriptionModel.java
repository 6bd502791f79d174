package dev.earshot.evaluation.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.earshot.judge.transcription.FakeTranscriptionServer;
import dev.earshot.judge.transcription.FakeTranscriptionServer.Reply;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * A fake speech recogniser on 127.0.0.1 for the transcription judges. It "hears" in every demo
 * response (found by the SHA-256 of its WAV file) the text the {@code reference} system gave to the
 * same prompt: so the reference system's speech matches its text channel, and the {@code
 * wrongfacts} system sounds right although its text channel is wrong. Requests without the
 * configured bearer key get 401.
 */
public class FakeTranscriptionModel implements QuarkusTestResourceLifecycleManager {

  static final String MODEL = "fake-whisper";
  static final String API_KEY = "sk-transcribe-test";

  private static final Path DEMO = Path.of("datasets/demo");
  private static volatile FakeTranscriptionServer server;

  static FakeTranscriptionServer server() {
    return server;
  }

  @Override
  public Map<String, String> start() {
    Map<String, String> heard = heardByAudioHash();
    try {
      server =
          FakeTranscriptionServer.start(
              (number, request) -> {
                if (!("Bearer " + API_KEY).equals(request.headers().getFirst("Authorization"))) {
                  return Reply.error(401, "missing or wrong API key");
                }
                if (!MODEL.equals(request.field("model"))) {
                  return Reply.error(404, "no model " + request.field("model"));
                }
                return Reply.text(heard.getOrDefault(sha256(request.audio()), ""));
              });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Map.of(
        "earshot.transcription.url",
        server.baseUrl().toString(),
        "earshot.transcription.model",
        MODEL,
        "earshot.transcription.api-key",
        API_KEY);
  }

  @Override
  public void stop() {
    server.close();
  }

  private static Map<String, String> heardByAudioHash() {
    try {
      ObjectMapper json = new ObjectMapper();
      List<JsonNode> responses =
          Files.readAllLines(DEMO.resolve("responses.jsonl")).stream()
              .filter(line -> !line.isBlank())
              .map(
                  line -> {
                    try {
                      return json.readTree(line);
                    } catch (IOException e) {
                      throw new UncheckedIOException(e);
                    }
                  })
              .toList();
      Map<String, String> referenceText = new HashMap<>();
      responses.stream()
          .filter(r -> r.path("system").asText().equals("reference"))
          .forEach(r -> referenceText.put(r.path("prompt").asText(), r.path("text").asText()));
      Map<String, String> heard = new HashMap<>();
      for (JsonNode response : responses) {
        byte[] wav = Files.readAllBytes(DEMO.resolve(response.path("audio").asText()));
        String said = referenceText.get(response.path("prompt").asText());
        // A file the reference system also answers with (wrongfacts names the wrong sound with
        // another prompt's answer) says what the reference system wrote with it.
        if (response.path("system").asText().equals("reference")) {
          heard.put(sha256(wav), said);
        } else {
          heard.putIfAbsent(sha256(wav), said);
        }
      }
      return heard;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
