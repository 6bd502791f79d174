package dev.earshot.reward.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.earshot.dataset.manifest.PromptExpectations;
import dev.earshot.judge.dsp.ProsodyAnalyzer;
import dev.earshot.judge.dsp.ProsodyFeatures;
import dev.earshot.judge.dsp.QualityAnalyzer;
import dev.earshot.judge.dsp.QualityFeatures;
import dev.earshot.judge.scoring.JudgeInput;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResponseFeatureVectorTest {

  private static final int RATE = 16_000;
  private final ResponseFeatureVector vector = new ResponseFeatureVector();

  /** One second of a steady 200 Hz tone at a speech-like level. */
  private static float[] tone() {
    float[] samples = new float[RATE];
    for (int i = 0; i < samples.length; i++) {
      samples[i] = (float) (0.1 * Math.sin(2 * Math.PI * 200 * i / RATE));
    }
    return samples;
  }

  private double feature(double[] values, String name) {
    return values[vector.names().indexOf(name)];
  }

  @Test
  void shouldNameEveryFeatureOnceInTheDocumentedOrder() {
    List<String> names = vector.names();

    assertThat(names).hasSize(vector.size()).doesNotHaveDuplicates();
    assertThat(names)
        .containsExactly(
            "duration_s",
            "voiced_fraction",
            "f0_median_st",
            "f0_range_st",
            "final_slope_st_per_s",
            "speaking_rate_syl_per_s",
            "pause_count",
            "longest_pause_s",
            "loudness_lufs",
            "snr_db",
            "clipping_ratio",
            "dc_offset_abs",
            "bandwidth_khz",
            "leading_silence_s",
            "trailing_silence_s",
            "has_text",
            "score_prosody_appropriateness",
            "score_acoustic_arousal",
            "score_audio_quality",
            "score_content_accuracy",
            "score_nonspeech_naming");
  }

  @Test
  void shouldTakeMeasurementsAndJudgeScoresOfOneResponse() {
    float[] samples = tone();
    ProsodyFeatures prosody = ProsodyAnalyzer.analyze(samples, RATE);
    QualityFeatures quality = QualityAnalyzer.analyze(samples, RATE);
    JudgeInput input =
        new JudgeInput(PromptExpectations.none(), "The answer.", "The answer.", prosody, quality);

    double[] values = vector.extract(input);

    assertThat(feature(values, "duration_s")).isEqualTo(prosody.durationSeconds());
    assertThat(feature(values, "voiced_fraction")).isEqualTo(prosody.voicedFraction());
    // 200 Hz is an octave above the 100 Hz reference.
    assertThat(feature(values, "f0_median_st")).isCloseTo(12, within(0.2));
    assertThat(feature(values, "loudness_lufs")).isEqualTo(quality.loudnessLufs());
    assertThat(feature(values, "clipping_ratio")).isZero();
    assertThat(feature(values, "has_text")).isEqualTo(1);
    assertThat(feature(values, "score_audio_quality")).isBetween(0.0, 1.0);
    assertThat(feature(values, "score_content_accuracy"))
        .as("a perfect transcript of the reference")
        .isEqualTo(1);
    assertThat(feature(values, "score_prosody_appropriateness"))
        .as("the prompt asks for no intonation, delivery or rate")
        .isNaN();
  }

  @Test
  void shouldMarkWhatCannotBeMeasuredAsMissing() {
    double[] values =
        vector.extract(new JudgeInput(PromptExpectations.none(), null, null, null, null));

    assertThat(feature(values, "has_text")).isZero();
    for (String name : vector.names()) {
      if (!name.equals("has_text")) {
        assertThat(feature(values, name)).as(name).isNaN();
      }
    }
  }
}
