package dev.earshot.judge.dsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class QualityAnalyzerTest {

  private static final int RATE = TestSignals.RATE;

  private static float[] clip(float[] signal, double limit) {
    float[] out = signal.clone();
    for (int i = 0; i < out.length; i++) {
      out[i] = (float) Math.max(-limit, Math.min(limit, out[i]));
    }
    return out;
  }

  /** White noise with everything above {@code cutoffHz} removed in the frequency domain. */
  private static float[] lowPassedNoise(double cutoffHz) {
    Fft fft = Fft.ofSize(1 << 16);
    double[] re = new double[fft.size()];
    double[] im = new double[fft.size()];
    float[] noise = TestSignals.whiteNoise(0.1, fft.size() / (double) RATE, 21);
    for (int i = 0; i < noise.length; i++) {
      re[i] = noise[i];
    }
    fft.forward(re, im);
    for (int k = 0; k < fft.size(); k++) {
      double frequency = Math.min(k, fft.size() - k) * RATE / (double) fft.size();
      if (frequency > cutoffHz) {
        re[k] = 0;
        im[k] = 0;
      }
    }
    fft.inverseUnscaled(re, im);
    float[] out = new float[fft.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = (float) (re[i] / fft.size());
    }
    return out;
  }

  @Test
  void shouldMeasureTheLevelsOfAMinus20DbfsRmsSine() {
    float[] tone = TestSignals.sine(1000, Math.sqrt(2) * 0.1, 3.0);

    QualityFeatures quality = QualityAnalyzer.analyze(tone, RATE);

    assertThat(quality.rmsDbfs()).isCloseTo(-20.0, within(0.01));
    // K-weighting is within a few hundredths of a dB of flat at 1 kHz.
    assertThat(quality.loudnessLufs()).isCloseTo(-20.0, within(0.1));
    assertThat(quality.clippingRatio()).isZero();
    assertThat(quality.dcOffset()).isCloseTo(0, within(1e-4));
    assertThat(quality.durationSeconds()).isEqualTo(3.0);
  }

  @ParameterizedTest
  @CsvSource({
    // gain, fraction of a sine period where |gain * sin| >= 1
    "2.0, 0.6667",
    "1.25, 0.4097"
  })
  void shouldMeasureTheClippedFractionOfAHardClippedSine(double gain, double expectedRatio) {
    float[] clipped = clip(TestSignals.sine(100, gain, 2.0), 1.0);

    assertThat(QualityAnalyzer.analyze(clipped, RATE).clippingRatio())
        .isCloseTo(expectedRatio, within(0.01));
  }

  @Test
  void shouldDetectClippingThatWasTurnedDownAfterwards() {
    float[] clipped = clip(TestSignals.sine(100, 2.0, 2.0), 1.0);
    for (int i = 0; i < clipped.length; i++) {
      clipped[i] *= 0.5f;
    }
    assertThat(QualityAnalyzer.clippingRatio(clipped)).isCloseTo(0.6667, within(0.01));
  }

  @ParameterizedTest
  @ValueSource(doubles = {100, 440, 3000})
  void shouldNotCallAnIntactFullScaleSineClipped(double frequency) {
    assertThat(QualityAnalyzer.clippingRatio(TestSignals.sine(frequency, 1.0, 1.0))).isZero();
  }

  @Test
  void shouldMeasureDcOffset() {
    float[] tone = TestSignals.sine(440, 0.3, 1.0);
    for (int i = 0; i < tone.length; i++) {
      tone[i] += 0.05f;
    }
    assertThat(QualityAnalyzer.analyze(tone, RATE).dcOffset()).isCloseTo(0.05, within(1e-4));
  }

  @ParameterizedTest
  @ValueSource(doubles = {2000, 4000, 7000})
  void shouldFindTheBandwidthOfLowPassedNoise(double cutoffHz) {
    double bandwidth = QualityAnalyzer.analyze(lowPassedNoise(cutoffHz), RATE).bandwidthHz();

    // Flat spectrum up to the cutoff, nothing above: the band edge is the cutoff, plus the few
    // bins (15.6 Hz each) of Hann leakage that stay within 50 dB of the peak.
    assertThat(bandwidth).isBetween(cutoffHz - 20, cutoffHz + 100);
  }

  @Test
  void shouldMeasureLeadingTrailingAndInternalSilence() {
    float[] signal =
        TestSignals.concat(
            TestSignals.silence(0.5),
            TestSignals.vowel(t -> 120, 1.0, 0.5, 0, 1),
            TestSignals.silence(0.4),
            TestSignals.vowel(t -> 200, 1.0, 0.5, 0, 2),
            TestSignals.silence(0.3));

    QualityFeatures quality = QualityAnalyzer.analyze(signal, RATE);

    assertThat(quality.leadingSilenceSeconds()).isCloseTo(0.5, within(0.02));
    assertThat(quality.trailingSilenceSeconds()).isCloseTo(0.3, within(0.02));
    assertThat(quality.internalSilenceSeconds()).isCloseTo(0.4, within(0.03));
  }

  @Test
  void shouldDescribeDigitalSilence() {
    QualityFeatures quality = QualityAnalyzer.analyze(TestSignals.silence(1.0), RATE);

    assertThat(quality.loudnessLufs()).isNull();
    assertThat(quality.rmsDbfs()).isNull();
    assertThat(quality.snrDb()).isNull();
    assertThat(quality.bandwidthHz()).isNull();
    assertThat(quality.clippingRatio()).isZero();
    assertThat(quality.leadingSilenceSeconds()).isEqualTo(1.0);
    assertThat(quality.trailingSilenceSeconds()).isZero();
  }
}
