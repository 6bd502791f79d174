package dev.earshot.judge.onnx;

import static dev.earshot.judge.onnx.TestModels.constant;
import static dev.earshot.judge.onnx.TestModels.ctcFrames;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OnnxAudioModelTest {

  private static OnnxAudioModel<ClassificationResult> emotion;
  private static OnnxAudioModel<TranscriptionResult> asr;

  @BeforeAll
  static void loadModels() {
    emotion = OnnxAudioModel.loadClassifier(TestModels.emotionSpec());
    asr = OnnxAudioModel.loadTranscriber(TestModels.ctcSpec());
  }

  @AfterAll
  static void closeModels() {
    emotion.close();
    asr.close();
  }

  @Test
  void shouldClassifyBySoftmaxOverTheModelsLogits() {
    // The toy's logits are (1 - 4e, 2m, 4e - 1) for mean m and energy e of the waveform.
    assertDistribution(emotion.predict(constant(0f, 1600)), "calm", 1, 0, -1);
    assertDistribution(emotion.predict(constant(0.5f, 1600)), "neutral", 0, 1, 0);
    assertDistribution(emotion.predict(constant(1f, 1600)), "excited", -3, 2, 3);
  }

  @Test
  void shouldExposeTheModelsInputName() {
    assertThat(emotion.inputName()).isEqualTo("waveform");
    assertThat(asr.inputName()).isEqualTo("audio");
  }

  @Test
  void shouldDecodeCtcByCollapsingRepeatsDroppingBlanksAndSpacingWords() {
    float[] frames =
        ctcFrames("|", "h", "h", "i", "<blank>", "i", "|", "|", "o", "<blank>", "h", "h", "|");

    assertThat(asr.predict(frames).text()).isEqualTo("hii oh");
  }

  @Test
  void shouldDecodeSilenceToEmptyText() {
    assertThat(asr.predict(constant(0f, 3200)).text()).isEmpty();
  }

  @Test
  void shouldResampleSixteenKilohertzAudioToTheModelsRate() {
    // Alternating 10 ms frames at levels h and o; at 8 kHz a model frame spans one of each, whose
    // mean lies at i.
    String[] alternating = new String[40];
    for (int i = 0; i < alternating.length; i++) {
      alternating[i] = i % 2 == 0 ? "h" : "o";
    }
    float[] audio = ctcFrames(alternating);
    try (OnnxAudioModel<TranscriptionResult> at8k =
        OnnxAudioModel.loadTranscriber(TestModels.ctcSpec().withInputSampleRate(8_000))) {

      assertThat(asr.predict(audio).text()).isEqualTo("ho".repeat(20));
      assertThat(at8k.predict(audio).text()).isEqualTo("i");
    }
  }

  @Test
  void shouldGiveConcurrentCallersTheSameResultsAsSequentialCalls() throws Exception {
    List<float[]> inputs = List.of(constant(0f, 800), constant(0.5f, 1600), constant(1f, 2400));
    List<ClassificationResult> sequential = new ArrayList<>();
    for (float[] input : inputs) {
      sequential.add(emotion.predict(input));
    }
    TranscriptionResult sequentialText = asr.predict(ctcFrames("h", "i", "|", "o", "h"));
    assertThat(sequentialText.text()).isEqualTo("hi oh");

    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      List<Future<Boolean>> agreements = new ArrayList<>();
      for (int task = 0; task < 60; task++) {
        int which = task % inputs.size();
        Callable<Boolean> call =
            () ->
                emotion.predict(inputs.get(which)).equals(sequential.get(which))
                    && asr.predict(ctcFrames("h", "i", "|", "o", "h")).equals(sequentialText);
        agreements.add(pool.submit(call));
      }
      for (Future<Boolean> agreement : agreements) {
        assertThat(agreement.get()).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void shouldRefusePredictionsOnceClosed() {
    OnnxAudioModel<ClassificationResult> model =
        OnnxAudioModel.loadClassifier(TestModels.emotionSpec());
    model.close();
    model.close();

    assertThat(model.isClosed()).isTrue();
    assertThatThrownBy(() -> model.predict(constant(0f, 160)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("is closed");
  }

  @Test
  void shouldReportAMissingModelFileAsNotConfigured() {
    Path missing = Path.of("target/no-such-model.onnx");

    assertThatThrownBy(() -> OnnxModelSpec.classifier(missing, TestModels.EMOTION_LABELS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("not configured: model file ")
        .hasMessageContaining("no-such-model.onnx")
        .hasMessageEndingWith(" not found");
  }

  @Test
  void shouldRejectAFileThatIsNotAnOnnxModel(@TempDir Path folder) throws IOException {
    Path garbage = Files.writeString(folder.resolve("broken.onnx"), "not a model");
    OnnxModelSpec spec = OnnxModelSpec.classifier(garbage, TestModels.EMOTION_LABELS);

    assertThatThrownBy(() -> OnnxAudioModel.loadClassifier(spec))
        .isInstanceOf(OnnxModelException.class)
        .hasMessageContaining("could not load ONNX model")
        .hasMessageContaining("broken.onnx");
  }

  @Test
  void shouldRejectAModelWithMoreThanOneInput() {
    OnnxModelSpec spec = OnnxModelSpec.classifier(TestModels.SILERO_VAD, List.of("no", "yes"));

    assertThatThrownBy(() -> OnnxAudioModel.loadClassifier(spec))
        .isInstanceOf(OnnxModelException.class)
        .hasMessageContaining("[input, state, sr]")
        .hasMessageContaining("exactly one waveform input");
  }

  @Test
  void shouldRejectLabelsThatDoNotMatchTheModelsOutput() {
    OnnxModelSpec spec =
        OnnxModelSpec.classifier(TestModels.EMOTION_TOY, List.of("a", "b", "c", "d"));
    try (OnnxAudioModel<ClassificationResult> model = OnnxAudioModel.loadClassifier(spec)) {

      assertThatThrownBy(() -> model.predict(constant(0f, 160)))
          .isInstanceOf(OnnxModelException.class)
          .hasMessageContaining("gives 3 logits but 4 labels are configured");
    }
  }

  @Test
  void shouldReportAModelThatFailsOnItsInput() {
    // The CTC toy reshapes into 160-sample frames, so 100 samples cannot run.
    assertThatThrownBy(() -> asr.predict(constant(0f, 100)))
        .isInstanceOf(OnnxModelException.class)
        .hasMessageContaining("ctc_toy.onnx failed");
  }

  @Test
  void shouldRefuseASpecOfTheOtherKind() {
    assertThatThrownBy(() -> OnnxAudioModel.loadTranscriber(TestModels.emotionSpec()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("configured for SOFTMAX_LABELS, not CTC_GREEDY");
  }

  private static void assertDistribution(
      ClassificationResult result, String top, double calm, double neutral, double excited) {
    double sum = Math.exp(calm) + Math.exp(neutral) + Math.exp(excited);
    assertThat(result.label()).isEqualTo(top);
    assertThat(result.distribution().keySet()).containsExactly("calm", "neutral", "excited");
    assertThat(result.distribution().get("calm")).isCloseTo(Math.exp(calm) / sum, within(1e-6));
    assertThat(result.distribution().get("neutral"))
        .isCloseTo(Math.exp(neutral) / sum, within(1e-6));
    assertThat(result.distribution().get("excited"))
        .isCloseTo(Math.exp(excited) / sum, within(1e-6));
    assertThat(result.confidence()).isEqualTo(result.distribution().get(top));
  }
}
