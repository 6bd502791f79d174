package dev.earshot.judge.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.earshot.audio.decode.AudioDecoder;
import dev.earshot.audio.decode.AudioLimits;
import dev.earshot.judge.dsp.PitchFrame;
import dev.earshot.judge.dsp.PitchTracker;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SileroVadTest {

  private static final Path DEMO = Path.of("datasets/demo");

  /** The siren in front of this prompt lasts 2.2 s; the spoken question follows after 0.35 s. */
  private static final String SIREN_PROMPT = "prompts/nonspeech-01.flac";

  private static final double SIREN_END_SECONDS = 2.2;

  private static SileroVad vad;

  @BeforeAll
  static void loadVad() {
    vad = SileroVad.load(TestModels.SILERO_VAD);
  }

  @AfterAll
  static void closeVad() {
    vad.close();
  }

  @Test
  void shouldCoverTheVoicedPartOfASpokenResponse() throws Exception {
    float[] audio = demoAudio("responses/reference/content-01.wav");

    VadResult result = vad.detect(audio);

    List<PitchFrame> voiced =
        PitchTracker.track(audio, SileroVad.SAMPLE_RATE).frames().stream()
            .filter(PitchFrame::voiced)
            .toList();
    assertThat(voiced).isNotEmpty();
    long covered = voiced.stream().filter(frame -> inSpeech(result, frame.timeSeconds())).count();
    assertThat(covered).isGreaterThanOrEqualTo(Math.round(0.95 * voiced.size()));
    assertThat(result.speechFraction()).isBetween(0.5, 1.0);
  }

  @Test
  void shouldFindNoSpeechInSilence() {
    Random random = new Random(7);
    float[] faintNoise = new float[3 * SileroVad.SAMPLE_RATE];
    for (int i = 0; i < faintNoise.length; i++) {
      faintNoise[i] = (float) (1e-3 * random.nextGaussian());
    }

    for (float[] silence : List.of(new float[2 * SileroVad.SAMPLE_RATE], faintNoise)) {
      VadResult result = vad.detect(silence);

      assertThat(result.segments()).isEmpty();
      assertThat(result.speechFraction()).isZero();
      assertThat(result.pauseCount()).isZero();
      assertThat(result.longestPauseSeconds()).isZero();
    }
  }

  @Test
  void shouldIgnoreASirenButFindTheQuestionAfterIt() throws Exception {
    VadResult result = vad.detect(demoAudio(SIREN_PROMPT));

    assertThat(result.segments()).isNotEmpty();
    assertThat(result.segments())
        .allSatisfy(segment -> assertThat(segment.startSeconds()).isGreaterThan(SIREN_END_SECONDS));
    assertThat(inSpeech(result, 3.0)).isTrue();
  }

  @Test
  void shouldGiveOneProbabilityPerWindowIncludingAShortLastOne() {
    assertThat(vad.speechProbabilities(new float[SileroVad.WINDOW_SAMPLES * 3 + 1])).hasSize(4);
    assertThat(vad.speechProbabilities(new float[0])).isEmpty();
  }

  @Test
  void shouldKeepRecurrentStateSeparateForConcurrentCallers() throws Exception {
    List<float[]> recordings =
        List.of(
            demoAudio("responses/reference/content-01.wav"),
            demoAudio("responses/noisy/prosody-01.wav"),
            demoAudio(SIREN_PROMPT));
    List<VadResult> sequential = new ArrayList<>();
    for (float[] recording : recordings) {
      sequential.add(vad.detect(recording));
    }

    ExecutorService pool = Executors.newFixedThreadPool(recordings.size());
    try {
      List<Future<VadResult>> concurrent = new ArrayList<>();
      for (int round = 0; round < 2; round++) {
        for (float[] recording : recordings) {
          concurrent.add(pool.submit(() -> vad.detect(recording)));
        }
      }
      for (int i = 0; i < concurrent.size(); i++) {
        assertThat(concurrent.get(i).get()).isEqualTo(sequential.get(i % recordings.size()));
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void shouldRejectAModelThatIsNotSileroVad() {
    assertThatThrownBy(() -> SileroVad.load(TestModels.EMOTION_TOY))
        .isInstanceOf(OnnxModelException.class)
        .hasMessageContaining("takes inputs [waveform]");
  }

  @Test
  void shouldReportAMissingModelFileAsNotConfigured() {
    assertThatThrownBy(() -> SileroVad.load(Path.of("judges/models/missing.onnx")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("not configured: model file ")
        .hasMessageEndingWith("missing.onnx not found");
  }

  @Test
  void shouldRefuseDetectionOnceClosed() {
    SileroVad closed = SileroVad.load(TestModels.SILERO_VAD);
    closed.close();

    assertThatThrownBy(() -> closed.detect(new float[512]))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("is closed");
  }

  private static boolean inSpeech(VadResult result, double seconds) {
    return result.segments().stream()
        .anyMatch(s -> s.startSeconds() <= seconds && seconds < s.endSeconds());
  }

  private static float[] demoAudio(String file) throws Exception {
    byte[] bytes = Files.readAllBytes(DEMO.resolve(file));
    return new AudioDecoder(AudioLimits.DEFAULTS)
        .decodeForAnalysis(ByteBuffer.wrap(bytes))
        .samples();
  }
}
