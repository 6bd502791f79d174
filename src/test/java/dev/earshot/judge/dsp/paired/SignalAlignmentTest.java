package dev.earshot.judge.dsp.paired;

import static dev.earshot.judge.dsp.paired.PairedSignals.RATE;
import static dev.earshot.judge.dsp.paired.PairedSignals.delayed;
import static dev.earshot.judge.dsp.paired.PairedSignals.scaled;
import static dev.earshot.judge.dsp.paired.PairedSignals.speech;
import static dev.earshot.judge.dsp.paired.PairedSignals.withNoiseAt;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SignalAlignmentTest {

  @Test
  void shouldFindTheDelayOfALongRecordingFromItsLoudestPart() {
    // 12 s whose first 6 s are 40 dB down: the search correlates 3 s from the loud half.
    float[] original = speech(12);
    float[] quietStart = scaled(Arrays.copyOf(original, 6 * RATE), 0.01);
    System.arraycopy(quietStart, 0, original, 0, quietStart.length);
    assertThat(SignalAlignment.loudestStart(original, 3 * RATE, RATE / 10))
        .isGreaterThanOrEqualTo(6 * RATE - RATE / 10);

    SignalAlignment aligned =
        SignalAlignment.align(original, withNoiseAt(delayed(original, 4321), 10, 1), RATE, RATE);
    assertThat(aligned.lagSamples()).isEqualTo(4321);
    assertThat(aligned.length()).isEqualTo(original.length);
  }

  @Test
  void shouldNotLookBeyondTheLagLimit() {
    // The true delay (0.5 s) lies beyond a 0.25 s limit; whatever is found stays within it.
    float[] original = speech(3);
    SignalAlignment aligned =
        SignalAlignment.align(original, delayed(original, RATE / 2), RATE, RATE / 4);
    assertThat(Math.abs(aligned.lagSamples())).isLessThanOrEqualTo(RATE / 4);
  }
}
