package dev.earshot.judge.scoring;

import dev.earshot.judge.dsp.IntensityContour;
import dev.earshot.judge.dsp.PitchFrame;
import dev.earshot.judge.dsp.ProsodyFeatures;
import dev.earshot.judge.dsp.QualityFeatures;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * An acoustic arousal estimate: a heuristic over four cues that rise with vocal activation, not an
 * emotion classifier. Each cue is standardised against a neutral anchor, {@code z = (value −
 * neutral) / spread}, clipped to ±{@code cueLimit} so that no single cue decides alone, and the
 * estimate is their weighted mean:
 *
 * <ul>
 *   <li>F0 range (5th to 95th percentile of the voiced frames, semitones, so speaker-independent):
 *       lively speech swings wide, calm speech stays narrow. Percentiles rather than minimum and
 *       maximum, so that an octave jump of the pitch tracker does not read as excitement;
 *   <li>speaking rate (syllables per second): aroused speech is faster;
 *   <li>intensity variation (standard deviation of the intensity contour over the speech frames,
 *       those within {@value #SPEECH_FRAME_RANGE_DB} dB of the 99th percentile);
 *   <li>loudness (LUFS): aroused speech is louder.
 * </ul>
 *
 * The two level cues are weighted half by default: recording gain and background noise move them as
 * much as the voice does. F0 and rate need voiced speech; with less than {@code minVoicedSeconds}
 * of it they are left out. The estimate maps to {@link ArousalLevel#LOW} below −{@code
 * levelBoundary}, {@link ArousalLevel#HIGH} above +{@code levelBoundary}, neutral between.
 */
public final class AcousticArousalEstimator {

  /**
   * Intensity frames this far below the 99th percentile or further are pauses or background, not
   * speech.
   */
  static final double SPEECH_FRAME_RANGE_DB = 25;

  private static final int MIN_INTENSITY_FRAMES = 10;

  private final Cue f0Range;
  private final Cue speakingRate;
  private final Cue intensitySd;
  private final Cue loudness;
  private final double cueLimit;
  private final double minVoicedSeconds;
  private final double levelBoundary;
  private final double agreementScale;

  /**
   * Reads the anchors from judge parameters, each defaulting to the values in {@code
   * judges/README.md}.
   */
  AcousticArousalEstimator(JudgeParameters.Reader parameters) {
    f0Range = Cue.read(parameters, "f0RangeSemitones", 8, 4, 1);
    speakingRate = Cue.read(parameters, "speakingRateSyllablesPerSecond", 4.5, 1, 1);
    intensitySd = Cue.read(parameters, "intensitySdDb", 6, 2, 0.5);
    loudness = Cue.read(parameters, "loudnessLufs", -23, 6, 0.5);
    cueLimit = parameters.positiveNumber("cueLimit", 2);
    minVoicedSeconds = parameters.nonNegativeNumber("minVoicedSeconds", 0.2);
    levelBoundary = parameters.nonNegativeNumber("levelBoundary", 0.5);
    agreementScale = parameters.positiveNumber("agreementScale", 0.25);
  }

  /** The estimate, or empty when no cue can be measured (silence). */
  public Optional<AcousticArousalEstimate> estimate(
      ProsodyFeatures prosody, QualityFeatures quality) {
    boolean voiced = prosody.voicedFraction() * prosody.durationSeconds() >= minVoicedSeconds;
    Double range = voiced ? f0RangeSemitones(prosody) : null;
    Double rate = voiced ? prosody.speakingRateSyllablesPerSecond() : null;
    Double intensity = speechIntensitySd(prosody.intensityContour());
    Double level = quality.loudnessLufs();

    double weighted = 0;
    double weights = 0;
    for (Measured measured :
        List.of(
            new Measured(f0Range, range),
            new Measured(speakingRate, rate),
            new Measured(intensitySd, intensity),
            new Measured(loudness, level))) {
      if (measured.value != null) {
        double z = (measured.value - measured.cue.neutral) / measured.cue.spread;
        weighted += measured.cue.weight * Math.max(-cueLimit, Math.min(cueLimit, z));
        weights += measured.cue.weight;
      }
    }
    if (weights == 0) {
      return Optional.empty();
    }
    double value = weighted / weights;
    ArousalLevel arousal =
        value < -levelBoundary
            ? ArousalLevel.LOW
            : value > levelBoundary ? ArousalLevel.HIGH : ArousalLevel.NEUTRAL;
    return Optional.of(new AcousticArousalEstimate(value, arousal, range, rate, intensity, level));
  }

  /**
   * How well an estimate fits the expected level, 0..1: logistic in the distance past the level
   * boundary (½ right on it), for neutral the product of both sides scaled to 1 at an estimate of
   * 0.
   */
  public double agreement(AcousticArousalEstimate estimate, ArousalLevel expected) {
    double value = estimate.value();
    double aboveLow = ScoreCurves.logistic((value + levelBoundary) / agreementScale);
    double belowHigh = ScoreCurves.logistic((levelBoundary - value) / agreementScale);
    return switch (expected) {
      case LOW -> 1 - aboveLow;
      case HIGH -> 1 - belowHigh;
      case NEUTRAL -> {
        double atCentre = ScoreCurves.logistic(levelBoundary / agreementScale);
        yield Math.min(1, aboveLow * belowHigh / (atCentre * atCentre));
      }
    };
  }

  static Double f0RangeSemitones(ProsodyFeatures prosody) {
    double[] semitones =
        prosody.pitchTrack().stream()
            .filter(PitchFrame::voiced)
            .mapToDouble(frame -> 12 * Math.log(frame.f0Hz()) / Math.log(2))
            .sorted()
            .toArray();
    if (semitones.length < 2) {
      return null;
    }
    return quantile(semitones, 0.95) - quantile(semitones, 0.05);
  }

  static Double speechIntensitySd(IntensityContour contour) {
    double floor = contour.quantile(0.99) - SPEECH_FRAME_RANGE_DB;
    double[] speech =
        Arrays.stream(contour.decibels())
            .filter(db -> db > floor && db > IntensityContour.FLOOR_DB)
            .toArray();
    if (speech.length < MIN_INTENSITY_FRAMES) {
      return null;
    }
    double mean = Arrays.stream(speech).average().orElseThrow();
    double sumSquares = Arrays.stream(speech).map(db -> (db - mean) * (db - mean)).sum();
    return Math.sqrt(sumSquares / (speech.length - 1));
  }

  private static double quantile(double[] sorted, double q) {
    double position = q * (sorted.length - 1);
    int below = (int) Math.floor(position);
    int above = Math.min(sorted.length - 1, below + 1);
    return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
  }

  /**
   * A cue's anchor: the value of neutral speech, how far from it counts as one unit, and its
   * weight.
   */
  private record Cue(double neutral, double spread, double weight) {

    static Cue read(
        JudgeParameters.Reader parameters,
        String name,
        double neutral,
        double spread,
        double weight) {
      return new Cue(
          parameters.number(name + "Neutral", neutral),
          parameters.positiveNumber(name + "Spread", spread),
          parameters.nonNegativeNumber(name + "Weight", weight));
    }
  }

  private record Measured(Cue cue, Double value) {}
}
