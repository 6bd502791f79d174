package dev.earshot.judge.dsp.paired;

import dev.earshot.audio.decode.Resampler;
import dev.earshot.judge.dsp.Fft;

/**
 * Short-Time Objective Intelligibility (Taal, Hendriks, Heusdens and Jensen, "An Algorithm for
 * Intelligibility Prediction of Time-Frequency Weighted Noisy Speech", IEEE TASLP 19(7), 2011), as
 * the authors' reference MATLAB code {@code stoi.m} and its Python port pystoi compute it:
 *
 * <ol>
 *   <li>both signals resampled to {@value #RATE} Hz (here with the project's band-limited {@link
 *       Resampler}, passband to 4.4 kHz, where the reference uses MATLAB's {@code resample});
 *   <li>silent frames removed: {@value #FRAME}-sample Hann frames with a hop of {@value #HOP}, the
 *       frames of the clean signal more than {@value #DYNAMIC_RANGE_DB} dB below its loudest frame
 *       dropped from both signals, the rest overlap-added again;
 *   <li>a short-time spectrum of the same frames, zero-padded to a {@value #FFT_SIZE}-point FFT;
 *   <li>{@value #BANDS} one-third-octave bands, the lowest centred at {@value #LOWEST_CENTRE_HZ}
 *       Hz: each band's amplitude is the root of the summed bin powers;
 *   <li>segments of {@value #SEGMENT_FRAMES} consecutive frames (384 ms); in each segment and band
 *       the processed envelope is scaled to the clean one's energy and clipped at the clean
 *       envelope times {@code 1 + 10^(-beta / 20)} with beta = {@value #BETA_DB} dB (the
 *       signal-to-distortion floor), then correlated with the clean envelope;
 *   <li>the mean correlation over all bands and segments.
 * </ol>
 *
 * Issue 17 describes the frames as 384 samples; the published algorithm uses 256-sample frames
 * (25.6 ms) and it is its 30-frame segments that last 384 ms, so the published numbers are used.
 * Norms get pystoi's machine-epsilon guard, so a silent band or a silent processed signal
 * correlates 0 instead of failing.
 */
public final class Stoi {

  static final int RATE = 10_000;
  static final int FRAME = 256;
  static final int HOP = FRAME / 2;
  static final int FFT_SIZE = 512;
  static final int BANDS = 15;
  static final double LOWEST_CENTRE_HZ = 150;
  static final int SEGMENT_FRAMES = 30;
  static final double BETA_DB = -15;
  static final double DYNAMIC_RANGE_DB = 40;

  /**
   * Passband edge of the resampling to {@value #RATE} Hz, as a fraction of its Nyquist frequency:
   * 4.4 kHz, above the top band's 4.28 kHz edge, and what aliases from 5-5.6 kHz lands above it
   * too. A shorter filter than the analysis copy's 95%.
   */
  static final double RESAMPLING_CUTOFF = 0.88;

  /** numpy's {@code np.finfo(float).eps}, pystoi's guard against division by zero. */
  private static final double EPS = Math.ulp(1.0);

  private static final double CLIP_FACTOR = 1 + Math.pow(10, -BETA_DB / 20);

  private Stoi() {}

  /**
   * STOI of {@code processed} against {@code clean} (aligned, equally long, at {@code sampleRate}):
   * about 0 to 1, higher is more intelligible; {@code null} when fewer than {@value
   * #SEGMENT_FRAMES} frames remain after silent frames are removed (pystoi returns 1e-5 then).
   */
  public static Double measure(float[] clean, float[] processed, int sampleRate) {
    if (clean.length != processed.length) {
      throw new IllegalArgumentException("STOI needs equally long signals");
    }
    double[][] speech =
        withoutSilentFrames(
            PairedSpectra.toDouble(Resampler.resample(clean, sampleRate, RATE, RESAMPLING_CUTOFF)),
            PairedSpectra.toDouble(
                Resampler.resample(processed, sampleRate, RATE, RESAMPLING_CUTOFF)));
    int frames = frameCount(speech[0].length);
    if (frames < SEGMENT_FRAMES) {
      return null;
    }
    double[][] cleanBands = new double[BANDS][frames];
    double[][] processedBands = new double[BANDS][frames];
    int[][] bandBins = thirdOctaveBins();
    PairedSpectra.forEachFrame(
        speech[0],
        speech[1],
        PairedSpectra.hann(FRAME),
        HOP,
        frames,
        Fft.ofSize(FFT_SIZE),
        (frame, cleanPower, processedPower) -> {
          for (int band = 0; band < BANDS; band++) {
            double cleanSum = 0;
            double processedSum = 0;
            for (int k = bandBins[band][0]; k < bandBins[band][1]; k++) {
              cleanSum += cleanPower[k];
              processedSum += processedPower[k];
            }
            cleanBands[band][frame] = Math.sqrt(cleanSum);
            processedBands[band][frame] = Math.sqrt(processedSum);
          }
        });
    double sum = 0;
    int segments = frames - SEGMENT_FRAMES + 1;
    for (int band = 0; band < BANDS; band++) {
      for (int end = SEGMENT_FRAMES; end <= frames; end++) {
        sum +=
            segmentCorrelation(
                cleanBands[band], processedBands[band], end - SEGMENT_FRAMES, SEGMENT_FRAMES);
      }
    }
    return sum / (BANDS * (double) segments);
  }

