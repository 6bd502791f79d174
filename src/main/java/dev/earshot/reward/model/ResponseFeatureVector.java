package dev.earshot.reward.model;

import dev.earshot.judge.dsp.ProsodyFeatures;
import dev.earshot.judge.dsp.QualityFeatures;
import dev.earshot.judge.scoring.AcousticArousalJudge;
import dev.earshot.judge.scoring.AudioQualityJudge;
import dev.earshot.judge.scoring.ContentAccuracyJudge;
import dev.earshot.judge.scoring.DimensionScore;
import dev.earshot.judge.scoring.Judge;
import dev.earshot.judge.scoring.JudgeInput;
import dev.earshot.judge.scoring.JudgeParameters;
import dev.earshot.judge.scoring.NonSpeechJudge;
import dev.earshot.judge.scoring.ProsodyAppropriatenessJudge;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The fixed feature vector of one response, computed from what a judge sees of it ({@link
 * JudgeInput}: the prompt's expectations and reference, the text channel, the measured prosody and
 * quality of the audio), so the same extraction runs at training time and whenever a trained reward
 * model scores a new clip. A feature that cannot be measured (no voiced frames, no text channel, a
 * prompt that asks nothing a built-in judge checks) is {@link Double#NaN}; {@link FeatureScaler}
 * turns it into the training average. The list and its order are in {@code judges/README.md}.
 */
public final class ResponseFeatureVector {

  /** Reference frequency of the semitone scale of {@code f0_median_st}. */
  private static final double F0_REFERENCE_HZ = 100;

  private record Feature(String name, Function<JudgeInput, Double> value) {}

  private final List<Feature> features;

  public ResponseFeatureVector() {
    List<Feature> all = new ArrayList<>();
    all.add(prosody("duration_s", ProsodyFeatures::durationSeconds));
    all.add(prosody("voiced_fraction", ProsodyFeatures::voicedFraction));
    all.add(
        prosody(
            "f0_median_st",
            p -> p.f0MedianHz() == null ? null : semitones(p.f0MedianHz() / F0_REFERENCE_HZ)));
    all.add(
        prosody(
            "f0_range_st", p -> p.f0MinHz() == null ? null : semitones(p.f0MaxHz() / p.f0MinHz())));
    all.add(prosody("final_slope_st_per_s", ProsodyFeatures::finalSlopeSemitonesPerSecond));
    all.add(prosody("speaking_rate_syl_per_s", ProsodyFeatures::speakingRateSyllablesPerSecond));
    all.add(prosody("pause_count", p -> (double) p.pauses().count()));
    all.add(prosody("longest_pause_s", p -> p.pauses().longestSeconds()));
    all.add(quality("loudness_lufs", QualityFeatures::loudnessLufs));
    all.add(quality("snr_db", QualityFeatures::snrDb));
    all.add(quality("clipping_ratio", QualityFeatures::clippingRatio));
    all.add(quality("dc_offset_abs", q -> Math.abs(q.dcOffset())));
    all.add(quality("bandwidth_khz", q -> q.bandwidthHz() == null ? null : q.bandwidthHz() / 1000));
    all.add(quality("leading_silence_s", QualityFeatures::leadingSilenceSeconds));
    all.add(quality("trailing_silence_s", QualityFeatures::trailingSilenceSeconds));
    all.add(
        new Feature(
            "has_text",
            input -> input.responseText() == null || input.responseText().isBlank() ? 0.0 : 1.0));
    all.add(
        score(
            new ProsodyAppropriatenessJudge(JudgeParameters.none(ProsodyAppropriatenessJudge.ID)),
            ProsodyAppropriatenessJudge.ID));
    all.add(
        score(
            new AcousticArousalJudge(JudgeParameters.none(AcousticArousalJudge.ID)),
            AcousticArousalJudge.ID));
    all.add(
        score(
            new AudioQualityJudge(JudgeParameters.none(AudioQualityJudge.ID)),
            AudioQualityJudge.ID));
    all.add(
        score(
            new ContentAccuracyJudge(JudgeParameters.none(ContentAccuracyJudge.ID)),
            ContentAccuracyJudge.ID));
    all.add(score(new NonSpeechJudge(JudgeParameters.none(NonSpeechJudge.ID)), NonSpeechJudge.ID));
    this.features = List.copyOf(all);
  }

  /** The feature names, in vector order. */
  public List<String> names() {
    return features.stream().map(Feature::name).toList();
  }

  /** The number of features. */
  public int size() {
    return features.size();
  }

  /** The raw (unscaled) features of one response; NaN where a feature cannot be measured. */
  public double[] extract(JudgeInput input) {
    double[] vector = new double[features.size()];
    for (int i = 0; i < vector.length; i++) {
      Double value = features.get(i).value().apply(input);
      vector[i] = value == null || !Double.isFinite(value) ? Double.NaN : value;
    }
    return vector;
  }

  private static Feature prosody(String name, Function<ProsodyFeatures, Double> value) {
    return new Feature(
        name, input -> input.prosody() == null ? null : value.apply(input.prosody()));
  }

  private static Feature quality(String name, Function<QualityFeatures, Double> value) {
    return new Feature(
        name, input -> input.quality() == null ? null : value.apply(input.quality()));
  }

  /** The score of a built-in judge with its default parameters, named {@code score_<judge id>}. */
  private static Feature score(Judge judge, String judgeId) {
    return new Feature(
        "score_" + judgeId.replace('-', '_'),
        input -> judge.score(input).map(DimensionScore::score).orElse(null));
  }

  private static double semitones(double ratio) {
    return 12 * Math.log(ratio) / Math.log(2);
  }
}
