package dev.earshot.codec.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CodecShapeTest {

  @Test
  void shouldGiveTheBitratesThatCodecPapersQuote() {
    // EnCodec 24 kHz: 75 Hz frames, 8 codebooks of 1024 codes -> 6 kbit/s.
    assertThat(new CodecShape(75, 8, 1024).bitsPerSecond()).isCloseTo(6_000, within(1e-9));
    // EnCodec 24 kHz at 1.5 kbit/s: 2 codebooks.
    assertThat(new CodecShape(75, 2, 1024).bitsPerSecond()).isCloseTo(1_500, within(1e-9));
    // Mimi (Moshi): 12.5 Hz, 8 codebooks of 2048 -> 1.1 kbit/s.
    assertThat(new CodecShape(12.5, 8, 2048).bitsPerSecond()).isCloseTo(1_100, within(1e-9));
    // DAC 44 kHz: 86.13 Hz, 9 codebooks of 1024 -> 7.75 kbit/s.
    assertThat(new CodecShape(86.1328125, 9, 1024).bitsPerSecond())
        .isCloseTo(7_751.953125, within(1e-6));
  }

  @Test
  void shouldCountFractionalBitsOfCodebooksThatAreNoPowerOfTwo() {
    assertThat(new CodecShape(50, 1, 1000).bitsPerSecond())
        .isCloseTo(50 * Math.log(1000) / Math.log(2), within(1e-9));
  }

  @Test
  void shouldRejectShapesThatEncodeNothing() {
    assertThatThrownBy(() -> new CodecShape(0, 8, 1024))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("frameRate");
    assertThatThrownBy(() -> new CodecShape(Double.NaN, 8, 1024))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new CodecShape(75, 0, 1024))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("codebooks");
    assertThatThrownBy(() -> new CodecShape(75, 8, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("codebookSize");
  }
}
