package dev.earshot.judge.dsp.paired;

import dev.earshot.judge.dsp.Fft;
import java.util.Arrays;

/**
 * Log-spectral distance and mel-cepstral distortion of two aligned, equally long signals, from one
 * short-time analysis: {@value #FRAME_SECONDS} s Hann frames every {@value #HOP_SECONDS} s,
 * zero-padded to the next power of two (400 samples in a 512-point FFT at 16 kHz). Both are
 * averaged over the frames where the original has speech: frames whose energy lies within {@value
 * #SPEECH_RANGE_DB} dB of the original's loudest frame (pauses would otherwise compare noise floors
 * and dominate the mean; STOI drops silent frames the same way).
 *
 * <ul>
 *   <li><b>LSD</b> per frame: {@code sqrt(mean_k (10 log10((P(k) + e) / (P'(k) + e)))²)} over the
 *       bins {@code k = 0 .. N/2} of the power spectra P (original) and P' (resynthesis), e =
 *       {@value #POWER_FLOOR} (about 20 dB below the quantisation noise of 16-bit audio).
 *   <li><b>MCD</b> per frame: {@code (10 √2 / ln 10) sqrt(sum_{d=1..12} (c_d - c'_d)²)} with MFCCs
 *       defined as: {@value #MEL_BANDS} triangular mel bands (HTK mel scale, 2595 log10(1 + f /
 *       700), edges equally spaced from 0 Hz to the Nyquist frequency, unnormalised triangles on
 *       the power spectrum), the natural log of each band's amplitude ({@code ½ ln(E + e)}), an
 *       orthonormal DCT-II, and coefficients 1 to {@value #CEPSTRA} kept (c0, the overall level,
 *       excluded). With log amplitudes in nepers the constant turns the cepstral distance into dB,
 *       as for mel-cepstra in the MCD literature.
 * </ul>
 *
 * @param lsdDb mean log-spectral distance in dB
 * @param mcdDb mean mel-cepstral distortion in dB
 */
public record SpectralDistances(double lsdDb, double mcdDb) {

  static final double FRAME_SECONDS = 0.025;
  static final double HOP_SECONDS = 0.01;
  static final double SPEECH_RANGE_DB = 40;
  static final double POWER_FLOOR = 1e-10;
  static final int MEL_BANDS = 40;
  static final int CEPSTRA = 12;

  /** 10 √2 / ln 10: natural-log cepstral distance to dB. */
  static final double MCD_CONSTANT = 10 * Math.sqrt(2) / Math.log(10);

  /**
   * Both distances of {@code resynthesised} from {@code original} at {@code sampleRate}; signals
   * shorter than one frame have none and read 0.
   */
  public static SpectralDistances measure(float[] original, float[] resynthesised, int sampleRate) {
    if (original.length != resynthesised.length) {
      throw new IllegalArgumentException("spectral distances need equally long signals");
    }
    int frameLength = (int) Math.round(FRAME_SECONDS * sampleRate);
    int hop = (int) Math.round(HOP_SECONDS * sampleRate);
    int frames = original.length < frameLength ? 0 : (original.length - frameLength) / hop + 1;
    double[] window = PairedSpectra.hann(frameLength);
    double[] first = PairedSpectra.toDouble(original);
    boolean[] speech = speechFrames(first, window, hop, frames);
    Fft fft = Fft.ofSize(Fft.sizeAtLeast(frameLength));
    MelBand[] melBands = melFilterbank(fft.size(), sampleRate);
    double[][] dct = dctRows(MEL_BANDS, CEPSTRA);
    double[] sums = new double[3];
    double[] originalMel = new double[MEL_BANDS];
    double[] resynthesisedMel = new double[MEL_BANDS];
    PairedSpectra.forEachFrame(
        first,
        PairedSpectra.toDouble(resynthesised),
        window,
        hop,
        frames,
        fft,
        (frame, originalPower, resynthesisedPower) -> {
          if (!speech[frame]) {
            return;
          }
          double squares = 0;
          for (int k = 0; k < originalPower.length; k++) {
            double difference =
                10
                    * Math.log10(
                        (originalPower[k] + POWER_FLOOR) / (resynthesisedPower[k] + POWER_FLOOR));
            squares += difference * difference;
          }
          sums[0] += Math.sqrt(squares / originalPower.length);
          logMelAmplitudes(originalPower, melBands, originalMel);
          logMelAmplitudes(resynthesisedPower, melBands, resynthesisedMel);
          double cepstral = 0;
          for (double[] row : dct) {
            double difference = 0;
            for (int m = 0; m < MEL_BANDS; m++) {
              difference += row[m] * (originalMel[m] - resynthesisedMel[m]);
            }
            cepstral += difference * difference;
          }
          sums[1] += MCD_CONSTANT * Math.sqrt(cepstral);
          sums[2]++;
        });
    return sums[2] == 0
        ? new SpectralDistances(0, 0)
        : new SpectralDistances(sums[0] / sums[2], sums[1] / sums[2]);
  }

