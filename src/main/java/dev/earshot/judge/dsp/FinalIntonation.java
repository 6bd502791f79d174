package dev.earshot.judge.dsp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Where the end of an utterance goes: rising, falling or level, with a confidence. A heuristic,
 * tuned on synthetic speech-like clips (see {@code IntonationCorpusTest}), not a trained model.
 *
 * <p>Four steps make it hold up on long, fast questions whose rise sits only in the last syllable
 * and under 0 dB white noise, where a slope fitted to the last 250 ms of a full-band pitch track
 * does not:
 *
 * <ol>
 *   <li><b>A band-limited, noise-compensated pitch track.</b> The signal is low-passed at {@value
 *       #BAND_EDGE_HZ} Hz (or twice the pitch ceiling, if higher) and decimated before tracking. F0
 *       and its first harmonics are all there, but broadband noise loses most of its power (about 9
 *       dB at 16 kHz). The tracker also takes the signal's noise floor out of each frame's
 *       autocorrelation (see {@link PitchTracker}), so a quiet last syllable at about 0 dB local
 *       SNR keeps the voicing strength it has in the clean. The full-band track of {@link
 *       ProsodyAnalyzer} still gives the F0 statistics, which agree with Praat.
 *   <li><b>Only the voice.</b> Runs of voiced frames are cut where F0 jumps by more than {@value
 *       #MAX_JUMP_SEMITONES} semitones between frames; short pieces and whole runs more than an
 *       octave above the utterance's median are dropped (see {@link #voiceFrames}).
 *   <li><b>Octave errors.</b> The track is taken with a higher octave cost ({@value #OCTAVE_COST})
 *       than Praat's, and frames more than {@value #OCTAVE_FOLD_SEMITONES} semitones below the
 *       utterance's median F0 are taken for octave-down errors (common in noise and creak) and
 *       moved up an octave.
 *   <li><b>The end against the speaker's own baseline, or a rise in the last word.</b> The decision
 *       value {@code finalRise} (semitones) is the largest of three cues. (a) The mean of the
 *       median F0 of the last {@value #END_SECONDS} s of voiced frames minus the median F0 of the
 *       whole utterance (a statement ends below its median after declination and final fall; a
 *       question ends above it, however short the rise) and the Theil–Sen slope of the last {@value
 *       #FINAL_REGION_SECONDS} s of voiced frames times {@value #SLOPE_SECONDS} s. (b) The rise of
 *       the Theil–Sen line through the frames from the final region's lowest pitch on (the valley
 *       being sought before the last {@value #END_SECONDS} s), less {@value #VALLEY_RISE_SEMITONES}
 *       semitones. (c) The rise of the Theil–Sen line through the last voiced stretch of the final
 *       region (the last syllable's voicing, when longer than {@value #END_SECONDS} s), less the
 *       same {@value #VALLEY_RISE_SEMITONES} semitones. (b) and (c) catch a question whose rise
 *       follows a consonant's dip inside the last word; the 2 semitones lie above the bumps
 *       microprosody puts into a falling end.
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
   * {@code finalRise} at or beyond this (semitones, either sign) is rising or falling. On the 180
   * synthetic clips of {@code IntonationCorpusTest} every clip lies at least 1.1 semitones on its
   * own side; on espeak-ng speech the closest question reaches +0.64 and the closest statement
   * −0.78. A steady glide of ±1 semitone per second (level for practical purposes) gives about
   * ±0.2.
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

  /** An F0 step between adjacent frames larger than this (semitones) is a tracking error. */
  static final double MAX_JUMP_SEMITONES = 3;

  /** Voiced runs whose median lies this far above the utterance's median F0 are not the voice. */
  static final double RUN_ABOVE_VOICE_SEMITONES = 12;

  /** Margin (semitones) beyond a class boundary at which confidence reaches 1 − 1/e. */
  static final double CONFIDENCE_MARGIN_SEMITONES = 0.5;

  /**
   * How much a rise after the final region's lowest pitch, or inside the last voiced stretch, must
   * exceed to count as a final rise.
   */
  static final double VALLEY_RISE_SEMITONES = 2;

  static final FinalIntonation UNVOICED = new FinalIntonation(null, null, Intonation.UNVOICED, 0);

  /** Measures the final intonation of {@code samples} (mono, −1..1). */
  public static FinalIntonation measure(float[] samples, int sampleRate, PitchSettings settings) {
    return fromTrack(bandLimitedTrack(samples, sampleRate, settings));
  }

  /** The pitch track the decision is taken from (step 1 of the class comment). */
  static PitchTrack bandLimitedTrack(float[] samples, int sampleRate, PitchSettings settings) {
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
            settings.voicedUnvoicedCost(),
            true);
    return PitchTracker.track(band, sampleRate / factor, intonationSettings);
  }

  /** The decision on an existing pitch track (no band limiting). */
  static FinalIntonation fromTrack(PitchTrack track) {
    double step = track.timeStepSeconds();
    List<PitchFrame> voiced = voiceFrames(track);
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
    // The valley is sought before the last END_SECONDS, so the rise after it is a fit to at least
    // that many frames, not a step to one stray end frame.
    int valley = regionStart;
    for (int i = regionStart; i < Math.max(regionStart + 1, n - endFrames); i++) {
      if (semitones[i] < semitones[valley]) {
        valley = i;
      }
    }
    // A question's rise may follow a consonant's dip inside the last word ("win-ter?"): the end
    // then sits well above the final region's valley although not above the utterance's median.
    // The rise is the Theil-Sen line through the frames from the valley on, over their span: a
    // median of the last frames would cut a rise that lasts no longer than that median's window.
    double fromValley =
        lineRise(points.subList(valley - regionStart, points.size())) - VALLEY_RISE_SEMITONES;
    // Or the rise sits inside the last voiced stretch (the last syllable), after a dip in the
    // stretch before it that need not be the region's lowest pitch.
    int runStart = points.size() - 1;
    while (runStart > 0 && points.get(runStart)[0] - points.get(runStart - 1)[0] < 1.5 * step) {
      runStart--;
    }
    double withinFinalRun =
        points.size() - runStart > endFrames
            ? lineRise(points.subList(runStart, points.size())) - VALLEY_RISE_SEMITONES
            : Double.NEGATIVE_INFINITY;
    double rise =
        Math.max(
            ((end - baseline) + slope * SLOPE_SECONDS) / 2, Math.max(fromValley, withinFinalRun));
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
   * The frames of {@code track} taken to be the voice, in time order. The track is cut into runs of
   * consecutive voiced frames, a run also ending where F0 jumps by more than {@value
   * #MAX_JUMP_SEMITONES} semitones from one frame to the next (a voice moves at most about 1
   * semitone in 10 ms, so such a jump is the tracker switching to another harmonic, typically as a
   * voice fades into noise). Runs shorter than {@value ProsodyAnalyzer#MIN_VOICED_RUN_SECONDS} s
   * are dropped as blips, and so is every run whose median F0 lies more than {@value
   * #RUN_ABOVE_VOICE_SEMITONES} semitones above the median of the rest: no speaker's voice sits
   * there for a whole run, but the tracker does in the aspiration of a final /t/ or in a fricative,
   * where the noise rings at the first formant and its autocorrelation peaks at the formant's
   * period (about 400 Hz after a low male voice's "night.").
   */
  static List<PitchFrame> voiceFrames(PitchTrack track) {
    double step = track.timeStepSeconds();
    int minRun = (int) Math.ceil(ProsodyAnalyzer.MIN_VOICED_RUN_SECONDS / step - 1e-9);
    List<List<PitchFrame>> runs = new ArrayList<>();
    List<PitchFrame> run = new ArrayList<>();
    for (PitchFrame frame : track.frames()) {
      boolean continues =
          frame.voiced()
              && !run.isEmpty()
              && Math.abs(semitones(frame.f0Hz()) - semitones(run.get(run.size() - 1).f0Hz()))
                  <= MAX_JUMP_SEMITONES;
      if (!continues) {
        if (run.size() >= minRun) {
          runs.add(run);
        }
        run = new ArrayList<>();
      }
      if (frame.voiced()) {
        run.add(frame);
      }
    }
    if (run.size() >= minRun) {
      runs.add(run);
    }
    if (runs.isEmpty()) {
      return List.of();
    }
    double median =
        median(runs.stream().flatMap(List::stream).mapToDouble(f -> semitones(f.f0Hz())).toArray());
    List<PitchFrame> voice = new ArrayList<>();
    for (List<PitchFrame> candidate : runs) {
      double runMedian = median(candidate.stream().mapToDouble(f -> semitones(f.f0Hz())).toArray());
      if (runMedian <= median + RUN_ABOVE_VOICE_SEMITONES) {
        voice.addAll(candidate);
      }
    }
    return voice;
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
      double acc;
      if (centre >= half && centre + half < samples.length) {
        // The kernel is symmetric: one multiplication per pair of taps.
        acc = kernel[half] * samples[centre];
        for (int n = 1; n <= half; n++) {
          acc += kernel[half + n] * ((double) samples[centre - n] + samples[centre + n]);
        }
      } else {
        acc = 0;
        int from = Math.max(0, centre - half);
        int to = Math.min(samples.length - 1, centre + half);
        for (int j = from; j <= to; j++) {
          acc += kernel[j - centre + half] * samples[j];
        }
      }
      out[k] = (float) (acc / sum);
    }
    return out;
  }

  /** How much the Theil–Sen line through {@code points} rises from the first to the last. */
  private static double lineRise(List<double[]> points) {
    return theilSen(points) * (points.get(points.size() - 1)[0] - points.get(0)[0]);
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
