package dev.earshot.judge.onnx;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** The committed toy models (see src/test/resources/onnx/make_models.py) and the bundled VAD. */
final class TestModels {

  static final Path EMOTION_TOY = Path.of("src/test/resources/onnx/emotion_toy.onnx");
  static final List<String> EMOTION_LABELS = List.of("calm", "neutral", "excited");

  static final Path CTC_TOY = Path.of("src/test/resources/onnx/ctc_toy.onnx");
  static final List<String> CTC_VOCABULARY = List.of("<blank>", "|", "h", "i", "o");

  /** Samples per CTC toy frame; each frame's mean selects the symbol at that level / 4. */
  static final int CTC_FRAME = 160;

  static final Path SILERO_VAD = Path.of("judges/models/silero_vad_v5.onnx");

  private TestModels() {}

  static OnnxModelSpec emotionSpec() {
    return OnnxModelSpec.classifier(EMOTION_TOY, EMOTION_LABELS);
  }

  static OnnxModelSpec ctcSpec() {
    return OnnxModelSpec.ctc(CTC_TOY, CTC_VOCABULARY, 0, "|")
        .withInputLayout(InputLayout.BATCH_CHANNEL_SAMPLES);
  }

  static float[] constant(float value, int samples) {
    float[] signal = new float[samples];
    Arrays.fill(signal, value);
    return signal;
  }

  /** A waveform whose CTC toy frames are the given vocabulary symbols, one frame each. */
  static float[] ctcFrames(String... symbols) {
    float[] signal = new float[symbols.length * CTC_FRAME];
    for (int frame = 0; frame < symbols.length; frame++) {
      int index = CTC_VOCABULARY.indexOf(symbols[frame]);
      if (index < 0) {
        throw new IllegalArgumentException("not in the toy vocabulary: " + symbols[frame]);
      }
      Arrays.fill(signal, frame * CTC_FRAME, (frame + 1) * CTC_FRAME, index / 4f);
    }
    return signal;
  }
}
