package dev.earshot.judge.dsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LoudnessNormalisationTest {

  private static final int RATE = 16_000;
  private static final double TARGET = -23;

  @Test
  void shouldBringAQuietAndALoudSignalToTheSameLoudness() {
    float[] quiet = tone(1000, 0.01, 2.0);
    float[] loud = tone(440, 0.6, 2.0);
    assertThat(LoudnessMeter.integratedLoudness(quiet, RATE)).isLessThan(-40);
    assertThat(LoudnessMeter.integratedLoudness(loud, RATE)).isGreaterThan(-10);

    float[] quietOut = LoudnessNormalisation.normalised(quiet, RATE, TARGET);
    float[] loudOut = LoudnessNormalisation.normalised(loud, RATE, TARGET);

    assertThat(LoudnessMeter.integratedLoudness(quietOut, RATE)).isCloseTo(TARGET, within(0.5));
    assertThat(LoudnessMeter.integratedLoudness(loudOut, RATE)).isCloseTo(TARGET, within(0.5));
  }

  @Test
  void shouldLimitTheGainSoThatTheTruePeakStaysBelowTheCeiling() {
    // Clicks: a high crest factor, so reaching -10 LUFS would put the peak far above full scale.
    float[] clicks = new float[2 * RATE];
    for (int i = 0; i < clicks.length; i += RATE / 10) {
      clicks[i] = 0.5f;
    }
    double ceiling = Math.pow(10, LoudnessNormalisation.TRUE_PEAK_CEILING_DBTP / 20);

    float[] out = LoudnessNormalisation.normalised(clicks, RATE, -10);

    assertThat(TruePeakMeter.truePeak(out)).isLessThanOrEqualTo(ceiling + 1e-6);
    assertThat(TruePeakMeter.truePeak(out)).isCloseTo(ceiling, within(1e-4));
    assertThat(LoudnessMeter.integratedLoudness(out, RATE)).isLessThan(-10);
  }

  @Test
  void shouldLeaveSilenceAsItIs() {
    float[] silence = new float[RATE];

    assertThat(LoudnessNormalisation.gain(silence, RATE, TARGET)).isEqualTo(1);
  }

  private static float[] tone(double frequency, double amplitude, double seconds) {
    float[] samples = new float[(int) (seconds * RATE)];
    for (int i = 0; i < samples.length; i++) {
      samples[i] = (float) (amplitude * Math.sin(2 * Math.PI * frequency * i / RATE));
    }
    return samples;
  }
}
