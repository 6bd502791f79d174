package dev.earshot.judge.transcription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.earshot.judge.llm.InMemoryJudgeCache;
import dev.earshot.judge.transcription.FakeTranscriptionServer.Received;
import dev.earshot.judge.transcription.FakeTranscriptionServer.Reply;
import dev.earshot.testing.TestAudio;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TranscriptionClientTest {

  private static final byte[] WAV = TestAudio.toneWav(440, 0.05, 16000);
  private static final byte[] OTHER_WAV = TestAudio.toneWav(660, 0.05, 16000);

  /** Back-off waits the client asked for; nothing really sleeps. */
  private final List<Duration> sleeps = Collections.synchronizedList(new ArrayList<>());

  private final InMemoryJudgeCache cache = new InMemoryJudgeCache();

  private TranscriptionClient client(
      FakeTranscriptionServer server, String model, String apiKey, Duration requestTimeout) {
    TranscriptionSettings settings =
        new TranscriptionSettings(
            server.baseUrl(), model, apiKey, TranscriptionSettings.limits(requestTimeout, 3, 2));
    return new TranscriptionClient(settings, cache, sleeps::add, new Random(7));
  }

  private TranscriptionClient client(FakeTranscriptionServer server) {
    return client(server, "whisper-test", "sk-test", Duration.ofSeconds(5));
  }

  @Test
  void shouldPostTheWavAsAMultipartFileWithModelJsonFormatAndBearerKey() throws Exception {
    try (FakeTranscriptionServer server =
        FakeTranscriptionServer.replying(Reply.text(" The capital of France is Paris.\n"))) {

      String transcript = client(server).transcribe(WAV);

      assertThat(transcript).isEqualTo("The capital of France is Paris.");
      Received request = server.request(1);
      assertThat(request.headers().getFirst("Authorization")).isEqualTo("Bearer sk-test");
      assertThat(request.headers().getFirst("Content-Type")).startsWith("multipart/form-data");
      assertThat(request.field("model")).isEqualTo("whisper-test");
      assertThat(request.field("response_format")).isEqualTo("json");
      assertThat(request.parts().get("file").fileName()).endsWith(".wav");
      assertThat(request.parts().get("file").contentType()).isEqualTo("audio/wav");
      assertThat(request.audio()).isEqualTo(WAV);
    }
  }

  @Test
  void shouldSendNoAuthorizationWithoutAKey() throws Exception {
    try (FakeTranscriptionServer server = FakeTranscriptionServer.replying(Reply.text("hi"))) {
      client(server, "whisper-test", null, Duration.ofSeconds(5)).transcribe(WAV);

      assertThat(server.request(1).headers().containsKey("Authorization")).isFalse();
    }
  }

  @Test
  void shouldRetryAServerErrorWithBackoffThenSucceed() throws Exception {
    try (FakeTranscriptionServer server =
        FakeTranscriptionServer.replying(
            Reply.error(503, "model loading"), Reply.text("a spider has eight legs"))) {

      assertThat(client(server).transcribe(WAV)).isEqualTo("a spider has eight legs");
      assertThat(server.requestCount()).isEqualTo(2);
      assertThat(sleeps).hasSize(1);
      assertThat(sleeps.get(0)).isBetween(Duration.ofMillis(250), Duration.ofMillis(500));
    }
  }

  @Test
  void shouldFailAfterMaxAttemptsNamingTheEndpointAndTheLastError() throws Exception {
    Reply down = Reply.error(500, "out of memory");
    try (FakeTranscriptionServer server = FakeTranscriptionServer.replying(down, down, down)) {
      TranscriptionClient client = client(server);

      assertThatThrownBy(() -> client.transcribe(WAV))
          .isInstanceOf(TranscriptionException.class)
          .hasMessageContaining(
              "transcription endpoint " + server.baseUrl() + "/audio/transcriptions")
          .hasMessageContaining("failed 3 attempt(s)")
          .hasMessageContaining("answered 500: out of memory")
          .satisfies(e -> assertThat(((TranscriptionException) e).httpStatus()).hasValue(500));
      assertThat(server.requestCount()).isEqualTo(3);
    }
  }

  @Test
  void shouldNotRetry401AndShouldNameTheApiKeyVariableButNotTheKey() throws Exception {
    try (FakeTranscriptionServer server =
        FakeTranscriptionServer.replying(Reply.error(401, "invalid key"))) {
      TranscriptionClient client = client(server);

      assertThatThrownBy(() -> client.transcribe(WAV))
          .isInstanceOf(TranscriptionException.class)
          .hasMessageContaining("answered 401: invalid key")
          .hasMessageContaining("EARSHOT_TRANSCRIPTION_API_KEY")
          .message()
          .doesNotContain("sk-test");
      assertThat(server.requestCount()).isEqualTo(1);
      assertThat(sleeps).isEmpty();
    }
  }

  @Test
  void shouldGiveUpOnAServerThatDoesNotAnswerInTime() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    try (FakeTranscriptionServer server =
        FakeTranscriptionServer.start(
            (number, request) -> {
              release.await(5, TimeUnit.SECONDS);
              return Reply.text("too late");
            })) {
      try {
        TranscriptionClient client = client(server, "whisper-test", null, Duration.ofMillis(100));

        assertThatThrownBy(() -> client.transcribe(WAV))
            .isInstanceOf(TranscriptionException.class)
            .hasMessageContaining("failed 3 attempt(s); the last did not answer within 100 ms");
        assertThat(sleeps).hasSize(2);
        assertThat(cache.size()).isZero();
      } finally {
        release.countDown();
      }
    }
  }

  @Test
  void shouldFailClearlyOnAnAnswerThatIsNotATranscript() throws Exception {
    try (FakeTranscriptionServer server =
        FakeTranscriptionServer.replying(
            new Reply(200, "The capital of France is Paris."), new Reply(200, "{\"txt\": 1}"))) {
      TranscriptionClient client = client(server);

      assertThatThrownBy(() -> client.transcribe(WAV))
          .isInstanceOf(TranscriptionException.class)
          .hasMessageContaining("answered without a transcript: expected JSON {\"text\": ...}")
          .hasMessageContaining("got \"The capital of France is Paris.\"");
      assertThatThrownBy(() -> client.transcribe(WAV))
          .isInstanceOf(TranscriptionException.class)
          .hasMessageContaining("got \"{\"txt\": 1}\"");
      assertThat(cache.size()).isZero();
    }
  }

  @Test
  void shouldRefuseAudioThatIsNotWavBeforeAnyRequest() throws Exception {
    try (FakeTranscriptionServer server = FakeTranscriptionServer.replying()) {
      assertThatThrownBy(() -> client(server).transcribe("ID3 an mp3 file".getBytes()))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("not a WAV file");
      assertThat(server.requestCount()).isZero();
    }
  }

  @Test
  void shouldAnswerTheSameAudioAndModelFromTheCacheAndAskAgainForAnotherModelOrAudio()
      throws Exception {
    try (FakeTranscriptionServer server =
        FakeTranscriptionServer.start((number, request) -> Reply.text("transcript " + number))) {
      TranscriptionClient client = client(server);

      assertThat(client.transcribe(WAV)).isEqualTo("transcript 1");
      assertThat(client.transcribe(WAV)).isEqualTo("transcript 1");
      assertThat(server.requestCount()).isEqualTo(1);

      assertThat(client.transcribe(OTHER_WAV)).isEqualTo("transcript 2");
      TranscriptionClient otherModel =
          client(server, "whisper-large", "sk-test", Duration.ofSeconds(5));
      assertThat(otherModel.transcribe(WAV)).isEqualTo("transcript 3");
      assertThat(server.requestCount()).isEqualTo(3);
      assertThat(cache.size()).isEqualTo(3);
    }
  }

  @Test
  void shouldNeverShowTheApiKeyInTheSettingsText() throws Exception {
    try (FakeTranscriptionServer server = FakeTranscriptionServer.replying()) {
      TranscriptionSettings settings =
          new TranscriptionSettings(
              server.baseUrl(),
              "whisper-1",
              "sk-secret-123",
              TranscriptionSettings.limits(Duration.ofSeconds(1), 1, 1));
      assertThat(settings.toString()).doesNotContain("sk-secret-123").contains("apiKey=***");
    }
  }
}
