package dev.earshot.judge.dsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.util.function.DoubleUnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class PitchTrackerTest {

  private static final int RATE = TestSignals.RATE;

  /** Agreement of voiced frames with a known F0 contour. */
  private record Agreement(int frames, int voiced, int withinFivePercent, int octaveErrors) {

    double voicedFraction() {
      return voiced / (double) frames;
    }

    double withinFivePercentFraction() {
      return withinFivePercent / (double) voiced;
    }

    double octaveErrorFraction() {
      return octaveErrors / (double) voiced;
    }
  }

  private static Agreement compare(PitchTrack track, DoubleUnaryOperator trueF0) {
    int voiced = 0;
    int close = 0;
    int octave = 0;
    for (PitchFrame frame : track.frames()) {
      if (!frame.voiced()) {
        continue;
      }
      voiced++;
      double ratio = frame.f0Hz() / trueF0.applyAsDouble(frame.timeSeconds());
      if (Math.abs(ratio - 1) <= 0.05) {
        close++;
      }
      // An octave error is an estimate nearer a factor of two (or more) off than to the truth.
      if (Math.abs(Math.log(ratio) / Math.log(2)) >= 0.5) {
        octave++;
      }
    }
    return new Agreement(track.frames().size(), voiced, close, octave);
  }

  private static void assertTracks(PitchTrack track, DoubleUnaryOperator trueF0) {
    Agreement agreement = compare(track, trueF0);
    assertThat(agreement.voicedFraction()).as("voiced fraction").isGreaterThanOrEqualTo(0.95);
    assertThat(agreement.withinFivePercentFraction())
        .as("frames within 5 %")
        .isGreaterThanOrEqualTo(0.95);
    assertThat(agreement.octaveErrorFraction()).as("octave errors").isLessThan(0.05);
  }

  @ParameterizedTest
  @ValueSource(doubles = {80, 120, 200, 330, 480})
  void shouldTrackPureSineAcrossTheRange(double frequency) {
    assertTracks(PitchTracker.track(TestSignals.sine(frequency, 0.5, 1.0), RATE), t -> frequency);
  }

  @Test
  void shouldFollowTwoOctaveSineSweep() {
    DoubleUnaryOperator f0 = t -> 100 * Math.pow(4, t / 2);
    assertTracks(PitchTracker.track(TestSignals.sweep(f0, 0.5, 2.0), RATE), f0);
  }

  static Stream<Arguments> vowels() {
    DoubleUnaryOperator male = t -> 100;
    DoubleUnaryOperator female = t -> 220;
    DoubleUnaryOperator maleIntonation = t -> 100 + 25 * Math.sin(2 * Math.PI * 1.5 * t);
    DoubleUnaryOperator femaleRise = t -> 180 * Math.pow(2, t);
    DoubleUnaryOperator femaleFall = t -> 330 * Math.pow(0.5, t);
    return Stream.of(
        Arguments.of("male 100 Hz", male, 0.0),
        Arguments.of("male 100 Hz, noisy", male, 0.03),
        Arguments.of("female 220 Hz", female, 0.0),
        Arguments.of("female 220 Hz, noisy", female, 0.03),
        Arguments.of("male 75-125 Hz wobble, noisy", maleIntonation, 0.03),
        Arguments.of("female octave rise", femaleRise, 0.0),
        Arguments.of("female octave fall, noisy", femaleFall, 0.03));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vowels")
  void shouldTrackSyntheticVowelWithoutOctaveErrors(
      String name, DoubleUnaryOperator f0, double noise) {
    float[] vowel = TestSignals.vowel(f0, 1.0, 0.8, noise, 7);
    assertTracks(PitchTracker.track(vowel, RATE), f0);
  }

  @Test
  void shouldFindNoVoicingInSilenceOrNoise() {
    PitchTrack silence = PitchTracker.track(TestSignals.silence(0.5), RATE);
    PitchTrack noise = PitchTracker.track(TestSignals.whiteNoise(0.1, 1.0, 3), RATE);

    assertThat(silence.frames()).isNotEmpty().noneMatch(PitchFrame::voiced);
    assertThat(noise.voicedFraction()).isLessThan(0.05);
  }

  @Test
  void shouldMarkInsertedSilenceUnvoicedBetweenVowels() {
    float[] signal =
        TestSignals.concat(
            TestSignals.vowel(t -> 150, 0.5, 0.5, 0, 1),
            TestSignals.silence(0.3),
            TestSignals.vowel(t -> 150, 0.5, 0.5, 0, 2));

    PitchTrack track = PitchTracker.track(signal, RATE);

    assertThat(track.frameAt(0.25).f0Hz()).isCloseTo(150, withinPercentage(5));
    assertThat(track.frameAt(0.65).voiced()).isFalse();
    assertThat(track.frameAt(1.05).f0Hz()).isCloseTo(150, withinPercentage(5));
  }

  @Test
  void shouldSpaceFramesByTheTimeStepAndCentreThem() {
    PitchTrack track = PitchTracker.track(TestSignals.sine(200, 0.5, 1.0), RATE);

    double first = track.frames().get(0).timeSeconds();
    double last = track.frames().get(track.frames().size() - 1).timeSeconds();
    assertThat(track.timeStepSeconds()).isEqualTo(0.01);
    assertThat(track.frames().get(1).timeSeconds() - first).isCloseTo(0.01, within(1e-9));
    assertThat(first + last).isCloseTo(1.0, within(1e-9));
  }

  @Test
  void shouldReturnEmptyTrackWhenShorterThanOneWindow() {
    assertThat(PitchTracker.track(TestSignals.sine(200, 0.5, 0.03), RATE).frames()).isEmpty();
  }

  @Test
  void shouldWorkAtOtherSampleRates() {
    int rate = 44_100;
    float[] sine = new float[rate];
    for (int i = 0; i < sine.length; i++) {
      sine[i] = (float) (0.5 * Math.sin(2 * Math.PI * 140 * i / rate));
    }
    assertTracks(PitchTracker.track(sine, rate), t -> 140);
  }

  @Test
  void shouldKeepAVowelVoicedAtZeroDbWhenCompensatingForNoiseButLeaveNoiseUnvoiced() {
    DoubleUnaryOperator f0 = t -> 120 + 20 * Math.sin(3 * t);
    float[] vowel = TestSignals.vowel(f0, 1.5, 0.3, 0, 1);
    float[] speech = TestSignals.concat(TestSignals.silence(0.5), vowel, TestSignals.silence(0.5));
    float[] noise = TestSignals.whiteNoise(rms(vowel), speech.length / (double) RATE, 3);
    float[] noisy = new float[speech.length];
    for (int i = 0; i < noisy.length; i++) {
      noisy[i] = speech[i] + noise[i];
    }
    DoubleUnaryOperator shiftedF0 = t -> f0.applyAsDouble(t - 0.5);

    Agreement plain = vowelAgreement(PitchTracker.track(noisy, RATE), shiftedF0);
    PitchTrack compensatedTrack = PitchTracker.track(noisy, RATE, compensated());
    Agreement withCompensation = vowelAgreement(compensatedTrack, shiftedF0);

    assertThat(plain.voicedFraction()).as("voiced without compensation").isLessThan(0.7);
    assertThat(withCompensation.voicedFraction())
        .as("voiced with compensation")
        .isGreaterThan(0.95);
    assertThat(withCompensation.withinFivePercentFraction()).isGreaterThan(0.95);
    assertThat(compensatedTrack.frames())
        .filteredOn(f -> f.timeSeconds() < 0.45 || f.timeSeconds() > 2.05)
        .as("noise-only frames")
        .noneMatch(PitchFrame::voiced);
  }

  @Test
  void shouldLeaveACleanTrackAsItIsWhenCompensatingForNoise() {
    float[] clean =
        TestSignals.concat(
            TestSignals.silence(0.3),
            TestSignals.vowel(t -> 110 + 30 * t, 1.0, 0.5, 0, 1),
            TestSignals.silence(0.3));

    assertThat(PitchTracker.track(clean, RATE, compensated()).frames())
        .isEqualTo(PitchTracker.track(clean, RATE).frames());
  }

  private static PitchSettings compensated() {
    PitchSettings d = PitchSettings.defaults();
    return new PitchSettings(
        d.timeStepSeconds(),
        d.minPitchHz(),
        d.maxPitchHz(),
        d.maxCandidates(),
        d.silenceThreshold(),
        d.voicingThreshold(),
        d.octaveCost(),
        d.octaveJumpCost(),
        d.voicedUnvoicedCost(),
        true);
  }

  /** Agreement over the frames well inside the vowel, which runs from 0.5 s to 2.0 s. */
  private static Agreement vowelAgreement(PitchTrack track, DoubleUnaryOperator trueF0) {
    return compare(
        new PitchTrack(
            track.timeStepSeconds(),
            track.frames().stream()
                .filter(f -> f.timeSeconds() > 0.55 && f.timeSeconds() < 1.95)
                .toList()),
        trueF0);
  }

  private static double rms(float[] signal) {
    double sum = 0;
    for (float s : signal) {
      sum += s * s;
    }
    return Math.sqrt(sum / signal.length);
  }
}