  /** Frames of {@code signal} within {@value #SPEECH_RANGE_DB} dB of its loudest frame. */
  private static boolean[] speechFrames(double[] signal, double[] window, int hop, int frames) {
    double[] energy = new double[frames];
    double loudest = 0;
    for (int frame = 0; frame < frames; frame++) {
      for (int i = 0; i < window.length; i++) {
        double v = signal[frame * hop + i] * window[i];
        energy[frame] += v * v;
      }
      loudest = Math.max(loudest, energy[frame]);
    }
    double threshold = loudest * Math.pow(10, -SPEECH_RANGE_DB / 10);
    boolean[] speech = new boolean[frames];
    for (int frame = 0; frame < frames; frame++) {
      speech[frame] = energy[frame] >= threshold;
    }
    return speech;
  }

  private static void logMelAmplitudes(double[] power, MelBand[] bands, double[] out) {
    for (int m = 0; m < bands.length; m++) {
      double energy = 0;
      MelBand band = bands[m];
      for (int i = 0; i < band.weights.length; i++) {
        energy += band.weights[i] * power[band.firstBin + i];
      }
      out[m] = 0.5 * Math.log(energy + POWER_FLOOR);
    }
  }

  /** One triangle of the filterbank: its non-zero weights, from {@code firstBin} on. */
  record MelBand(int firstBin, double[] weights) {}

  /** Triangular mel bands over the bins 0 .. fftSize / 2. */
  static MelBand[] melFilterbank(int fftSize, int sampleRate) {
    double topMel = mel(sampleRate / 2.0);
    double[] edges = new double[MEL_BANDS + 2];
    for (int i = 0; i < edges.length; i++) {
      edges[i] = hz(topMel * i / (MEL_BANDS + 1));
    }
    MelBand[] bands = new MelBand[MEL_BANDS];
    for (int m = 0; m < MEL_BANDS; m++) {
      double[] weights = new double[fftSize / 2 + 1];
      int first = weights.length;
      int last = -1;
      for (int k = 0; k < weights.length; k++) {
        double f = k * sampleRate / (double) fftSize;
        double rising = (f - edges[m]) / (edges[m + 1] - edges[m]);
        double falling = (edges[m + 2] - f) / (edges[m + 2] - edges[m + 1]);
        weights[k] = Math.max(0, Math.min(rising, falling));
        if (weights[k] > 0) {
          first = Math.min(first, k);
          last = k;
        }
      }
      bands[m] =
          last < 0
              ? new MelBand(0, new double[0])
              : new MelBand(first, Arrays.copyOfRange(weights, first, last + 1));
    }
    return bands;
  }

  /** Rows 1 .. {@code count} of the orthonormal DCT-II of length {@code size}. */
  static double[][] dctRows(int size, int count) {
    double[][] rows = new double[count][size];
    double scale = Math.sqrt(2.0 / size);
    for (int d = 1; d <= count; d++) {
      for (int m = 0; m < size; m++) {
        rows[d - 1][m] = scale * Math.cos(Math.PI * d * (m + 0.5) / size);
      }
    }
    return rows;
  }

  private static double mel(double hz) {
    return 2595 * Math.log10(1 + hz / 700);
  }

  private static double hz(double mel) {
    return 700 * (Math.pow(10, mel / 2595) - 1);
  }
}
