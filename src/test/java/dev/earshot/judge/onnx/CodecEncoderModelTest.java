package dev.earshot.judge.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.earshot.testing.ToyCodecEncoder;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The codec encoder loader against the toy encoder the test writes (see ToyCodecEncoder). */
class CodecEncoderModelTest {

  private static final int FRAME = ToyCodecEncoder.SAMPLES_PER_FRAME;

  @TempDir Path dir;

  @Test
  void shouldEncodeEachFrameIntoTheHandComputedIdsOfBothCodebooks() {
    try (CodecEncoderModel encoder =
        CodecEncoderModel.load(ToyCodecEncoder.writeTo(dir.resolve("codec.onnx")), FRAME)) {
      CodecCodes codes = encoder.encode(levels(0.3f, -0.6f, 0.9f, 0f));

      assertThat(codes.codebooks()).isEqualTo(2);
      assertThat(codes.frames()).isEqualTo(4);
      assertThat(codes.codebook(0)).containsExactly(5, 1, 7, 4);
      assertThat(codes.codebook(1)).containsExactly(0, 2, 6, 0);
    }
  }

  @Test
  void shouldZeroPadTheLastPartialFrame() {
    try (CodecEncoderModel encoder =
        CodecEncoderModel.load(ToyCodecEncoder.writeTo(dir.resolve("codec.onnx")), FRAME)) {
      float[] samples = new float[FRAME + 80];
      Arrays.fill(samples, 0.5f);

      // Last frame: 80 samples of 0.5 and 240 zeros, mean 0.125 (4.5 -> 4), energy 0.0625 (0).
      assertThat(encoder.encode(samples).perCodebook())
          .isDeepEqualTo(new long[][] {{6, 4}, {2, 0}});
    }
  }

  @Test
  void shouldKeepIdsThroughTheCacheEncoding() {
    CodecCodes codes = new CodecCodes(2, 3, new long[] {1, 2, 3, 4, 5, 1L << 40});

    assertThat(CodecCodes.fromBytes(2, 3, codes.toBytes())).isEqualTo(codes);
  }

  @Test
  void shouldSayNotConfiguredForAMissingFile() {
    assertThatThrownBy(() -> CodecEncoderModel.load(dir.resolve("absent.onnx"), FRAME))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not configured");
  }

  @Test
  void shouldRefuseAModelWhoseOutputIsNotTokenIds() {
    try (CodecEncoderModel notAnEncoder = CodecEncoderModel.load(TestModels.EMOTION_TOY, FRAME)) {
      assertThatThrownBy(() -> notAnEncoder.encode(levels(0.1f)))
          .isInstanceOf(OnnxModelException.class)
          .hasMessageContaining("integer token ids");
    }
  }

  static float[] levels(float... levels) {
    float[] samples = new float[levels.length * FRAME];
    for (int frame = 0; frame < levels.length; frame++) {
      Arrays.fill(samples, frame * FRAME, (frame + 1) * FRAME, levels[frame]);
    }
    return samples;
  }
}
