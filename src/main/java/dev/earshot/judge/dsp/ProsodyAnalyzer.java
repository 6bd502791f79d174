package dev.earshot.judge.dsp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Computes {@link ProsodyFeatures}: F0 statistics from {@link PitchTracker}, final intonation from
 * {@link FinalIntonation}, speaking rate by the syllable-nuclei method of de Jong &amp; Wempe
 * (2009), and pauses from {@link SpeechActivity}.
 */
public final class ProsodyAnalyzer {

  /**
   * Voiced runs shorter than this are treated as tracking blips, left out of F0 statistics and
   * final slope.
   */
  static final double MIN_VOICED_RUN_SECONDS = 0.03;

  /** de Jong &amp; Wempe: intensity analysed with a 50 Hz pitch floor (64 ms effective window). */
  static final double SYLLABLE_INTENSITY_MIN_PITCH_HZ = 50;

  /** de Jong &amp; Wempe: peaks must be within this many dB of the 99th intensity percentile. */
  static final double SYLLABLE_PEAK_BELOW_LOUD_DB = 25;

  /**
   * de Jong &amp; Wempe: intensity must dip at least this much (dB) between a peak and the next.
   */
  static final double SYLLABLE_MIN_DIP_DB = 2;

  private static final double INTENSITY_STEP_SECONDS = 0.01;

  private ProsodyAnalyzer() {}

  /** Analyses {@code samples} (mono, −1..1) with the default pitch settings (75–500 Hz). */
  public static ProsodyFeatures analyze(float[] samples, int sampleRate) {
    return analyze(samples, sampleRate, PitchSettings.defaults());
  }

  public static ProsodyFeatures analyze(
      float[] samples, int sampleRate, PitchSettings pitchSettings) {
    PitchTrack track = PitchTracker.track(samples, sampleRate, pitchSettings);
    IntensityContour intensity =
        IntensityContour.smoothed(
            samples, sampleRate, SYLLABLE_INTENSITY_MIN_PITCH_HZ, INTENSITY_STEP_SECONDS);
    SpeechActivity activity = SpeechActivity.detect(samples, sampleRate);

    List<PitchFrame> stableVoiced = stableVoicedFrames(track);
    double[] f0 = stableVoiced.stream().mapToDouble(PitchFrame::f0Hz).toArray();
    double[] sorted = f0.clone();
    Arrays.sort(sorted);
    FinalIntonation ending = FinalIntonation.measure(samples, sampleRate, pitchSettings);
    int nuclei = countSyllableNuclei(intensity, track);
    double span = activity.speechSpanSeconds();
    return new ProsodyFeatures(
        samples.length / (double) sampleRate,
        track.voicedFraction(),
        f0.length == 0 ? null : Arrays.stream(f0).average().orElseThrow(),
        f0.length == 0 ? null : median(sorted),
        f0.length == 0 ? null : sorted[0],
        f0.length == 0 ? null : sorted[sorted.length - 1],
        f0.length < 2 ? null : sampleStandardDeviation(f0),
        ending.slopeSemitonesPerSecond(),
        ending.finalRiseSemitones(),
        ending.intonation(),
        ending.confidence(),
        span > 0 ? nuclei / span : 0,
        activity.pauses(),
        intensity,
        track.frames());
  }

  /**
   * Voiced frames that belong to voiced runs of at least {@value #MIN_VOICED_RUN_SECONDS} s, in
   * time order. The tracker, like Praat, now and then voices an isolated frame or two in a
   * fricative at some arbitrary F0; such blips would dominate F0 minimum and maximum and the final
   * slope, so the statistics skip them.
   */
  static List<PitchFrame> stableVoicedFrames(PitchTrack track) {
    List<PitchFrame> frames = track.frames();
    int minRun = (int) Math.ceil(MIN_VOICED_RUN_SECONDS / track.timeStepSeconds() - 1e-9);
    List<PitchFrame> stable = new ArrayList<>();
    int runStart = 0;
    for (int i = 0; i <= frames.size(); i++) {
      if (i < frames.size() && frames.get(i).voiced()) {
        continue;
      }
      if (i - runStart >= minRun) {
        stable.addAll(frames.subList(runStart, i));
      }
      runStart = i + 1;
    }
    return stable;
  }

  /**
   * Syllable nuclei after de Jong &amp; Wempe (2009): local intensity maxima no more than {@value
   * #SYLLABLE_PEAK_BELOW_LOUD_DB} dB below the 99th intensity percentile, followed by a dip of at
   * least {@value #SYLLABLE_MIN_DIP_DB} dB before the next such peak (or the end), and voiced.
   * Unlike the original script, the last peak is judged by its dip towards the end of the signal
   * rather than never counted.
   */
  static int countSyllableNuclei(IntensityContour intensity, PitchTrack track) {
    double[] db = intensity.decibels();
    double minimum = Arrays.stream(db).min().orElse(IntensityContour.FLOOR_DB);
    double threshold = Math.max(intensity.quantile(0.99) - SYLLABLE_PEAK_BELOW_LOUD_DB, minimum);
    List<Integer> peaks = new ArrayList<>();
    for (int i = 1; i + 1 < db.length; i++) {
      if (db[i] > threshold && db[i] > db[i - 1] && db[i] >= db[i + 1]) {
        peaks.add(i);
      }
    }
    int nuclei = 0;
    for (int p = 0; p < peaks.size(); p++) {
      int peak = peaks.get(p);
      int next = p + 1 < peaks.size() ? peaks.get(p + 1) : db.length - 1;
      double dip = db[peak];
      for (int i = peak; i <= next; i++) {
        dip = Math.min(dip, db[i]);
      }
      PitchFrame frame = track.frameAt(intensity.timeAt(peak));
      if (db[peak] - dip >= SYLLABLE_MIN_DIP_DB && frame != null && frame.voiced()) {
        nuclei++;
      }
    }
    return nuclei;
  }

  private static double median(double[] sorted) {
    int mid = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  }

  private static double sampleStandardDeviation(double[] values) {
    double mean = Arrays.stream(values).average().orElseThrow();
    double sum = 0;
    for (double v : values) {
      sum += (v - mean) * (v - mean);
    }
    return Math.sqrt(sum / (values.length - 1));
  }
}
