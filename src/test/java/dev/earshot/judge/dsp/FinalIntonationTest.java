package dev.earshot.judge.dsp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The decision on pitch tracks shaped like espeak-ng's long yes/no questions: the last word rises,
 * dips through a consonant and rises again in its last ~70 ms ("win-ter?"), ending barely above the
 * utterance's median.
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
