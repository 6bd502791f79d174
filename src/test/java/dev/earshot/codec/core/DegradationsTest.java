package dev.earshot.codec.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class DegradationsTest {

  private static float[] sine(double amplitude, double hz, int sampleRate, int n) {
    float[] out = new float[n];
    for (int i = 0; i < n; i++) {
      out[i] = (float) (amplitude * Math.sin(2 * Math.PI * hz * i / sampleRate));
    }
    return out;
  }

  /** SNR of {@code noisy} against {@code signal} scaled by {@code scale}. */
  private static double snrDb(float[] signal, float[] noisy, double scale) {
    double signalEnergy = 0;
    double noiseEnergy = 0;
    for (int i = 0; i < signal.length; i++) {
      double clean = scale * signal[i];
      signalEnergy += clean * clean;
      noiseEnergy += (noisy[i] - clean) * (noisy[i] - clean);
    }
    return 10 * Math.log10(signalEnergy / noiseEnergy);
  }

  @Test
  void shouldAddNoiseAtTheAskedSnrAndKeepAQuietSignalsLevel() {
    float[] quiet = sine(0.1, 440, 16_000, 16_000);

    float[] noisy = Degradations.withWhiteNoise(quiet, 20, 1);

    assertThat(snrDb(quiet, noisy, 1)).isCloseTo(20, within(0.01));
  }

  @Test
  void shouldScaleDownASumThatWouldClipWithoutChangingItsSnr() {
    float[] loud = sine(0.98, 440, 16_000, 16_000);

    float[] noisy = Degradations.withWhiteNoise(loud, 5, 2);

    double peak = 0;
    for (float sample : noisy) {
      peak = Math.max(peak, Math.abs(sample));
    }
    assertThat(peak).isCloseTo(0.99, within(1e-6));
    // The scale that was applied: the output's projection on the original.
    double dot = 0;
    double energy = 0;
    for (int i = 0; i < loud.length; i++) {
      dot += (double) noisy[i] * loud[i];
      energy += (double) loud[i] * loud[i];
    }
    assertThat(snrDb(loud, noisy, dot / energy)).isCloseTo(5, within(0.1));
  }

  @Test
  void shouldRemoveToneAboveTheCutoffAndKeepOneBelow() {
    float[] low = Degradations.lowPass(sine(0.5, 1_000, 16_000, 16_000), 16_000, 3_000);
    float[] high = Degradations.lowPass(sine(0.5, 5_000, 16_000, 16_000), 16_000, 3_000);

    assertThat(low).hasSize(16_000);
    assertThat(rms(low, 1_000, 15_000)).isCloseTo(0.5 / Math.sqrt(2), within(0.01));
    assertThat(rms(high, 1_000, 15_000)).isLessThan(0.001);
  }

  private static double rms(float[] signal, int from, int to) {
    double sum = 0;
    for (int i = from; i < to; i++) {
      sum += (double) signal[i] * signal[i];
    }
    return Math.sqrt(sum / (to - from));
  }
}
