package dev.earshot.judge.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.earshot.dataset.manifest.PromptExpectations;
import dev.earshot.judge.dsp.QualityAnalyzer;
import dev.earshot.testing.SyntheticSpeech;
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

  @Test
  void shouldLowerTheScoreForTelephoneBandAndSayWhy() {
    DimensionScore wide = score(new Utterance());
    DimensionScore telephone = score(new Utterance().bandwidthHz(3400.0));

    assertThat(wide.reason()).doesNotContain("bandwidth");
    assertThat(telephone.score()).isLessThan(0.2 * wide.score());
    assertThat(telephone.reason())
        .contains("bandwidth 3.4 kHz, below the 5.0 kHz of wideband speech")
        .contains("43 % of the file's 8.0 kHz Nyquist frequency");
    assertThat(telephone.details()).containsEntry("bandwidthHz", 3400.0);
  }

  @Test
  void shouldBlameTheSampleRateWhenItCannotCarryWidebandSpeech() {
    DimensionScore narrowband = score(new Utterance().sampleRate(8000).bandwidthHz(3800.0));

    assertThat(narrowband.score()).isLessThan(0.3);
    assertThat(narrowband.reason())
        .contains("sampled at 8000 Hz, the file cannot carry more than 4.0 kHz");
  }

  @Test
  void shouldLowerTheScoreMoreTheNarrowerTheBand() {
    double full = score(new Utterance().bandwidthHz(7600.0)).score();
    double edge = score(new Utterance().bandwidthHz(5000.0)).score();
    double slightlyNarrow = score(new Utterance().bandwidthHz(4500.0)).score();
    double narrow = score(new Utterance().bandwidthHz(3500.0)).score();

    assertThat(edge).isEqualTo(full);
    assertThat(full).isGreaterThan(slightlyNarrow);
    assertThat(slightlyNarrow).isGreaterThan(narrow);
  }

  @Test
  void shouldLowerTheScoreForASilenceInsideTheSpeechAndSayWhy() {
    DimensionScore normalPause = score(new Utterance().longestInternalSilenceSeconds(0.8));
    DimensionScore gap = score(new Utterance().longestInternalSilenceSeconds(1.5));

    assertThat(normalPause.score()).isEqualTo(score(new Utterance()).score());
    assertThat(normalPause.reason()).doesNotContain("silence");
    // 2·logistic(−0.5 / 0.3) by default
    assertThat(gap.score() / normalPause.score()).isCloseTo(0.318, within(0.005));
    assertThat(gap.reason())
        .contains("a 1.5 s silence inside the speech, longer than a normal pause (1.0 s)");
  }

  private DimensionScore scoreMeasured(float[] samples, int rate) {
    return judge
        .score(
            new JudgeInput(
                PromptExpectations.none(),
                null,
                null,
                null,
                QualityAnalyzer.analyze(new float[][] {samples}, rate, samples, rate)))
        .orElseThrow();
  }

  @Test
  void shouldScoreMeasuredGappedAndBandLimitedTwinsBelowTheCleanOne() {
    int rate = 16_000;
    // A noise floor 54 dB under the peak, as every microphone has; added after the edits, so the
    // gap holds room noise rather than digital zeros.
    float[] voice = SyntheticSpeech.wideband(rate, 3.0, 5);
    float[] clean = SyntheticSpeech.withNoise(voice, 0.001, 1);
    float[] gapped =
        SyntheticSpeech.withNoise(SyntheticSpeech.withSilenceInMiddle(voice, rate, 1.5), 0.001, 1);
    float[] telephone =
        SyntheticSpeech.withNoise(SyntheticSpeech.speech(rate, 3.0, 300, 3400, 5), 0.001, 1);

    DimensionScore cleanScore = scoreMeasured(clean, rate);
    DimensionScore gappedScore = scoreMeasured(gapped, rate);
    DimensionScore telephoneScore = scoreMeasured(telephone, rate);

    assertThat(cleanScore.reason()).doesNotContain("bandwidth").doesNotContain("silence inside");
    assertThat(gappedScore.score()).isLessThan(cleanScore.score() * 0.5);
    assertThat(gappedScore.reason()).contains("s silence inside the speech");
    assertThat((Double) gappedScore.details().get("longestInternalSilenceSeconds"))
        .isCloseTo(1.5, within(0.05));
    assertThat(telephoneScore.score()).isLessThan(cleanScore.score() * 0.5);
    assertThat(telephoneScore.reason()).contains("below the 5.0 kHz of wideband speech");
  }
}
