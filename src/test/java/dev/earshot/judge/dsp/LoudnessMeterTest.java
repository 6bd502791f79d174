package dev.earshot.judge.dsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LoudnessMeterTest {

  private static final int RATE = TestSignals.RATE;

  @Test
  void shouldReproduceThePublished48kHzFilterCoefficients() {
    double[][] filters = LoudnessMeter.kWeighting(48_000);

    // ITU-R BS.1770-4, tables 1 and 2.
    assertThat(filters[0])
        .containsExactly(
            new double[] {
              1.53512485958697,
              -2.69169618940638,
              1.19839281085285,
              -1.69065929318241,
              0.73248077421585
            },
            within(1e-8));
    assertThat(filters[1])
        .containsExactly(
            new double[] {1.0, -2.0, 1.0, -1.99004745483398, 0.99007225036621}, within(1e-8));
  }

  @ParameterizedTest
  @CsvSource({"0, -3.01", "-23, -26.01", "-40, -43.01"})
  void shouldReadA997HzSineAtItsReferenceLoudness(double peakDbfs, double expectedLufs) {
    float[] tone = TestSignals.sine(997, Math.pow(10, peakDbfs / 20), 5.0);

    assertThat(LoudnessMeter.integratedLoudness(tone, RATE)).isCloseTo(expectedLufs, within(0.1));
  }

  @Test
  void shouldGateOutNearSilenceAfterATone() {
    float[] signal =
        TestSignals.concat(
            TestSignals.sine(997, Math.pow(10, -23 / 20.0), 3.0),
            TestSignals.whiteNoise(Math.pow(10, -85 / 20.0), 20.0, 1));

    // Without the absolute gate the 20 s of -85 dBFS noise would pull this down by about 9 LU.
    assertThat(LoudnessMeter.integratedLoudness(signal, RATE)).isCloseTo(-26.01, within(0.3));
  }

  @Test
  void shouldGateOutQuietPassagesRelativeToTheLoudOnes() {
    float[] signal =
        TestSignals.concat(
            TestSignals.sine(997, Math.pow(10, -23 / 20.0), 3.0),
            TestSignals.sine(997, Math.pow(10, -50 / 20.0), 10.0));

    // Ungated: about -32 LUFS. The -53 LUFS passage is above the absolute but below the relative
    // gate.
    assertThat(LoudnessMeter.integratedLoudness(signal, RATE)).isCloseTo(-26.2, within(0.3));
  }

  @Test
  void shouldHaveNoLoudnessForSilence() {
    assertThat(LoudnessMeter.integratedLoudness(TestSignals.silence(2.0), RATE)).isNull();
    assertThat(LoudnessMeter.integratedLoudness(TestSignals.silence(0.2), RATE)).isNull();
    assertThat(LoudnessMeter.integratedLoudness(new float[0], RATE)).isNull();
  }

  @Test
  void shouldMeasureAClipShorterThanOneBlockAsOneBlock() {
    // A 300 ms and a 140 ms tone (a short "Yes.", a bell) read as the same tone held for 5 s.
    assertThat(LoudnessMeter.integratedLoudness(TestSignals.sine(997, 0.5, 0.3), RATE))
        .isCloseTo(-9.03, within(0.2));
    assertThat(LoudnessMeter.integratedLoudness(TestSignals.sine(997, 0.5, 0.14), RATE))
        .isCloseTo(-9.03, within(0.3));
  }

  @Test
  void shouldWorkAtOtherSampleRates() {
    int rate = 44_100;
    float[] tone = new float[5 * rate];
    for (int i = 0; i < tone.length; i++) {
      tone[i] = (float) (Math.pow(10, -23 / 20.0) * Math.sin(2 * Math.PI * 997 * i / rate));
    }
    assertThat(LoudnessMeter.integratedLoudness(tone, rate)).isCloseTo(-26.01, within(0.1));
  }
}
