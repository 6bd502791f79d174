package dev.earshot.evaluation.rest;

import dev.earshot.judge.llm.FakeChatServer;
import dev.earshot.judge.llm.FakeChatServer.Received;
import dev.earshot.judge.llm.FakeChatServer.Reply;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A fake audio judge model on 127.0.0.1 for the llm judges: rates every response 4/5; on content it
 * prefers the same response in both orders, on every other dimension it always prefers whichever
 * answer it hears first (a position conflict).
 */
public class FakeJudgeModel implements QuarkusTestResourceLifecycleManager {

  static final String MODEL = "fake-audio-judge";
  static final String RATIONALE = "fake rationale: clear and on topic";

  private static volatile FakeChatServer server;

  static FakeChatServer server() {
    return server;
  }

  @Override
  public Map<String, String> start() {
    try {
      server = FakeChatServer.start((number, request) -> reply(request));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Map.of(
        "earshot.judges.llm.base-url",
        server.baseUrl().toString(),
        "earshot.judges.llm.model",
        MODEL);
  }

  @Override
  public void stop() {
    server.close();
  }

  private static Reply reply(Received request) {
    String body = request.body().toString();
    if (!body.contains("Which answer is better on ")) {
      return Reply.answer("{\"score\": 4, \"rationale\": \"" + RATIONALE + "\"}");
    }
    String winner = "A";
    if (body.contains("Which answer is better on content?")) {
      List<byte[]> audio = request.audioParts();
      byte[] first = audio.get(audio.size() - 2);
      byte[] second = audio.get(audio.size() - 1);
      winner = Arrays.compare(first, second) < 0 ? "A" : "B";
    }
    return Reply.answer("{\"winner\": \"" + winner + "\", \"rationale\": \"fake comparison\"}");
  }
}
