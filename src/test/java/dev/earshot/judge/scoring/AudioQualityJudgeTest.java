package dev.earshot.judge.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.earshot.dataset.manifest.PromptExpectations;
import org.junit.jupiter.api.Test;

class AudioQualityJudgeTest {

  private final AudioQualityJudge judge =
      new AudioQualityJudge(JudgeParameters.none(AudioQualityJudge.ID));

  private DimensionScore score(Utterance utterance) {
    return judge
        .score(
            new JudgeInput(
                PromptExpectations.none(), null, null, utterance.prosody(), utterance.quality()))
        .orElseThrow();
  }

  @Test
  void shouldScoreCleanAudioNearOne() {
    DimensionScore clean = score(new Utterance().snrDb(40.0).loudnessLufs(-20.0));

    assertThat(clean.score()).isGreaterThan(0.99);
    assertThat(clean.reason())
        .isEqualTo(
            "clipping 0.0 % of samples; SNR 40.0 dB; loudness -20.0 LUFS; " + "DC offset 0.0000");
  }

  @Test
  void shouldScoreClippedNoisyAudioNearZero() {
    DimensionScore clipped =
        score(new Utterance().clippingRatio(0.031).snrDb(7.9).loudnessLufs(-20.0));

    assertThat(clipped.score()).isLessThan(0.001);
    assertThat(clipped.reason()).startsWith("clipping 3.1 % of samples; SNR 7.9 dB");
    assertThat(clipped.details()).containsEntry("clippingRatio", 0.031).containsEntry("snrDb", 7.9);
  }

  @Test
  void shouldLowerTheScoreSmoothlyAsClippingGrows() {
    double none = score(new Utterance()).score();
    double slight = score(new Utterance().clippingRatio(0.0005)).score();
    double half = score(new Utterance().clippingRatio(0.001)).score();
    double heavy = score(new Utterance().clippingRatio(0.01)).score();

    assertThat(none).isGreaterThan(slight);
    assertThat(slight).isGreaterThan(half);
    assertThat(half).isGreaterThan(heavy);
    assertThat(half / none).isBetween(0.49, 0.51);
  }

  @Test
  void shouldPenaliseLoudnessOutsideTheWindowAndSayWhichWay() {
    DimensionScore tooLoud = score(new Utterance().loudnessLufs(-6.0));
    DimensionScore tooQuiet = score(new Utterance().loudnessLufs(-45.0));

    assertThat(tooLoud.score()).isLessThan(0.2);
    assertThat(tooLoud.reason()).contains("loudness -6.0 LUFS, too loud");
    assertThat(tooQuiet.score()).isLessThan(0.01);
    assertThat(tooQuiet.reason()).contains("too quiet");
  }

  @Test
  void shouldScoreSilenceZero() {
    DimensionScore silent = score(new Utterance().loudnessLufs(null).snrDb(null));

    assertThat(silent.score()).isZero();
    assertThat(silent.reason()).contains("no measurable loudness");
  }

  @Test
  void shouldPenaliseALargeDcOffset() {
    assertThat(score(new Utterance().dcOffset(0.1)).score()).isLessThan(0.1);
  }
}
