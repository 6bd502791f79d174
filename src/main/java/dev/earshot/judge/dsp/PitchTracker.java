package dev.earshot.judge.dsp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Autocorrelation pitch tracker after Boersma (1993), the algorithm behind Praat's {@code To Pitch
 * (ac)}.
 *
 * <p>Each frame's Hann-windowed autocorrelation is divided by the window's own autocorrelation,
 * which removes the taper's bias towards short lags; its local maxima (parabolically interpolated)
 * become voiced candidates next to one unvoiced candidate whose strength grows as the frame gets
 * quieter than the loudest part of the signal. A Viterbi search then picks one candidate per frame,
 * paying for octave jumps and voicing changes. Chosen over YIN/pYIN because the accuracy target is
 * agreement with Praat, and using Praat's own method and costs is the shortest way to agree with
 * it, octave decisions included.
 *
 * <p>With {@link PitchSettings#noiseCompensated()} (not Praat; the intonation track uses it) the
 * tracker first estimates the signal's stationary noise floor, the windowed energy of its quietest
 * frames, and raises each frame's normalised autocorrelation by the factor that white noise of that
 * energy took from it (see {@link #noiseGains}), so voicing decisions in noise are made on roughly
 * the periodicity the clean voice has. On a clean recording with any silence the floor is zero and
 * the track is Praat's.
 *
 * <p>Autocorrelations come from FFTs of two frames packed into one complex transform, so a frame
 * costs one FFT of the next power of two above window plus maximum lag.
 */
public final class PitchTracker {

  /** Praat's window for the AC method: three periods of the pitch floor. */
  private static final double PERIODS_PER_WINDOW = 3.0;

  /** Share of frames taken to be noise only when estimating the noise floor. */
  private static final double NOISE_FLOOR_QUANTILE = 0.1;

  private static final double INVERSE_LN_2 = 1 / Math.log(2);

  private final PitchSettings settings;
  private final int sampleRate;
  private final int windowLength;
  private final int minLag;
  private final int maxLag;

  /** log2 of the pitch ceiling. */
  private final double maxPitchOctaves;

  private final double[] window;

  /** 1 / the window's normalised autocorrelation per lag: frames are divided by it. */
  private final double[] inverseWindowAutocorrelation;

  private final Fft fft;
  private final double[] re;
  private final double[] im;

  /** Normalised autocorrelation of the frame being examined, reused across frames. */
  private final double[] normalised;

  private PitchTracker(int sampleRate, PitchSettings settings) {
    this.settings = settings;
    this.sampleRate = sampleRate;
    windowLength = (int) Math.round(PERIODS_PER_WINDOW * sampleRate / settings.minPitchHz());
    minLag = Math.max(2, (int) Math.floor(sampleRate / settings.maxPitchHz()));
    maxLag = Math.min((int) Math.ceil(sampleRate / settings.minPitchHz()), windowLength / 2);
    if (minLag + 2 > maxLag) {
      throw new IllegalArgumentException("pitch range too narrow for sample rate " + sampleRate);
    }
    maxPitchOctaves = log2(settings.maxPitchHz());
    window = new double[windowLength];
    for (int i = 0; i < windowLength; i++) {
      window[i] = 0.5 - 0.5 * Math.cos(2 * Math.PI * (i + 1) / (windowLength + 1));
    }
    fft = Fft.ofSize(Fft.sizeAtLeast(windowLength + maxLag + 2));
    re = new double[fft.size()];
    im = new double[fft.size()];
    System.arraycopy(window, 0, re, 0, windowLength);
    autocorrelatePair();
    normalised = new double[maxLag + 2];
    inverseWindowAutocorrelation = new double[maxLag + 2];
    for (int lag = 0; lag < inverseWindowAutocorrelation.length; lag++) {
      inverseWindowAutocorrelation[lag] = re[0] / re[lag];
    }
  }

  /**
   * Tracks F0 over {@code samples}. Frames are centred over the signal as Praat centres them; a
   * signal shorter than one analysis window (three periods of the pitch floor) gives an empty
   * track.
   */
  public static PitchTrack track(float[] samples, int sampleRate, PitchSettings settings) {
    if (sampleRate <= 0) {
      throw new IllegalArgumentException("sampleRate must be positive");
    }
    return new PitchTracker(sampleRate, settings).run(samples);
  }

  /** {@link #track(float[], int, PitchSettings)} with {@link PitchSettings#defaults()}. */
  public static PitchTrack track(float[] samples, int sampleRate) {
    return track(samples, sampleRate, PitchSettings.defaults());
  }

  private PitchTrack run(float[] samples) {
    double timeStep = settings.timeStepSeconds();
    double duration = samples.length / (double) sampleRate;
    double windowDuration = windowLength / (double) sampleRate;
    if (duration < windowDuration) {
      return new PitchTrack(timeStep, List.of());
    }
    int frameCount = (int) Math.floor((duration - windowDuration) / timeStep + 1e-9) + 1;
    double firstCentre = (duration - (frameCount - 1) * timeStep) / 2;
    double globalPeak = globalPeak(samples);
    double[] noiseGains = noiseGains(samples, firstCentre, frameCount);

    FrameCandidates[] candidates = new FrameCandidates[frameCount];
    for (int frame = 0; frame < frameCount; frame += 2) {
      int second = Math.min(frame + 1, frameCount - 1);
      int startA = frameStart(firstCentre, frame, samples.length);
      int startB = frameStart(firstCentre, second, samples.length);
      double peakA = loadFrame(samples, startA, re);
      double peakB = loadFrame(samples, startB, im);
      autocorrelatePair();
      candidates[frame] = candidatesOf(re, peakA, globalPeak, noiseGains[frame]);
      candidates[second] = candidatesOf(im, peakB, globalPeak, noiseGains[second]);
    }
    int[] path = bestPath(candidates);

    List<PitchFrame> frames = new ArrayList<>(frameCount);
    for (int frame = 0; frame < frameCount; frame++) {
      FrameCandidates c = candidates[frame];
      int chosen = path[frame];
      Double f0 = chosen < 0 ? null : c.frequency[chosen];
      double strength = chosen < 0 ? c.bestStrength() : c.strength[chosen];
      frames.add(new PitchFrame(firstCentre + frame * timeStep, f0, strength));
    }
    return new PitchTrack(timeStep, frames);
  }

  private int frameStart(double firstCentre, int frame, int sampleCount) {
    double centre = (firstCentre + frame * settings.timeStepSeconds()) * sampleRate;
    int start = (int) Math.round(centre - windowLength / 2.0);
    return Math.max(0, Math.min(sampleCount - windowLength, start));
  }

  /**
   * Per frame, the factor its normalised autocorrelation is raised by to undo stationary white
   * noise; all 1 without {@link PitchSettings#noiseCompensated()}. The noise's windowed energy N is
   * the {@value #NOISE_FLOOR_QUANTILE} quantile of all frames' windowed energies (speech leaves
   * pauses and closures, so the quietest frames hold little but the noise). White noise adds its
   * energy at lag 0 only, so a periodic signal's peak drops from r to r·S/(S+N), and a frame of
   * energy E = S + N gets the gain E/S. S is taken no smaller than N: below 0 dB local SNR the
   * difference is too uncertain to divide by, and a frame at or below the noise floor keeps gain 1,
   * so noise alone is not made to look periodic. The gain is therefore at most 2.
   */
  private double[] noiseGains(float[] samples, double firstCentre, int frameCount) {
    double[] gains = new double[frameCount];
    Arrays.fill(gains, 1);
    if (!settings.noiseCompensated()) {
      return gains;
    }
    double[] energies = new double[frameCount];
    for (int frame = 0; frame < frameCount; frame++) {
      energies[frame] = windowedEnergy(samples, frameStart(firstCentre, frame, samples.length));
    }
    double[] sorted = energies.clone();
    Arrays.sort(sorted);
    double noise = sorted[(int) Math.floor(NOISE_FLOOR_QUANTILE * (frameCount - 1))];
    for (int frame = 0; frame < frameCount; frame++) {
      double energy = energies[frame];
      if (energy > noise) {
        gains[frame] = energy / Math.max(energy - noise, noise);
      }
    }
    return gains;
  }

  /** Energy of one frame, mean removed and windowed, as {@link #loadFrame} prepares it. */
  private double windowedEnergy(float[] samples, int start) {
    double mean = 0;
    for (int i = 0; i < windowLength; i++) {
      mean += samples[start + i];
    }
    mean /= windowLength;
    double energy = 0;
    for (int i = 0; i < windowLength; i++) {
      double windowed = (samples[start + i] - mean) * window[i];
      energy += windowed * windowed;
    }
    return energy;
  }

  private static double globalPeak(float[] samples) {
    double mean = 0;
    for (float s : samples) {
      mean += s;
    }
    mean /= samples.length;
    double peak = 0;
    for (float s : samples) {
      peak = Math.max(peak, Math.abs(s - mean));
    }
    return peak;
  }

  /**
   * Copies one frame, mean removed and windowed, into {@code target}; returns its absolute peak.
   */
  private double loadFrame(float[] samples, int start, double[] target) {
    double mean = 0;
    for (int i = 0; i < windowLength; i++) {
      mean += samples[start + i];
    }
    mean /= windowLength;
    double peak = 0;
    for (int i = 0; i < windowLength; i++) {
      double centred = samples[start + i] - mean;
      peak = Math.max(peak, Math.abs(centred));
      target[i] = centred * window[i];
    }
    Arrays.fill(target, windowLength, target.length, 0);
    return peak;
  }

  /**
   * Replaces the real signal in {@link #re} and the one in {@link #im} by their (unnormalised)
   * autocorrelations: one forward FFT of re + i·im, separation of the two spectra by conjugate
   * symmetry, then one inverse FFT of power spectrum A + i·power spectrum B.
   */
  private void autocorrelatePair() {
    fft.forward(re, im);
    int n = fft.size();
    for (int k = 0; k <= n / 2; k++) {
      int mirror = (n - k) & (n - 1);
      double sumRe = re[k] + re[mirror];
      double sumIm = im[k] - im[mirror];
      double diffRe = re[k] - re[mirror];
      double diffIm = im[k] + im[mirror];
      double powerA = (sumRe * sumRe + sumIm * sumIm) / 4;
      double powerB = (diffRe * diffRe + diffIm * diffIm) / 4;
      re[k] = powerA;
      re[mirror] = powerA;
      im[k] = powerB;
      im[mirror] = powerB;
    }
    fft.inverseUnscaled(re, im);
  }

  private FrameCandidates candidatesOf(
      double[] autocorrelation, double localPeak, double globalPeak, double noiseGain) {
    double intensity = globalPeak == 0 ? 0 : Math.min(1, localPeak / globalPeak);
    double voicing = settings.voicingThreshold();
    double unvoicedStrength =
        voicing + Math.max(0, 2 - intensity / (settings.silenceThreshold() / (1 + voicing)));
    FrameCandidates result = new FrameCandidates(settings.maxCandidates() - 1, unvoicedStrength);
    double energy = autocorrelation[0];
    if (energy <= 0) {
      return result;
    }
    double[] r = normalised;
    double scale = noiseGain / energy;
    for (int lag = minLag - 1; lag < r.length; lag++) {
      r[lag] = scale * autocorrelation[lag] * inverseWindowAutocorrelation[lag];
    }
    for (int lag = minLag; lag <= maxLag; lag++) {
      if (r[lag] > 0.5 * voicing && r[lag] > r[lag - 1] && r[lag] >= r[lag + 1]) {
        double slope = 0.5 * (r[lag + 1] - r[lag - 1]);
        double curvature = 2 * r[lag] - r[lag - 1] - r[lag + 1];
        double offset = curvature > 0 ? slope / curvature : 0;
        double strength = r[lag] + 0.5 * slope * offset;
        // The window correction can push a peak above 1; Praat reflects it so it cannot win
        // unfairly.
        if (strength > 1) {
          strength = 1 / strength;
        }
        double frequency = sampleRate / (lag + offset);
        if (frequency <= settings.maxPitchHz() && frequency >= settings.minPitchHz()) {
          double octaves = log2(frequency);
          result.offer(frequency, octaves, strength, strength - octavePenalty(octaves));
        }
      }
    }
    return result;
  }

  /**
   * Praat's octave cost for a candidate at {@code octaves} = log2(frequency): lower candidates pay
   * more, which breaks ties against subharmonics.
   */
  private double octavePenalty(double octaves) {
    return settings.octaveCost() * (maxPitchOctaves - octaves);
  }

  /** Viterbi search; returns per frame the chosen voiced candidate index, or -1 for unvoiced. */
  private int[] bestPath(FrameCandidates[] frames) {
    double stepCorrection = 0.01 / settings.timeStepSeconds();
    double jumpCost = settings.octaveJumpCost() * stepCorrection;
    double voicingChangeCost = settings.voicedUnvoicedCost() * stepCorrection;
    int frameCount = frames.length;
    // Candidate index 0 is unvoiced; index c > 0 is voiced candidate c - 1.
    double[][] score = new double[frameCount][];
    int[][] from = new int[frameCount][];
    for (int f = 0; f < frameCount; f++) {
      FrameCandidates current = frames[f];
      int count = current.count + 1;
      score[f] = new double[count];
      from[f] = new int[count];
      for (int c = 0; c < count; c++) {
        double local = c == 0 ? current.unvoicedStrength : current.rankedStrength[c - 1];
        if (f == 0) {
          score[f][c] = local;
          continue;
        }
        FrameCandidates previous = frames[f - 1];
        double best = Double.NEGATIVE_INFINITY;
        int bestFrom = 0;
        for (int p = 0; p < score[f - 1].length; p++) {
          double transition;
          if (p == 0 && c == 0) {
            transition = 0;
          } else if (p == 0 || c == 0) {
            transition = voicingChangeCost;
          } else {
            transition = jumpCost * Math.abs(current.octaves[c - 1] - previous.octaves[p - 1]);
          }
          double candidate = score[f - 1][p] - transition;
          if (candidate > best) {
            best = candidate;
            bestFrom = p;
          }
        }
        score[f][c] = best + local;
        from[f][c] = bestFrom;
      }
    }
    int[] path = new int[frameCount];
    if (frameCount == 0) {
      return path;
    }
    int c = 0;
    double[] last = score[frameCount - 1];
    for (int i = 1; i < last.length; i++) {
      if (last[i] > last[c]) {
        c = i;
      }
    }
    for (int f = frameCount - 1; f >= 0; f--) {
      path[f] = c - 1;
      c = from[f][c];
    }
    return path;
  }

  private static double log2(double x) {
    return Math.log(x) * INVERSE_LN_2;
  }

  /** The strongest voiced candidates of one frame, plus the strength of its unvoiced candidate. */
  private static final class FrameCandidates {
    final double[] frequency;

    /** log2 of {@link #frequency}, for octave jumps in the path search. */
    final double[] octaves;

    final double[] strength;
    final double[] rankedStrength;
    final double unvoicedStrength;
    int count;

    FrameCandidates(int capacity, double unvoicedStrength) {
      frequency = new double[capacity];
      octaves = new double[capacity];
      strength = new double[capacity];
      rankedStrength = new double[capacity];
      this.unvoicedStrength = unvoicedStrength;
    }

    /**
     * Adds a candidate, replacing the weakest when full (ranked with the octave penalty, as Praat
     * does).
     */
    void offer(
        double candidateFrequency, double candidateOctaves, double candidateStrength, double rank) {
      int place = count;
      if (count == frequency.length) {
        place = 0;
        for (int i = 1; i < count; i++) {
          if (rankedStrength[i] < rankedStrength[place]) {
            place = i;
          }
        }
        if (rankedStrength[place] >= rank) {
          return;
        }
      } else {
        count++;
      }
      frequency[place] = candidateFrequency;
      octaves[place] = candidateOctaves;
      strength[place] = candidateStrength;
      rankedStrength[place] = rank;
    }

    double bestStrength() {
      double best = 0;
      for (int i = 0; i < count; i++) {
        best = Math.max(best, strength[i]);
      }
      return best;
    }
  }
}
