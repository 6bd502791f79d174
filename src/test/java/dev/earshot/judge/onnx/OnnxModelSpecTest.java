package dev.earshot.judge.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class OnnxModelSpecTest {

  @Test
  void shouldDefaultToSixteenKilohertzRawWaveform() {
    OnnxModelSpec spec = TestModels.emotionSpec();

    assertThat(spec.inputSampleRate()).isEqualTo(16_000);
    assertThat(spec.inputLayout()).isEqualTo(InputLayout.BATCH_SAMPLES);
    assertThat(spec.postProcessing()).isEqualTo(PostProcessing.SOFTMAX_LABELS);
  }

  @Test
  void shouldRejectAnImplausibleSampleRate() {
    assertThatThrownBy(() -> TestModels.emotionSpec().withInputSampleRate(160))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("got 160");
  }

  @Test
  void shouldRejectTooFewOrRepeatedClassLabels() {
    assertThatThrownBy(() -> OnnxModelSpec.classifier(TestModels.EMOTION_TOY, List.of("calm")))
        .hasMessageContaining("at least 2 labels");
    assertThatThrownBy(
            () -> OnnxModelSpec.classifier(TestModels.EMOTION_TOY, List.of("calm", "calm")))
        .hasMessageContaining("distinct");
    assertThatThrownBy(() -> OnnxModelSpec.classifier(TestModels.EMOTION_TOY, List.of("calm", " ")))
        .hasMessageContaining("must not be blank");
  }

  @Test
  void shouldRejectCtcSettingsOnAClassifier() {
    assertThatThrownBy(
            () ->
                new OnnxModelSpec(
                    TestModels.EMOTION_TOY,
                    16_000,
                    InputLayout.BATCH_SAMPLES,
                    PostProcessing.SOFTMAX_LABELS,
                    TestModels.EMOTION_LABELS,
                    0,
                    null))
        .hasMessageContaining("apply only to CTC_GREEDY");
  }

  @Test
  void shouldRejectABlankIndexOutsideTheVocabulary() {
    assertThatThrownBy(
            () -> OnnxModelSpec.ctc(TestModels.CTC_TOY, TestModels.CTC_VOCABULARY, 5, "|"))
        .hasMessageContaining("blank index 5 is outside the vocabulary of 5");
  }

  @Test
  void shouldRejectAWordDelimiterOutsideTheVocabulary() {
    assertThatThrownBy(
            () -> OnnxModelSpec.ctc(TestModels.CTC_TOY, TestModels.CTC_VOCABULARY, 0, "_"))
        .hasMessageContaining("word delimiter '_' is not in the vocabulary");
  }
}
