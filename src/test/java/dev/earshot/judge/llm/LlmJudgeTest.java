package dev.earshot.judge.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.earshot.judge.llm.FakeChatServer.Received;
import dev.earshot.judge.llm.FakeChatServer.Reply;
import dev.earshot.testing.TestAudio;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LlmJudgeTest {

  private static final byte[] PROMPT_WAV = TestAudio.toneWav(220, 0.05, 16000);
  private static final byte[] RESPONSE_WAV = TestAudio.toneWav(440, 0.05, 16000);
  private static final byte[] OTHER_RESPONSE_WAV = TestAudio.toneWav(660, 0.05, 16000);
  private static final Rubric NATURALNESS =
      new Rubric("naturalness", "Sounds like a fluent human speaker, with fitting prosody.");
  private static final String GOOD_SCORE =
      "{\"score\": 4, \"rationale\": \"Fluent, slightly flat.\"}";

  /** Back-off waits the judge asked for; nothing really sleeps. */
  private final List<Duration> sleeps = Collections.synchronizedList(new ArrayList<>());

  private final InMemoryJudgeCache cache = new InMemoryJudgeCache();

  private static LlmJudgeSettings.Builder settings(FakeChatServer server) {
    return LlmJudgeSettings.builder(server.baseUrl(), "judge-model")
        .apiKey("sk-test")
        .connectTimeout(Duration.ofSeconds(2))
        .requestTimeout(Duration.ofSeconds(5))
        .maxAttempts(3)
        .initialBackoff(Duration.ofMillis(100))
        .maxBackoff(Duration.ofSeconds(5));
  }

  private LlmJudge judge(LlmJudgeSettings.Builder settings) {
    return new LlmJudge(settings.build(), cache, sleeps::add, new Random(7));
  }

  private static SpokenPrompt spokenPrompt() {
    return new SpokenPrompt("What is the capital of France?", PROMPT_WAV);
  }

  private static SpokenResponse response() {
    return new SpokenResponse(RESPONSE_WAV, "The capital of France is Paris.");
  }

  @Test
  void shouldRejectAudioThatIsNotWav() {
    assertThatThrownBy(() -> SpokenResponse.audio("ID3 not a wav file".getBytes()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a WAV file");
  }

  @Test
  void shouldSendModelTextAndBase64WavAudioAtTemperatureZero() throws Exception {
    try (FakeChatServer server = FakeChatServer.replying(Reply.answer(GOOD_SCORE))) {
      PointwiseScore score =
          judge(settings(server)).scorePointwise(spokenPrompt(), response(), NATURALNESS);

      assertThat(score.score()).isEqualTo(4);
      assertThat(score.rationale()).isEqualTo("Fluent, slightly flat.");
      assertThat(score.normalized()).isEqualTo(0.75);

      Received request = server.request(1);
      assertThat(request.headers().getFirst("Authorization")).isEqualTo("Bearer sk-test");
      assertThat(request.headers().getFirst("Content-Type")).isEqualTo("application/json");
      JsonNode body = request.body();
      assertThat(body.path("model").asText()).isEqualTo("judge-model");
      assertThat(body.path("temperature").isNumber()).isTrue();
      assertThat(body.path("temperature").asDouble()).isZero();
      assertThat(body.has("response_format")).isFalse();
      assertThat(body.has("seed")).isFalse();
      assertThat(body.path("messages")).hasSize(2);
      assertThat(body.path("messages").path(0).path("role").asText()).isEqualTo("system");
      assertThat(body.path("messages").path(0).path("content").asText()).contains("\"score\"");
      JsonNode user = body.path("messages").path(1);
      assertThat(user.path("role").asText()).isEqualTo("user");

      List<String> types = new ArrayList<>();
      StringBuilder text = new StringBuilder();
      for (JsonNode part : user.path("content")) {
        types.add(part.path("type").asText());
        if (part.has("input_audio")) {
          assertThat(part.path("input_audio").path("format").asText()).isEqualTo("wav");
        } else {
          text.append(part.path("text").asText()).append('\n');
        }
      }
      assertThat(types).containsOnly("text", "input_audio");
      assertThat(request.audioParts()).containsExactly(PROMPT_WAV, RESPONSE_WAV);
      assertThat(text.toString())
          .contains("naturalness")
          .contains(NATURALNESS.expectations())
          .contains("What is the capital of France?")
          .contains("The capital of France is Paris.");
    }
  }

  @Test
  void shouldSendJsonModeSeedAndExtraHeadersWhenConfiguredAndNoKeyWhenNoneIsSet() throws Exception {
    try (FakeChatServer server = FakeChatServer.replying(Reply.answer(GOOD_SCORE))) {
      judge(
              settings(server)
                  .apiKey(null)
                  .jsonMode(true)
                  .seed(42)
                  .extraHeaders(Map.of("X-Project", "earshot")))
          .scorePointwise(
              SpokenPrompt.text("Say hello."), SpokenResponse.audio(RESPONSE_WAV), NATURALNESS);

      Received request = server.request(1);
      assertThat(request.body().path("response_format").path("type").asText())
          .isEqualTo("json_object");
      assertThat(request.body().path("seed").asInt()).isEqualTo(42);
      assertThat(request.headers().getFirst("X-Project")).isEqualTo("earshot");
      assertThat(request.headers().containsKey("Authorization")).isFalse();
      assertThat(request.audioParts()).containsExactly(RESPONSE_WAV);
    }
  }

  @Test
  void shouldReadScoreFromFencedJsonSurroundedByProse() throws Exception {
    String fenced =
        "Here is my rating:\n```json\n{\"score\": 2, \"rationale\": \"Robotic.\"}\n```\nDone.";
    try (FakeChatServer server = FakeChatServer.replying(Reply.answer(fenced))) {
      PointwiseScore score =
          judge(settings(server)).scorePointwise(spokenPrompt(), response(), NATURALNESS);

      assertThat(score).isEqualTo(new PointwiseScore(2, "Robotic."));
      assertThat(score.normalized()).isEqualTo(0.25);
    }
  }

  @Test
  void shouldAskAgainSayingWhyWhenScoreIsOutOfRange() throws Exception {
    String outOfRange = "{\"score\": 7, \"rationale\": \"Superb.\"}";
    try (FakeChatServer server =
        FakeChatServer.replying(Reply.answer(outOfRange), Reply.answer(GOOD_SCORE))) {
      PointwiseScore score =
          judge(settings(server)).scorePointwise(spokenPrompt(), response(), NATURALNESS);

      assertThat(score.score()).isEqualTo(4);
      assertThat(server.requestCount()).isEqualTo(2);
      JsonNode retried = server.request(2).body().path("messages");
      assertThat(retried).hasSize(4);
      assertThat(retried.path(2).path("role").asText()).isEqualTo("assistant");
      assertThat(retried.path(2).path("content").asText()).isEqualTo(outOfRange);
      assertThat(retried.path(3).path("role").asText()).isEqualTo("user");
      assertThat(retried.path(3).path("content").asText()).contains("outside 1..5");
    }
  }

  @Test
  void shouldFailWithTheProblemWhenAnswersStayUnusable() throws Exception {
    Reply prose = Reply.answer("It sounds quite natural to me.");
    try (FakeChatServer server = FakeChatServer.replying(prose, prose, prose)) {
      LlmJudge judge = judge(settings(server));

      assertThatThrownBy(() -> judge.scorePointwise(spokenPrompt(), response(), NATURALNESS))
          .isInstanceOf(LlmJudgeException.class)
          .hasMessageContaining("judge model 'judge-model'")
          .hasMessageContaining("no usable answer in 3 attempt(s)")
          .hasMessageContaining("contains no JSON object")
          .hasMessageContaining("It sounds quite natural to me.");
      assertThat(server.requestCount()).isEqualTo(3);
      assertThat(cache.size()).isZero();
    }
  }

  @Test
  void shouldWaitAsToldByRetryAfterOn429ThenSucceed() throws Exception {
    try (FakeChatServer server =
        FakeChatServer.replying(
            Reply.error(429, "Rate limit reached").withHeader("Retry-After", "1"),
            Reply.answer(GOOD_SCORE))) {
      PointwiseScore score =
          judge(settings(server)).scorePointwise(spokenPrompt(), response(), NATURALNESS);

      assertThat(score.score()).isEqualTo(4);
      assertThat(server.requestCount()).isEqualTo(2);
      assertThat(sleeps).containsExactly(Duration.ofSeconds(1));
    }
  }

  @Test
  void shouldFailAfterMaxAttemptsOfServerErrorsWithJitteredGrowingBackoff() throws Exception {
    Reply overloaded = Reply.error(500, "model overloaded");
    try (FakeChatServer server = FakeChatServer.replying(overloaded, overloaded, overloaded)) {
      LlmJudge judge = judge(settings(server));

      assertThatThrownBy(() -> judge.scorePointwise(spokenPrompt(), response(), NATURALNESS))
          .isInstanceOf(LlmJudgeException.class)
          .hasMessageContaining(server.baseUrl() + "/chat/completions")
          .hasMessageContaining("failed 3 attempt(s)")
          .hasMessageContaining("answered 500: model overloaded")
          .satisfies(e -> assertThat(((LlmJudgeException) e).httpStatus()).hasValue(500));
      assertThat(server.requestCount()).isEqualTo(3);
      assertThat(sleeps).hasSize(2);
      assertThat(sleeps.get(0)).isBetween(Duration.ofMillis(50), Duration.ofMillis(100));
      assertThat(sleeps.get(1)).isBetween(Duration.ofMillis(100), Duration.ofMillis(200));
    }
  }

  @Test
  void shouldNotRetry401AndShouldNameTheApiKeySetting() throws Exception {
    try (FakeChatServer server = FakeChatServer.replying(Reply.error(401, "invalid API key"))) {
      LlmJudge judge = judge(settings(server));

      assertThatThrownBy(() -> judge.scorePointwise(spokenPrompt(), response(), NATURALNESS))
          .isInstanceOf(LlmJudgeException.class)
          .hasMessage(
              "judge endpoint "
                  + server.baseUrl()
                  + "/chat/completions answered 401: invalid API key — check the API key (set"
                  + " EARSHOT_JUDGES_LLM_API_KEY)")
          .satisfies(e -> assertThat(((LlmJudgeException) e).httpStatus()).hasValue(401));
      assertThat(server.requestCount()).isEqualTo(1);
      assertThat(sleeps).isEmpty();
    }
  }

  @Test
  void shouldRetryWhenTheServerDoesNotAnswerInTime() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    try (FakeChatServer server =
        FakeChatServer.start(
            (number, request) -> {
              if (number == 1) {
                release.await(5, TimeUnit.SECONDS);
              }
              return Reply.answer(GOOD_SCORE);
            })) {
      try {
        LlmJudge judge = judge(settings(server).requestTimeout(Duration.ofMillis(100)));

        assertThat(judge.scorePointwise(spokenPrompt(), response(), NATURALNESS).score())
            .isEqualTo(4);
        assertThat(server.requestCount()).isEqualTo(2);
        assertThat(sleeps).hasSize(1);
      } finally {
        release.countDown();
      }
    }
  }

  @Test
  void shouldAnswerARepeatedCallFromTheCacheWithoutARequest() throws Exception {
    try (FakeChatServer server =
        FakeChatServer.replying(Reply.answer(GOOD_SCORE), Reply.answer("{\"score\": 1}"))) {
      PointwiseScore first =
          judge(settings(server)).scorePointwise(spokenPrompt(), response(), NATURALNESS);
      PointwiseScore rerun =
          judge(settings(server)).scorePointwise(spokenPrompt(), response(), NATURALNESS);

      assertThat(rerun).isEqualTo(first);
      assertThat(server.requestCount()).isEqualTo(1);

      PointwiseScore otherAudio =
          judge(settings(server))
              .scorePointwise(
                  spokenPrompt(),
                  new SpokenResponse(OTHER_RESPONSE_WAV, response().text()),
                  NATURALNESS);

      assertThat(otherAudio).isEqualTo(new PointwiseScore(1, ""));
      assertThat(server.requestCount()).isEqualTo(2);
    }
  }

  @Test
  void shouldNotShareCacheEntriesBetweenModels() throws Exception {
    try (FakeChatServer server =
        FakeChatServer.replying(Reply.answer(GOOD_SCORE), Reply.answer(GOOD_SCORE))) {
      judge(settings(server)).scorePointwise(spokenPrompt(), response(), NATURALNESS);
      LlmJudgeSettings.Builder otherModel =
          LlmJudgeSettings.builder(server.baseUrl(), "other-model");
      judge(otherModel).scorePointwise(spokenPrompt(), response(), NATURALNESS);

      assertThat(server.requestCount()).isEqualTo(2);
      assertThat(cache.size()).isEqualTo(2);
    }
  }

  /** Answers "A" when response a is presented first, otherwise {@code whenBIsFirst}. */
  private static FakeChatServer judgingByOrder(byte[] a, String whenBIsFirst) throws Exception {
    return FakeChatServer.start(
        (number, request) -> {
          boolean aFirst = Arrays.equals(request.audioParts().get(0), a);
          String winner = aFirst ? "A" : whenBIsFirst;
          return Reply.answer("{\"winner\": \"" + winner + "\", \"rationale\": \"Clearer.\"}");
        });
  }

  @Test
  void shouldPreferAWhenBothPresentationOrdersAgree() throws Exception {
    try (FakeChatServer server = judgingByOrder(RESPONSE_WAV, "B")) {
      PairwiseJudgement judgement =
          judge(settings(server))
              .comparePairwise(
                  SpokenPrompt.text("Greet me."),
                  SpokenResponse.audio(RESPONSE_WAV),
                  SpokenResponse.audio(OTHER_RESPONSE_WAV),
                  NATURALNESS);

      assertThat(judgement.verdict()).isEqualTo(PairwiseVerdict.A);
      assertThat(judgement.positionConflict()).isFalse();
      assertThat(judgement.forward()).isEqualTo(new PairwiseAnswer(PairwiseVerdict.A, "Clearer."));
      assertThat(judgement.swapped()).isEqualTo(new PairwiseAnswer(PairwiseVerdict.B, "Clearer."));
      assertThat(server.requestCount()).isEqualTo(2);
      assertThat(server.request(1).audioParts()).containsExactly(RESPONSE_WAV, OTHER_RESPONSE_WAV);
      assertThat(server.request(2).audioParts()).containsExactly(OTHER_RESPONSE_WAV, RESPONSE_WAV);
    }
  }

  @Test
  void shouldCallItATieWithPositionConflictWhenOrdersDisagree() throws Exception {
    try (FakeChatServer server = judgingByOrder(RESPONSE_WAV, "A")) {
      PairwiseJudgement judgement =
          judge(settings(server))
              .comparePairwise(
                  SpokenPrompt.text("Greet me."),
                  SpokenResponse.audio(RESPONSE_WAV),
                  SpokenResponse.audio(OTHER_RESPONSE_WAV),
                  NATURALNESS);

      assertThat(judgement.verdict()).isEqualTo(PairwiseVerdict.TIE);
      assertThat(judgement.positionConflict()).isTrue();
      assertThat(judgement.forward().verdict()).isEqualTo(PairwiseVerdict.A);
      assertThat(judgement.swapped().verdict()).isEqualTo(PairwiseVerdict.A);
    }
  }

  @Test
  void shouldKeepRequestsInFlightWithinTheConcurrencyLimit() throws Exception {
    int limit = 2;
    int calls = 6;
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger maxInFlight = new AtomicInteger();
    // Holds the first requests until `limit` are in flight at once, so the limit is surely
    // reached; the short hold after gives a request beyond the limit the chance to show up.
    CountDownLatch limitReached = new CountDownLatch(limit);
    try (FakeChatServer server =
        FakeChatServer.start(
            (number, request) -> {
              maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
              try {
                limitReached.countDown();
                limitReached.await(5, TimeUnit.SECONDS);
                Thread.sleep(20);
                return Reply.answer(GOOD_SCORE);
              } finally {
                inFlight.decrementAndGet();
              }
            })) {
      LlmJudge judge = judge(settings(server).maxConcurrency(limit));
      List<Callable<PointwiseScore>> tasks = new ArrayList<>();
      for (int i = 0; i < calls; i++) {
        byte[] distinctAudio = TestAudio.toneWav(300 + 50 * i, 0.05, 16000);
        tasks.add(
            () ->
                judge.scorePointwise(
                    spokenPrompt(), SpokenResponse.audio(distinctAudio), NATURALNESS));
      }
      ExecutorService callers = Executors.newFixedThreadPool(calls);
      try {
        for (Future<PointwiseScore> result : callers.invokeAll(tasks)) {
          assertThat(result.get().score()).isEqualTo(4);
        }
      } finally {
        callers.shutdownNow();
      }

      assertThat(server.requestCount()).isEqualTo(calls);
      assertThat(maxInFlight.get()).isEqualTo(limit);
    }
  }
}
