package dev.earshot.audio.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResamplerTest {

  /** Samples at each end left out of the measurements, where the filter runs past the signal. */
  private static final int EDGE = 400;

  @Test
  void shouldKeepFrequencyAndAmplitudeOfOneKilohertzSineFrom44100To16000() {
    float[] output = Resampler.resample(sine(1000, 44100, 44100, 0.5), 44100, 16000);

    double[] fit = fitSine(output, 1000, 16000);
    double gainDb = 20 * Math.log10(fit[0] / 0.5);
    assertThat(gainDb).isCloseTo(0, within(0.1));
    // Residual after the 1 kHz fit is tiny: the frequency is unchanged and nothing else was added.
    assertThat(fit[1]).isLessThan(1e-3);
  }

  @Test
  void shouldAttenuateTenKilohertzByAtLeast60DbWhenDownsamplingTo16000() {
    float[] output = Resampler.resample(sine(10000, 48000, 48000, 0.5), 48000, 16000);

    double attenuationDb = 20 * Math.log10(rms(output) / (0.5 / Math.sqrt(2)));
    assertThat(attenuationDb).isLessThan(-60);
  }

  @Test
  void shouldUpsampleCleanlyFrom8000To16000() {
    float[] output = Resampler.resample(sine(1000, 8000, 8000, 0.5), 8000, 16000);

    float[] ideal = sine(1000, 16000, output.length, 0.5);
    double maxError = 0;
    for (int i = EDGE; i < output.length - EDGE; i++) {
      maxError = Math.max(maxError, Math.abs(output[i] - ideal[i]));
    }
    assertThat(maxError).isLessThan(1e-3);
  }

  @Test
  void shouldReturnACopyWhenRatesAreEqual() {
    float[] input = {0.1f, -0.2f, 0.3f};

    float[] output = Resampler.resample(input, 16000, 16000);

    assertThat(output).containsExactly(input).isNotSameAs(input);
  }

  @Test
  void shouldKeepConstantSignalConstantAwayFromTheEdges() {
    float[] constant = new float[4410];
    java.util.Arrays.fill(constant, 0.25f);

    float[] output = Resampler.resample(constant, 44100, 16000);

    for (int i = EDGE; i < output.length - EDGE; i++) {
      assertThat(output[i]).isCloseTo(0.25f, within(1e-5f));
    }
  }

  @ParameterizedTest
  @CsvSource({
    "1001, 44100, 16000",
    "1000, 48000, 16000",
    "7, 8000, 16000",
    "0, 22050, 16000",
    "12345, 11025, 16000",
    "999, 16000, 44100",
    "5000, 767999, 16000"
  })
  void shouldProduceRoundedProportionalLength(int length, int from, int to) {
    float[] output = Resampler.resample(new float[length], from, to);

    assertThat(output).hasSize((int) Math.round((double) length * to / from));
  }

  private static float[] sine(double frequency, int rate, int length, double amplitude) {
    float[] samples = new float[length];
    for (int i = 0; i < length; i++) {
      samples[i] = (float) (amplitude * Math.sin(2 * Math.PI * frequency * i / rate));
    }
    return samples;
  }

  /**
   * Least-squares fit of a*sin + b*cos at {@code frequency}: returns amplitude and RMS residual.
   */
  private static double[] fitSine(float[] samples, double frequency, int rate) {
    double ss = 0;
    double cc = 0;
    double sc = 0;
    double ys = 0;
    double yc = 0;
    for (int i = EDGE; i < samples.length - EDGE; i++) {
      double s = Math.sin(2 * Math.PI * frequency * i / rate);
      double c = Math.cos(2 * Math.PI * frequency * i / rate);
      ss += s * s;
      cc += c * c;
      sc += s * c;
      ys += samples[i] * s;
      yc += samples[i] * c;
    }
    double det = ss * cc - sc * sc;
    double a = (ys * cc - yc * sc) / det;
    double b = (yc * ss - ys * sc) / det;
    double residual = 0;
    int n = 0;
    for (int i = EDGE; i < samples.length - EDGE; i++) {
      double fitted =
          a * Math.sin(2 * Math.PI * frequency * i / rate)
              + b * Math.cos(2 * Math.PI * frequency * i / rate);
      residual += (samples[i] - fitted) * (samples[i] - fitted);
      n++;
    }
    return new double[] {Math.hypot(a, b), Math.sqrt(residual / n)};
  }

  private static double rms(float[] samples) {
    double sum = 0;
    for (int i = EDGE; i < samples.length - EDGE; i++) {
      sum += samples[i] * samples[i];
    }
    return Math.sqrt(sum / (samples.length - 2 * EDGE));
  }
}
