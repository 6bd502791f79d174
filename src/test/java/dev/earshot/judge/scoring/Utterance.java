package dev.earshot.judge.scoring;

import dev.earshot.judge.dsp.FinalIntonation;
import dev.earshot.judge.dsp.IntensityContour;
import dev.earshot.judge.dsp.Intonation;
import dev.earshot.judge.dsp.Pauses;
import dev.earshot.judge.dsp.PitchFrame;
import dev.earshot.judge.dsp.ProsodyFeatures;
import dev.earshot.judge.dsp.QualityFeatures;
import java.util.ArrayList;
import java.util.List;

/**
 * Hand-made features of a 2 s utterance for judge tests, by default clean neutral speech: the F0
 * contour sweeps {@code f0RangeSemitones} between its 5th and 95th percentile, the intensity of the
 * speech frames has exactly {@code intensitySdDb} sample standard deviation.
 */
final class Utterance {

  private static final int FRAMES = 200;
  private static final double STEP_SECONDS = 0.01;

  private double voicedFraction = 0.7;
  private double f0RangeSemitones = 8;
  private Double finalRise = -4.0;
  private double speakingRate = 4.5;
  private double intensitySdDb = 6;
  private Double loudnessLufs = -23.0;
  private double clippingRatio;
  private Double snrDb = 40.0;
  private double dcOffset;

  /** Clean wideband speech at 16 kHz reaches close to its 8 kHz Nyquist frequency. */
  private Double bandwidthHz = 7600.0;

  private double longestInternalSilenceSeconds;
  private int sampleRate = 16_000;
  private final List<Double> blipsHz = new ArrayList<>();

  Utterance voicedFraction(double fraction) {
    voicedFraction = fraction;
    return this;
  }

  Utterance f0RangeSemitones(double semitones) {
    f0RangeSemitones = semitones;
    return this;
  }

  /** Sets the intonation decision value; the final slope is set to ten times it. */
  Utterance finalRise(Double semitones) {
    finalRise = semitones;
    return this;
  }

  Utterance speakingRate(double syllablesPerSecond) {
    speakingRate = syllablesPerSecond;
    return this;
  }

  Utterance intensitySdDb(double decibels) {
    intensitySdDb = decibels;
    return this;
  }

  Utterance loudnessLufs(Double lufs) {
    loudnessLufs = lufs;
    return this;
  }

  Utterance clippingRatio(double ratio) {
    clippingRatio = ratio;
    return this;
  }

  Utterance snrDb(Double decibels) {
    snrDb = decibels;
    return this;
  }

  Utterance dcOffset(double offset) {
    dcOffset = offset;
    return this;
  }

  Utterance bandwidthHz(Double hz) {
    bandwidthHz = hz;
    return this;
  }

  Utterance sampleRate(int rate) {
    sampleRate = rate;
    return this;
  }

  Utterance longestInternalSilenceSeconds(double seconds) {
    longestInternalSilenceSeconds = seconds;
    return this;
  }

  /** Replaces the first voiced frames by these F0 values, as pitch-tracker octave errors would. */
  Utterance blipsHz(double... hz) {
    for (double value : hz) {
      blipsHz.add(value);
    }
    return this;
  }

  ProsodyFeatures prosody() {
    int voiced = (int) Math.round(voicedFraction * FRAMES);
    double lowSemitones = 12 * Math.log(120) / Math.log(2);
    double spanSemitones = f0RangeSemitones / 0.9;
    List<PitchFrame> frames = new ArrayList<>();
    for (int i = 0; i < FRAMES; i++) {
      Double f0 = null;
      if (i < voiced) {
        double position = voiced > 1 ? i / (double) (voiced - 1) : 0;
        f0 =
            i < blipsHz.size()
                ? blipsHz.get(i)
                : Math.pow(2, (lowSemitones + position * spanSemitones) / 12);
      }
      frames.add(new PitchFrame((i + 0.5) * STEP_SECONDS, f0, f0 == null ? 0.1 : 0.9));
    }
    // Alternating levels around −20 dB; scaled so that the sample standard deviation is exactly
    // intensitySdDb.
    double amplitude = intensitySdDb * Math.sqrt((FRAMES - 1) / (double) FRAMES);
    double[] decibels = new double[FRAMES];
    for (int i = 0; i < FRAMES; i++) {
      decibels[i] = -20 + (i % 2 == 0 ? amplitude : -amplitude);
    }
    boolean anyVoiced = voiced > 0;
    return new ProsodyFeatures(
        FRAMES * STEP_SECONDS,
        voiced / (double) FRAMES,
        anyVoiced ? 150.0 : null,
        anyVoiced ? 150.0 : null,
        anyVoiced ? 120.0 : null,
        anyVoiced ? 200.0 : null,
        anyVoiced ? 20.0 : null,
        anyVoiced && finalRise != null ? 10 * finalRise : null,
        anyVoiced ? finalRise : null,
        intonation(anyVoiced ? finalRise : null),
        anyVoiced && finalRise != null ? 0.9 : 0,
        speakingRate,
        new Pauses(0, 0, 0),
        new IntensityContour(STEP_SECONDS / 2, STEP_SECONDS, decibels),
        frames);
  }

  QualityFeatures quality() {
    return new QualityFeatures(
        FRAMES * STEP_SECONDS,
        sampleRate,
        1,
        loudnessLufs,
        loudnessLufs,
        loudnessLufs == null ? null : loudnessLufs + 12,
        loudnessLufs == null ? null : loudnessLufs + 12.5,
        snrDb,
        clippingRatio,
        dcOffset,
        bandwidthHz,
        0.1,
        0.1,
        longestInternalSilenceSeconds,
        longestInternalSilenceSeconds);
  }

  private static Intonation intonation(Double rise) {
    if (rise == null) {
      return Intonation.UNVOICED;
    }
    double threshold = FinalIntonation.THRESHOLD_SEMITONES;
    return rise >= threshold
        ? Intonation.RISING
        : rise <= -threshold ? Intonation.FALLING : Intonation.LEVEL;
  }
}
