package dev.earshot.judge.dsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WadaSnrTest {

  /**
   * Speech-like signal as WADA models it: Gamma(shape 0.4) amplitudes with random signs, plus
   * Gaussian noise at the given SNR (power ratio), both seeded.
   */
  private static float[] speechLikePlusNoise(double snrDb, int length) {
    GammaDistribution amplitude = new GammaDistribution(new Well19937c(42), 0.4, 1.0);
    Random random = new Random(43);
    double[] speech = new double[length];
    double speechPower = 0;
    for (int i = 0; i < length; i++) {
      speech[i] = amplitude.sample() * (random.nextBoolean() ? 1 : -1);
      speechPower += speech[i] * speech[i];
    }
    speechPower /= length;
    double noiseRms = Math.sqrt(speechPower / Math.pow(10, snrDb / 10));
    float[] out = new float[length];
    double scale = 0.1;
    for (int i = 0; i < length; i++) {
      out[i] = (float) (scale * (speech[i] + noiseRms * random.nextGaussian()));
    }
    return out;
  }

  @ParameterizedTest
  @ValueSource(doubles = {0, 10, 20})
  void shouldEstimateTheSnrOfNoisySpeechLikeSignal(double snrDb) {
    assertThat(WadaSnr.estimate(speechLikePlusNoise(snrDb, 160_000))).isCloseTo(snrDb, within(2.0));
  }

  @Test
  void shouldRankNoisierSignalsLower() {
    double clean = WadaSnr.estimate(speechLikePlusNoise(40, 160_000));
    double noisy = WadaSnr.estimate(speechLikePlusNoise(5, 160_000));

    assertThat(clean).isGreaterThan(30);
    assertThat(noisy).isLessThan(clean);
  }

  @Test
  void shouldReadPureNoiseFarBelowZeroDb() {
    // The table is nearly flat below -8 dB, so pure noise lands anywhere down there.
    assertThat(WadaSnr.estimate(TestSignals.whiteNoise(0.1, 5.0, 9))).isLessThan(-5);
  }

  @Test
  void shouldHaveNoEstimateForDigitalSilence() {
    assertThat(WadaSnr.estimate(TestSignals.silence(1.0))).isNull();
  }
}
