package dev.earshot.judge.dsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.function.DoubleUnaryOperator;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProsodyAnalyzerTest {

  private static final int RATE = TestSignals.RATE;

  @Test
  void shouldSummariseF0OfAGlide() {
    // 120 Hz rising linearly to 240 Hz over one second.
    DoubleUnaryOperator f0 = t -> 120 + 120 * t;
    ProsodyFeatures features = ProsodyAnalyzer.analyze(TestSignals.vowel(f0, 1.0, 0.8, 0, 1), RATE);

    assertThat(features.durationSeconds()).isEqualTo(1.0);
    assertThat(features.voicedFraction()).isGreaterThan(0.95);
    assertThat(features.f0MeanHz()).isCloseTo(180, within(5.0));
    assertThat(features.f0MedianHz()).isCloseTo(180, within(5.0));
    assertThat(features.f0MinHz()).isCloseTo(120 + 120 * 0.02, within(6.0));
    assertThat(features.f0MaxHz()).isCloseTo(240 - 120 * 0.02, within(6.0));
    // Uniform over 122..238 Hz: SD = range / sqrt(12).
    assertThat(features.f0SdHz()).isCloseTo(116 / Math.sqrt(12), within(3.0));
    assertThat(features.pitchTrack()).hasSizeGreaterThan(90);
    assertThat(features.intensityContour().size()).isEqualTo(100);
  }

  @Test
  void shouldMeasureTheFinalSlopeInSemitonesPerSecond() {
    // Flat 150 Hz, then 12 semitones per second for the last 400 ms.
    DoubleUnaryOperator f0 = t -> t < 0.6 ? 150 : 150 * Math.pow(2, (t - 0.6));
    ProsodyFeatures features = ProsodyAnalyzer.analyze(TestSignals.vowel(f0, 1.0, 0.8, 0, 1), RATE);

    assertThat(features.finalSlopeSemitonesPerSecond()).isCloseTo(12, within(1.0));
    assertThat(features.intonation()).isEqualTo(Intonation.RISING);
  }

  @ParameterizedTest
  @ValueSource(doubles = {-20, -6, -1, 0, 1, 6, 20})
  void shouldClassifySyntheticGlidesByFinalSlope(double semitonesPerSecond) {
    // 200 Hz at the start keeps the steepest fall (-12 semitones in 0.6 s) above the 75 Hz pitch
    // floor.
    DoubleUnaryOperator f0 = t -> 200 * Math.pow(2, semitonesPerSecond * t / 12);
    ProsodyFeatures features =
        ProsodyAnalyzer.analyze(TestSignals.vowel(f0, 0.6, 0.8, 0.02, 5), RATE);

    Intonation expected =
        semitonesPerSecond >= 3
            ? Intonation.RISING
            : semitonesPerSecond <= -3 ? Intonation.FALLING : Intonation.LEVEL;
    assertThat(features.finalSlopeSemitonesPerSecond()).isCloseTo(semitonesPerSecond, within(1.0));
    assertThat(features.intonation()).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "question-raining-male",
        "question-coming-female",
        "question-call-male",
        "question-hear-female",
        "statement-raining-male",
        "statement-coming-female",
        "statement-call-male",
        "statement-hear-female"
      })
  void shouldTellEspeakQuestionsFromStatements(String fixture) throws Exception {
    ProsodyFeatures features = ProsodyAnalyzer.analyze(readFixture(fixture + ".wav"), RATE);

    Intonation expected = fixture.startsWith("question") ? Intonation.RISING : Intonation.FALLING;
    assertThat(features.intonation()).isEqualTo(expected);
    assertThat(features.intonationConfidence()).isBetween(0.3, 1.0);
  }

  @ParameterizedTest
  @ValueSource(doubles = {3, 4.5, 6})
  void shouldCountSyllablesOfAnAmplitudeModulatedVowel(double syllablesPerSecond) {
    double seconds = 3;
    float[] vowel =
        TestSignals.vowel(t -> 130 + 20 * Math.sin(2 * Math.PI * 0.7 * t), seconds, 0.8, 0.01, 11);
    // Each syllable a raised-cosine swell from 10 % to full amplitude.
    float[] syllables =
        TestSignals.modulate(
            vowel, t -> 0.1 + 0.9 * Math.pow(Math.sin(Math.PI * syllablesPerSecond * t), 2));

    ProsodyFeatures features = ProsodyAnalyzer.analyze(syllables, RATE);

    assertThat(features.speakingRateSyllablesPerSecond())
        .isCloseTo(syllablesPerSecond, within(0.15 * syllablesPerSecond));
  }

  @Test
  void shouldReportInsertedSilencesAsPauses() {
    float[] signal =
        TestSignals.concat(
            TestSignals.silence(0.3),
            TestSignals.vowel(t -> 140, 0.5, 0.6, 0.0, 1),
            TestSignals.silence(0.35),
            TestSignals.vowel(t -> 140, 0.5, 0.6, 0.0, 2),
            TestSignals.silence(0.1),
            TestSignals.vowel(t -> 140, 0.5, 0.6, 0.0, 3),
            TestSignals.silence(0.6),
            TestSignals.vowel(t -> 140, 0.5, 0.6, 0.0, 4),
            TestSignals.silence(0.5));

    Pauses pauses = ProsodyAnalyzer.analyze(signal, RATE).pauses();

    // The 100 ms gap is too short for a pause; leading and trailing silence are not pauses.
    assertThat(pauses.count()).isEqualTo(2);
    assertThat(pauses.totalSeconds()).isCloseTo(0.95, within(0.04));
    assertThat(pauses.longestSeconds()).isCloseTo(0.6, within(0.02));
  }

  @Test
  void shouldReportUnvoicedSignalWithoutF0Statistics() {
    ProsodyFeatures features = ProsodyAnalyzer.analyze(TestSignals.whiteNoise(0.1, 1.0, 5), RATE);

    assertThat(features.f0MeanHz()).isNull();
    assertThat(features.f0SdHz()).isNull();
    assertThat(features.finalSlopeSemitonesPerSecond()).isNull();
    assertThat(features.finalRiseSemitones()).isNull();
    assertThat(features.intonation()).isEqualTo(Intonation.UNVOICED);
    assertThat(features.intonationConfidence()).isZero();
    assertThat(features.speakingRateSyllablesPerSecond()).isZero();
  }

  @Test
  void shouldHandleDigitalSilence() {
    ProsodyFeatures features = ProsodyAnalyzer.analyze(TestSignals.silence(1.0), RATE);

    assertThat(features.voicedFraction()).isZero();
    assertThat(features.intonation()).isEqualTo(Intonation.UNVOICED);
    assertThat(features.pauses().count()).isZero();
    assertThat(features.speakingRateSyllablesPerSecond()).isZero();
  }

  /** Reads a 16-bit mono fixture with the JDK's decoder, so the test does not depend on our own. */
  static float[] readFixture(String name) throws IOException, UnsupportedAudioFileException {
    try (InputStream resource = ProsodyAnalyzerTest.class.getResourceAsStream("/dsp/" + name)) {
      assertThat(resource).as(name).isNotNull();
      try (AudioInputStream audio =
          AudioSystem.getAudioInputStream(new BufferedInputStream(resource))) {
        AudioFormat format = audio.getFormat();
        assertThat(format.getSampleRate()).isEqualTo(RATE);
        assertThat(format.getChannels()).isEqualTo(1);
        assertThat(format.getSampleSizeInBits()).isEqualTo(16);
        ByteBuffer bytes =
            ByteBuffer.wrap(audio.readAllBytes())
                .order(format.isBigEndian() ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        float[] samples = new float[bytes.capacity() / 2];
        for (int i = 0; i < samples.length; i++) {
          samples[i] = bytes.getShort() / 32768f;
        }
        return samples;
      }
    }
  }
}
