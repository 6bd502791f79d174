package dev.earshot.evaluation.service;

import dev.earshot.judge.llm.FakeChatServer;
import dev.earshot.judge.llm.FakeChatServer.Reply;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fake audio judge model on 127.0.0.1 for the llm judges whose next requests each test can make
 * slow: it rates every response 4/5 and prefers answer A, after holding each slow request for the
 * set delay.
 */
public class SlowJudgeModel implements QuarkusTestResourceLifecycleManager {

  static final String MODEL = "slow-fake-judge";

  private static final AtomicInteger SLOW_REQUESTS_LEFT = new AtomicInteger();
  private static volatile Duration delay = Duration.ZERO;
  private static volatile FakeChatServer server;

  static FakeChatServer server() {
    return server;
  }

  /**
   * Holds each of the next {@code requests} requests for {@code each}; later ones answer at once.
   */
  static void slowDown(int requests, Duration each) {
    delay = each;
    SLOW_REQUESTS_LEFT.set(requests);
  }

  @Override
  public Map<String, String> start() {
    try {
      server = FakeChatServer.start((number, request) -> reply(request.body().toString()));
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

  private static Reply reply(String body) throws InterruptedException {
    if (SLOW_REQUESTS_LEFT.getAndDecrement() > 0) {
      Thread.sleep(delay.toMillis());
    }
    return body.contains("Which answer is better on ")
        ? Reply.answer("{\"winner\": \"A\", \"rationale\": \"slow comparison\"}")
        : Reply.answer("{\"score\": 4, \"rationale\": \"slow rating\"}");
  }
}
