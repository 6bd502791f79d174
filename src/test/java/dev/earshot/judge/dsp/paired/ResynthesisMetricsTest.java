package dev.earshot.judge.dsp.paired;

import static dev.earshot.judge.dsp.paired.PairedSignals.RATE;
import static dev.earshot.judge.dsp.paired.PairedSignals.decoded;
import static dev.earshot.judge.dsp.paired.PairedSignals.delayed;
import static dev.earshot.judge.dsp.paired.PairedSignals.scaled;
import static dev.earshot.judge.dsp.paired.PairedSignals.speech;
import static dev.earshot.judge.dsp.paired.PairedSignals.withNoiseAt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.earshot.testing.SyntheticSpeech;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ResynthesisMetricsTest {

  @Test
  void shouldReadPerfectScoresForAnIdenticalCopy() {
    float[] original = speech(3);
    ResynthesisMetrics metrics =
        ResynthesisMetrics.compare(decoded(original), decoded(original.clone()));

    assertThat(metrics.alignmentLagSeconds()).isZero();
    assertThat(metrics.spectral().lsdDb()).isCloseTo(0, within(1e-12));
    assertThat(metrics.spectral().mcdDb()).isCloseTo(0, within(1e-12));
    assertThat(metrics.siSdrDb()).isEqualTo(100.0);
    assertThat(metrics.stoi()).isCloseTo(1.0, within(1e-9));
    assertThat(metrics.pitch().f0RmseCents()).isZero();
    assertThat(metrics.pitch().f0Correlation()).isCloseTo(1.0, within(1e-12));
    assertThat(metrics.pitch().voicingErrorRate()).isZero();
    assertThat(metrics.pitch().intonationKept()).isTrue();
    assertThat(metrics.loudnessDifferenceLu()).isZero();
    assertThat(metrics.bandwidthResynthesisedHz()).isEqualTo(metrics.bandwidthOriginalHz());
  }

  @ParameterizedTest
  @ValueSource(ints = {37, -53, 1, -1, 800})
  void shouldRecoverAKnownDelayToTheSample(int delay) {
    float[] original = speech(2);
    ResynthesisMetrics metrics =
        ResynthesisMetrics.compare(decoded(original), decoded(delayed(original, delay)));

    assertThat(metrics.alignmentLagSeconds()).isEqualTo(delay / (double) RATE);
    // Once shifted back, the overlaps are the same samples.
    assertThat(metrics.siSdrDb()).isEqualTo(100.0);
    assertThat(metrics.spectral().lsdDb()).isCloseTo(0, within(1e-12));
  }

  @Test
  void shouldRecoverADelayUnderNoise() {
    float[] original = speech(2);
    float[] resynthesis = withNoiseAt(delayed(original, 123), 5, 3);
    assertThat(
            ResynthesisMetrics.compare(decoded(original), decoded(resynthesis))
                .alignmentLagSeconds())
        .isEqualTo(123 / (double) RATE);
  }

  @ParameterizedTest
  @ValueSource(doubles = {30, 20, 10, 5, 0})
  void shouldReadTheSnrOfAddedWhiteNoiseAsSiSdr(double snrDb) {
    float[] original = speech(3);
    ResynthesisMetrics metrics =
        ResynthesisMetrics.compare(decoded(original), decoded(withNoiseAt(original, snrDb, 5)));
    assertThat(metrics.alignmentLagSeconds()).isZero();
    assertThat(metrics.siSdrDb()).isCloseTo(snrDb, within(1.0));
  }

  @Test
  void shouldLowerStoiAndRaiseDistancesAsNoiseGrows() {
    float[] original = speech(3);
    double[] snrs = {30, 15, 5, 0, -5};
    double previousStoi = 1;
    double previousLsd = 0;
    double previousMcd = 0;
    for (int i = 0; i < snrs.length; i++) {
      ResynthesisMetrics metrics =
          ResynthesisMetrics.compare(decoded(original), decoded(withNoiseAt(original, snrs[i], 9)));
      assertThat(metrics.stoi()).as("STOI at %s dB", snrs[i]).isLessThan(previousStoi);
      assertThat(metrics.spectral().lsdDb()).as("LSD at %s dB", snrs[i]).isGreaterThan(previousLsd);
      assertThat(metrics.spectral().mcdDb()).as("MCD at %s dB", snrs[i]).isGreaterThan(previousMcd);
      previousStoi = metrics.stoi();
      previousLsd = metrics.spectral().lsdDb();
      previousMcd = metrics.spectral().mcdDb();
    }
    assertThat(previousStoi).isBetween(0.0, 0.9);
  }

  @Test
  void shouldSeeAGainChangeOnlyInLoudnessAndLogSpectrum() {
    // Noise keeps every bin well above the power floor, so a gain g shifts each by 20 log10 g.
    float[] original = withNoiseAt(speech(3), 30, 4);
    ResynthesisMetrics metrics =
        ResynthesisMetrics.compare(decoded(original), decoded(scaled(original, 0.5)));

    double sixDb = 20 * Math.log10(2);
    assertThat(metrics.loudnessDifferenceLu()).isCloseTo(-sixDb, within(0.01));
    assertThat(metrics.spectral().lsdDb()).isCloseTo(sixDb, within(0.01));
    // The level is c0, which MCD leaves out; SI-SDR and STOI ignore scale by definition.
    assertThat(metrics.spectral().mcdDb()).isCloseTo(0, within(0.01));
    assertThat(metrics.siSdrDb()).isGreaterThan(60);
    assertThat(metrics.stoi()).isCloseTo(1.0, within(1e-6));
  }

  @Test
  void shouldMeasureAPitchShiftInCents() {
    float[] original = harmonicVoice(1.0, 2.5);
    float[] semitoneUp = harmonicVoice(Math.pow(2, 1 / 12.0), 2.5);
    // Measured without alignment: cross-correlating different pitches finds no meaningful lag.
    PitchAgreement pitch = PitchAgreement.measure(original, semitoneUp, RATE);

    assertThat(pitch.f0RmseCents()).isCloseTo(100, within(5.0));
    assertThat(pitch.f0Correlation()).isGreaterThan(0.95);
    assertThat(pitch.voicingErrorRate()).isLessThan(0.05);
  }

  @Test
  void shouldCountVoicingDisagreementsWhenTheResynthesisLosesVoicing() {
    float[] original = harmonicVoice(1.0, 2.0);
    // Pure noise instead of the voice: every frame the original voices is a voicing error.
    float[] resynthesis = SyntheticSpeech.withNoise(new float[original.length], 0.05, 2);
    PitchAgreement pitch =
        ResynthesisMetrics.compare(decoded(original), decoded(resynthesis)).pitch();
    assertThat(pitch.voicingErrorRate()).isGreaterThan(0.8);
  }

  @Test
  void shouldRefuseSignalsShorterThanHalfASecond() {
    float[] original = speech(1);
    float[] tooShort = Arrays.copyOf(original, RATE / 2 - 1);
    assertThatThrownBy(() -> ResynthesisMetrics.compare(decoded(original), decoded(tooShort)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("0.5 s");
  }

  /** Ten harmonics of an F0 of (150 + 30 sin(2π 0.7 t)) × {@code factor} Hz, steady level. */
  private static float[] harmonicVoice(double factor, double seconds) {
    float[] out = new float[(int) Math.round(seconds * RATE)];
    double phase = 0;
    for (int i = 0; i < out.length; i++) {
      double value = 0;
      for (int k = 1; k <= 10; k++) {
        value += Math.sin(k * phase) / k;
      }
      out[i] = (float) (0.2 * value);
      double f0 = factor * (150 + 30 * Math.sin(2 * Math.PI * 0.7 * i / RATE));
      phase += 2 * Math.PI * f0 / RATE;
    }
    return out;
  }
}
