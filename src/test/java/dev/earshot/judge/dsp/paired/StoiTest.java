package dev.earshot.judge.dsp.paired;

import static dev.earshot.judge.dsp.paired.PairedSignals.RATE;
import static dev.earshot.judge.dsp.paired.PairedSignals.scaled;
import static dev.earshot.judge.dsp.paired.PairedSignals.speech;
import static dev.earshot.judge.dsp.paired.PairedSignals.withNoiseAt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class StoiTest {

  @Test
  void shouldReadOneForIdenticalSignals() {
    float[] clean = speech(2);
    assertThat(Stoi.measure(clean, clean.clone(), RATE)).isCloseTo(1.0, within(1e-9));
  }

  @Test
  void shouldIgnoreTheLevelOfTheProcessedSignal() {
    // Each segment's processed envelope is scaled to the clean one's energy, so a gain cancels.
    float[] clean = speech(2);
    assertThat(Stoi.measure(clean, scaled(clean, 0.1), RATE)).isCloseTo(1.0, within(1e-9));
  }

  @Test
  void shouldReadZeroForASilentProcessedSignal() {
    // Every processed envelope is 0: its centred, epsilon-normalised version is 0, and so is every
    // correlation.
    float[] clean = speech(2);
    assertThat(Stoi.measure(clean, new float[clean.length], RATE)).isEqualTo(0.0);
  }

  @Test
  void shouldDecreaseMonotonicallyWithAddedNoise() {
    float[] clean = speech(3);
    double previous = Stoi.measure(clean, clean, RATE);
    for (double snr : new double[] {20, 10, 5, 0, -5, -10}) {
      double stoi = Stoi.measure(clean, withNoiseAt(clean, snr, 21), RATE);
      assertThat(stoi).as("STOI at %s dB SNR", snr).isLessThan(previous);
      previous = stoi;
    }
    assertThat(previous).isLessThan(0.7);
  }

  @Test
  void shouldHaveNoValueWithLessThanThirtyFramesOfSpeech() {
    // 0.4 s at 10 kHz is 4000 samples: frames start at 0, 128, ... before 4000 - 256, which is 30
    // frames; 0.39 s gives 29.
    assertThat(Stoi.frameCount(4000)).isEqualTo(30);
    assertThat(Stoi.frameCount(3900)).isEqualTo(29);
    float[] clean = Arrays.copyOf(speech(1), (int) (0.2 * RATE));
    assertThat(Stoi.measure(clean, clean, RATE)).isNull();
  }

  @Test
  void shouldPlaceTheThirdOctaveBandsOnTheReferenceBins() {
    // 19.53 Hz bins at 10 kHz / 512: band 0 spans 133.6-168.4 Hz (bins 6.84-8.62 -> 7..8), band 14
    // spans 3394-4276 Hz (bins 173.8-218.9 -> 174..218).
    int[][] bins = Stoi.thirdOctaveBins();
    assertThat(bins).hasNumberOfRows(15);
    assertThat(bins[0]).containsExactly(7, 9);
    assertThat(bins[14]).containsExactly(174, 219);
  }

  @Test
  void shouldCorrelateSegmentsAsDerivedByHand() {
    // Reversed ramp, no clipping: Pearson correlation -1.
    assertThat(Stoi.segmentCorrelation(new double[] {1, 2, 3}, new double[] {3, 2, 1}, 0, 3))
        .isCloseTo(-1.0, within(1e-12));
    // x = (1, 1, 0.1, 1), y = (0, 1, 1, 0): y is scaled by |x| / |y| = 1.22678 and its third value
    // clipped at 0.1 x (1 + 10^0.75) = 0.66234; corr((1, 1, 0.1, 1), (0, 1.22678, 0.66234, 0)) =
    // -0.21402 (without the clipping it would be -0.57735).
    assertThat(
            Stoi.segmentCorrelation(
                new double[] {9, 1, 1, 0.1, 1}, new double[] {9, 0, 1, 1, 0}, 1, 4))
        .isCloseTo(-0.21402, within(1e-5));
  }
}
