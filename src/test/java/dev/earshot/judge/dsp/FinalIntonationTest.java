package dev.earshot.judge.dsp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The decision on pitch tracks shaped like espeak-ng's yes/no questions and statements (the shapes
 * follow tracks of espeak-ng clips in {@code EspeakIntonationTest}), and on a low voice that falls
 * below the tracker's pitch floor.
 */
class FinalIntonationTest {

  private static final double STEP = 0.01;

  @Test
  void shouldHearARiseAfterAConsonantDipAsAQuestion() {
    List<PitchFrame> frames = new ArrayList<>();
    flat(frames, 0.0, 2.5, 123);
    glide(frames, 2.77, 2.86, 123, 130);
    glide(frames, 2.86, 2.96, 130, 104);
    glide(frames, 3.03, 3.10, 113, 126);

    FinalIntonation ending = FinalIntonation.fromTrack(new PitchTrack(STEP, frames));

    assertThat(ending.intonation()).isEqualTo(Intonation.RISING);
  }

  @Test
  void shouldStillHearAFinalFallAsAStatement() {
    List<PitchFrame> frames = new ArrayList<>();
    flat(frames, 0.0, 2.5, 123);
    glide(frames, 2.77, 2.86, 123, 118);
    glide(frames, 2.86, 3.10, 118, 96);

    FinalIntonation ending = FinalIntonation.fromTrack(new PitchTrack(STEP, frames));

    assertThat(ending.intonation()).isEqualTo(Intonation.FALLING);
  }

  @Test
  void shouldHearARiseConfinedToTheLastSyllableAfterADipInTheStretchBefore() {
    // "... Saturday night?" in a low voice: the last word's voicing rises 3.5 semitones in 80 ms
    // after a voiced consonant dipped to the pitch floor, ending barely above the median.
    List<PitchFrame> frames = new ArrayList<>();
    flat(frames, 0.0, 2.3, 90);
    flat(frames, 2.36, 2.38, 75);
    glide(frames, 2.42, 2.55, 83, 91);
    glide(frames, 2.72, 2.79, 77, 94);

    FinalIntonation ending = FinalIntonation.fromTrack(new PitchTrack(STEP, frames));

    assertThat(ending.intonation()).isEqualTo(Intonation.RISING);
  }

  @Test
  void shouldIgnoreAVoicedRunFarAboveTheVoiceAfterAFinalFall() {
    // "... Saturday night." in a low voice: after the fall to the pitch floor, the aspiration of
    // the final /t/ rings at its first formant and tracks as 130 ms "voiced" at about 430 Hz.
    List<PitchFrame> frames = new ArrayList<>();
    glide(frames, 0.0, 2.5, 100, 85);
    glide(frames, 2.5, 2.65, 85, 75);
    flat(frames, 2.73, 2.85, 428);

    FinalIntonation ending = FinalIntonation.fromTrack(new PitchTrack(STEP, frames));

    assertThat(ending.intonation()).isEqualTo(Intonation.FALLING);
  }

  @Test
  void shouldIgnoreFramesThatJumpToAnotherHarmonicAsTheVoiceFades() {
    List<PitchFrame> frames = new ArrayList<>();
    flat(frames, 0.0, 2.4, 185);
    glide(frames, 2.58, 2.90, 177, 148);
    frames.add(new PitchFrame(2.91, 222.0, 0.9));
    frames.add(new PitchFrame(2.92, 220.0, 0.9));
    frames.add(new PitchFrame(2.93, 444.0, 0.9));

    FinalIntonation ending = FinalIntonation.fromTrack(new PitchTrack(STEP, frames));

    assertThat(ending.intonation()).isEqualTo(Intonation.FALLING);
  }

  @ParameterizedTest
  @ValueSource(doubles = {0, 0.05, 0.3})
  void shouldNotHearALowVoiceFallingBelowThePitchFloorAsRising(double noise) {
    // A 100 Hz voice whose statement-final fall ends at 55 Hz, well below the 75 Hz floor, and
    // stays there for 0.3 s: the frames below the floor must not come back as a higher harmonic.
    float[] voice =
        TestSignals.vowel(
            t -> t < 1.6 ? 105 - 5 * t : Math.max(55, 97 - 42 * (t - 1.6) / 0.4),
            2.3,
            0.5,
            noise,
            7);
    float[] clip = TestSignals.concat(TestSignals.silence(0.3), voice, TestSignals.silence(0.3));

    FinalIntonation ending =
        FinalIntonation.measure(clip, TestSignals.RATE, PitchSettings.defaults());

    assertThat(ending.intonation()).isEqualTo(Intonation.FALLING);
  }

  private static void flat(List<PitchFrame> frames, double from, double to, double hz) {
    glide(frames, from, to, hz, hz);
  }

  private static void glide(List<PitchFrame> frames, double from, double to, double a, double b) {
    int count = (int) Math.round((to - from) / STEP);
    for (int i = 0; i <= count; i++) {
      frames.add(new PitchFrame(from + i * STEP, a + (b - a) * i / count, 0.9));
    }
  }
}
