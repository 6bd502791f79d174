package dev.earshot.judge.dsp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Where the end of an utterance goes: rising, falling or level, with a confidence. A heuristic,
 * tuned on synthetic speech-like clips (see {@code IntonationCorpusTest}), not a trained model.
 *
 * <p>Three steps make it hold up on long, fast questions whose rise sits only in the last syllable
 * and under 0 dB white noise, where a slope fitted to the last 250 ms of a full-band pitch track
 * does not:
 *
 * <ol>
 *   <li><b>A band-limited pitch track.</b> The signal is low-passed at {@value #BAND_EDGE_HZ} Hz
 *       (or twice the pitch ceiling, if higher) and decimated before tracking. F0 and its first
 *       harmonics are all there, but broadband noise loses most of its power (about 9 dB at 16
 *       kHz), so the quiet last syllable stays voiced in noise. The full-band track of {@link
 *       ProsodyAnalyzer} still gives the F0 statistics, which agree with Praat.
 *   <li><b>Octave errors.</b> The track is taken with a higher octave cost ({@value #OCTAVE_COST})
 *       than Praat's, and frames more than {@value #OCTAVE_FOLD_SEMITONES} semitones below the
 *       utterance's median F0 are taken for octave-down errors (common in noise and creak) and
 *       moved up an octave.
 *   <li><b>The end against the speaker's own baseline.</b> The decision value {@code finalRise}
 *       (semitones) is the mean of two cues: the median F0 of the last {@value #END_SECONDS} s of
 *       voiced frames minus the median F0 of the whole utterance (a statement ends below its median
 *       after declination and final fall; a question ends above it, however short the rise), and
 *       the Theil–Sen slope of the last {@value #FINAL_REGION_SECONDS} s of voiced frames times
 *       {@value #SLOPE_SECONDS} s.
 * </ol>
 *
 * RISING at {@code finalRise} ≥ +{@value #THRESHOLD_SEMITONES} semitone, FALLING at ≤ −{@value
 * #THRESHOLD_SEMITONES}, LEVEL in between; UNVOICED with less than {@value
 * #MIN_FINAL_VOICED_SECONDS} s of voicing in the final region.
 *
 * @param slopeSemitonesPerSecond Theil–Sen slope of the last {@value #FINAL_REGION_SECONDS} s of
 *     voiced frames of the band-limited track; {@code null} when unvoiced
 * @param finalRiseSemitones the decision value above; {@code null} when unvoiced
 * @param intonation the class
 * @param confidence 0..1: how far {@code finalRise} lies inside its class (1 − exp(−margin /
 *     {@value #CONFIDENCE_MARGIN_SEMITONES} st), the margin measured to the nearest class
 *     boundary), times the mean voicing strength of the final region's frames, times the share of
 *     the final region that is voiced; 0 when unvoiced
 */
public record FinalIntonation(
    Double slopeSemitonesPerSecond,
    Double finalRiseSemitones,
    Intonation intonation,
    double confidence) {

  /**
   * {@code finalRise} at or beyond this (semitones, either sign) is rising or falling. On the
   * tuning clips questions reached at least +0.8 and statements at most −1.6; a steady glide of ±1
   * semitone per second (level for practical purposes) gives about ±0.2.
   */
  public static final double THRESHOLD_SEMITONES = 0.5;

  /**
   * Octave cost of the intonation track, five times Praat's 0.01: with only a few harmonics left
   * below the band edge and noise on top, Praat's cost lets a high voice drop to half or a third of
   * its F0 at a quiet ending.
   */
  static final double OCTAVE_COST = 0.05;

  /** Low-pass edge of the signal the intonation track is taken from. */
  static final double BAND_EDGE_HZ = 1000;

  /** How much voiced speech, counted back from the end, the slope is fitted to. */
  static final double FINAL_REGION_SECONDS = 0.25;

  /** How much voiced speech, counted back from the end, gives the final F0. */
  static final double END_SECONDS = 0.06;

  /** The slope enters the decision as the change it makes over this time. */
  static final double SLOPE_SECONDS = 0.1;

  /** Below this much voiced speech in the final region there is no decision. */
  static final double MIN_FINAL_VOICED_SECONDS = 0.08;

  /** Frames this far below the median F0 are taken for octave-down errors. */
  static final double OCTAVE_FOLD_SEMITONES = 9;

  /** Margin (semitones) beyond a class boundary at which confidence reaches 1 − 1/e. */
  static final double CONFIDENCE_MARGIN_SEMITONES = 0.5;

  /** How far above the final region's lowest pitch the end must be to count as a final rise. */
  static final double VALLEY_RISE_SEMITONES = 2;

  static final FinalIntonation UNVOICED = new FinalIntonation(null, null, Intonation.UNVOICED, 0);

  /** Measures the final intonation of {@code samples} (mono, −1..1). */
  public static FinalIntonation measure(float[] samples, int sampleRate, PitchSettings settings) {
    double bandEdge = Math.max(BAND_EDGE_HZ, 2 * settings.maxPitchHz());
    int factor = Math.max(1, (int) Math.floor(sampleRate / (4 * bandEdge)));
    float[] band = lowPass(samples, sampleRate, bandEdge, factor);
    PitchSettings intonationSettings =
        new PitchSettings(
            settings.timeStepSeconds(),
            settings.minPitchHz(),
            settings.maxPitchHz(),
            settings.maxCandidates(),
            settings.silenceThreshold(),
            settings.voicingThreshold(),
            Math.max(settings.octaveCost(), OCTAVE_COST),
            settings.octaveJumpCost(),
            settings.voicedUnvoicedCost());
    PitchTrack track = PitchTracker.track(band, sampleRate / factor, intonationSettings);
    return fromTrack(track);
  }

  /** The decision on an existing pitch track (no band limiting). */
  static FinalIntonation fromTrack(PitchTrack track) {
    List<PitchFrame> voiced = ProsodyAnalyzer.stableVoicedFrames(track);
    double step = track.timeStepSeconds();
    int regionFrames = (int) Math.round(FINAL_REGION_SECONDS / step);
    if (voiced.isEmpty()
        || Math.min(regionFrames, voiced.size()) * step < MIN_FINAL_VOICED_SECONDS - 1e-9) {
      return UNVOICED;
    }
    double[] semitones = voiced.stream().mapToDouble(f -> semitones(f.f0Hz())).toArray();
    double median = median(semitones.clone());
    for (int i = 0; i < semitones.length; i++) {
      while (semitones[i] < median - OCTAVE_FOLD_SEMITONES) {
        semitones[i] += 12;
      }
    }
    double baseline = median(semitones.clone());
    int n = semitones.length;
    int endFrames = Math.max(1, (int) Math.round(END_SECONDS / step));
    double end = median(Arrays.copyOfRange(semitones, Math.max(0, n - endFrames), n));

    int regionStart = Math.max(0, n - regionFrames);
    List<double[]> points = new ArrayList<>();
    double strength = 0;
    for (int i = regionStart; i < n; i++) {
      points.add(new double[] {voiced.get(i).timeSeconds(), semitones[i]});
      strength += voiced.get(i).voicingStrength();
    }
    double slope = theilSen(points);
    double valley = Double.POSITIVE_INFINITY;
    for (int i = regionStart; i < n - endFrames; i++) {
      valley = Math.min(valley, semitones[i]);
    }
    // A question's rise may follow a consonant's dip inside the last word ("win-ter?"): the end
    // then sits well above the final region's valley although not above the utterance's median.
    double fromValley = Double.isInfinite(valley) ? 0 : end - valley - VALLEY_RISE_SEMITONES;
    double rise = Math.max(((end - baseline) + slope * SLOPE_SECONDS) / 2, fromValley);
    Intonation intonation =
        rise >= THRESHOLD_SEMITONES
            ? Intonation.RISING
            : rise <= -THRESHOLD_SEMITONES ? Intonation.FALLING : Intonation.LEVEL;
    double margin =
        switch (intonation) {
          case RISING -> rise - THRESHOLD_SEMITONES;
          case FALLING -> -THRESHOLD_SEMITONES - rise;
          default -> THRESHOLD_SEMITONES - Math.abs(rise);
        };
    double reliability =
        Math.min(1, strength / points.size()) * Math.min(1, points.size() / (double) regionFrames);
    double confidence = (1 - Math.exp(-margin / CONFIDENCE_MARGIN_SEMITONES)) * reliability;
    return new FinalIntonation(slope, rise, intonation, confidence);
  }

  /**
   * Windowed-sinc low-pass at {@code edgeHz} (Hann window, 8·factor taps but at least 16 on either
   * side, unit gain at DC), keeping every {@code factor}-th sample.
   */
  static float[] lowPass(float[] samples, int sampleRate, double edgeHz, int factor) {
    int half = 8 * Math.max(2, factor);
    int taps = 2 * half + 1;
    double[] kernel = new double[taps];
    double sum = 0;
    double cutoff = edgeHz / sampleRate;
    for (int i = 0; i < taps; i++) {
      int n = i - half;
      double sinc = n == 0 ? 2 * cutoff : Math.sin(2 * Math.PI * cutoff * n) / (Math.PI * n);
      double hann = 0.5 + 0.5 * Math.cos(Math.PI * n / (half + 1));
      kernel[i] = sinc * hann;
      sum += kernel[i];
    }
    float[] out = new float[samples.length / factor];
    for (int k = 0; k < out.length; k++) {
      int centre = k * factor;
      double acc = 0;
      int from = Math.max(0, centre - half);
      int to = Math.min(samples.length - 1, centre + half);
      for (int j = from; j <= to; j++) {
        acc += kernel[j - centre + half] * samples[j];
      }
      out[k] = (float) (acc / sum);
    }
    return out;
  }

  /**
   * Median of pairwise slopes: shrugs off the odd wrong frame at the very end, where a
   * least-squares fit would follow it.
   */
  private static double theilSen(List<double[]> points) {
    int size = points.size();
    if (size < 2) {
      return 0;
    }
    double[] slopes = new double[size * (size - 1) / 2];
    int k = 0;
    for (int i = 0; i < size; i++) {
      for (int j = i + 1; j < size; j++) {
        slopes[k++] = (points.get(j)[1] - points.get(i)[1]) / (points.get(j)[0] - points.get(i)[0]);
      }
    }
    return median(slopes);
  }

  private static double semitones(double hz) {
    return 12 * Math.log(hz) / Math.log(2);
  }

  /** Median; sorts {@code values} in place. */
  private static double median(double[] values) {
    Arrays.sort(values);
    int mid = values.length / 2;
    return values.length % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
  }
}