  /**
   * Frames of a signal of {@code length} samples: starts at 0, {@value #HOP}, ... strictly before
   * {@code length - FRAME}, as in the reference code's {@code 1:K:(length(x)-N)}.
   */
  static int frameCount(int length) {
    return length <= FRAME ? 0 : (length - FRAME + HOP - 1) / HOP;
  }

  /**
   * The reference {@code removeSilentFrames}: frames of {@code clean} whose windowed energy lies
   * within {@value #DYNAMIC_RANGE_DB} dB of the loudest frame are kept, and the kept windowed
   * frames of both signals are overlap-added one after another.
   */
  static double[][] withoutSilentFrames(double[] clean, double[] processed) {
    int frames = frameCount(clean.length);
    double[] window = PairedSpectra.hann(FRAME);
    double[] energyDb = new double[frames];
    double loudest = Double.NEGATIVE_INFINITY;
    for (int frame = 0; frame < frames; frame++) {
      double energy = 0;
      for (int i = 0; i < FRAME; i++) {
        double v = clean[frame * HOP + i] * window[i];
        energy += v * v;
      }
      energyDb[frame] = 20 * Math.log10(Math.sqrt(energy / FRAME) + EPS);
      loudest = Math.max(loudest, energyDb[frame]);
    }
    int kept = 0;
    for (int frame = 0; frame < frames; frame++) {
      if (energyDb[frame] > loudest - DYNAMIC_RANGE_DB) {
        kept++;
      }
    }
    int length = kept == 0 ? 0 : (kept - 1) * HOP + FRAME;
    double[] cleanOut = new double[length];
    double[] processedOut = new double[length];
    int out = 0;
    for (int frame = 0; frame < frames; frame++) {
      if (energyDb[frame] > loudest - DYNAMIC_RANGE_DB) {
        for (int i = 0; i < FRAME; i++) {
          cleanOut[out * HOP + i] += clean[frame * HOP + i] * window[i];
          processedOut[out * HOP + i] += processed[frame * HOP + i] * window[i];
        }
        out++;
      }
    }
    return new double[][] {cleanOut, processedOut};
  }

  /**
   * Bin ranges {@code [from, to)} of the one-third-octave bands: band {@code j}'s edges {@value
   * #LOWEST_CENTRE_HZ} · 2^((2j ∓ 1) / 6) Hz, each moved to the nearest FFT bin (the lower bin on a
   * tie), the upper edge's bin excluded, as in the reference {@code thirdoct}.
   */
  static int[][] thirdOctaveBins() {
    double binHz = RATE / (double) FFT_SIZE;
    int[][] bins = new int[BANDS][2];
    for (int band = 0; band < BANDS; band++) {
      bins[band][0] = nearestBin(LOWEST_CENTRE_HZ * Math.pow(2, (2 * band - 1) / 6.0), binHz);
      bins[band][1] = nearestBin(LOWEST_CENTRE_HZ * Math.pow(2, (2 * band + 1) / 6.0), binHz);
    }
    return bins;
  }

  private static int nearestBin(double hz, double binHz) {
    int below = (int) Math.floor(hz / binHz);
    return hz - below * binHz <= (below + 1) * binHz - hz ? below : below + 1;
  }

  /**
   * The intermediate intelligibility of one band in one segment: the processed envelope {@code
   * y[from .. from + length)} scaled to the energy of the clean one {@code x}, clipped at {@code x}
   * times {@code 1 + 10^(-beta / 20)}, and correlated with {@code x} (Pearson, with pystoi's
   * epsilon in the norms).
   */
  static double segmentCorrelation(double[] x, double[] y, int from, int length) {
    double xEnergy = 0;
    double yEnergy = 0;
    for (int i = from; i < from + length; i++) {
      xEnergy += x[i] * x[i];
      yEnergy += y[i] * y[i];
    }
    double scale = Math.sqrt(xEnergy) / (Math.sqrt(yEnergy) + EPS);
    double[] clipped = new double[length];
    double xMean = 0;
    double yMean = 0;
    for (int i = 0; i < length; i++) {
      clipped[i] = Math.min(y[from + i] * scale, x[from + i] * CLIP_FACTOR);
      xMean += x[from + i];
      yMean += clipped[i];
    }
    xMean /= length;
    yMean /= length;
    double xNorm = 0;
    double yNorm = 0;
    double dot = 0;
    for (int i = 0; i < length; i++) {
      double xc = x[from + i] - xMean;
      double yc = clipped[i] - yMean;
      xNorm += xc * xc;
      yNorm += yc * yc;
      dot += xc * yc;
    }
    return dot / ((Math.sqrt(xNorm) + EPS) * (Math.sqrt(yNorm) + EPS));
  }
}
