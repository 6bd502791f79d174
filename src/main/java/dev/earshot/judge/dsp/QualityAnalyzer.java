package dev.earshot.judge.dsp;

/** Computes {@link QualityFeatures} of a mono signal in −1..1. */
public final class QualityAnalyzer {

  /**
   * Clipping: a sample is clipped when it lies in a run of at least {@value #MIN_CLIPPED_RUN}
   * consecutive samples of one sign whose magnitude is within {@value #CLIP_TOLERANCE} (two 16-bit
   * steps) of the signal's absolute peak. Measuring against the peak rather than full scale also
   * catches audio that was clipped and then turned down; requiring a run keeps the single highest
   * sample of an intact waveform from counting.
   */
  static final int MIN_CLIPPED_RUN = 3;

  static final double CLIP_TOLERANCE = 2.0 / 32768;

  /** Below this peak (about −26 dBFS) a plateau says nothing about clipping; the ratio is 0. */
  static final double MIN_CLIPPING_PEAK = 0.05;

  static final int BANDWIDTH_FFT_SIZE = 1024;
  static final double BANDWIDTH_ENERGY_FRACTION = 0.99;

  private QualityAnalyzer() {}

  public static QualityFeatures analyze(float[] samples, int sampleRate) {
    SpeechActivity activity = SpeechActivity.detect(samples, sampleRate);
    return new QualityFeatures(
        samples.length / (double) sampleRate,
        LoudnessMeter.integratedLoudness(samples, sampleRate),
        rmsDbfs(samples),
        WadaSnr.estimate(samples),
        clippingRatio(samples),
        dcOffset(samples),
        bandwidthHz(samples, sampleRate),
        activity.leadingSilenceSeconds(),
        activity.trailingSilenceSeconds(),
        activity.pauses().totalSeconds());
  }

  static Double rmsDbfs(float[] samples) {
    double sumSquares = 0;
    for (float s : samples) {
      sumSquares += (double) s * s;
    }
    return sumSquares == 0 ? null : 10 * Math.log10(sumSquares / samples.length);
  }

  static double dcOffset(float[] samples) {
    double sum = 0;
    for (float s : samples) {
      sum += s;
    }
    return samples.length == 0 ? 0 : sum / samples.length;
  }

  static double clippingRatio(float[] samples) {
    double peak = 0;
    for (float s : samples) {
      peak = Math.max(peak, Math.abs(s));
    }
    if (peak < MIN_CLIPPING_PEAK) {
      return 0;
    }
    double level = peak - CLIP_TOLERANCE;
    long clipped = 0;
    int run = 0;
    int runSign = 0;
    for (float s : samples) {
      int sign = Math.abs(s) >= level ? (s > 0 ? 1 : -1) : 0;
      if (sign != 0 && sign == runSign) {
        run++;
      } else {
        clipped += run >= MIN_CLIPPED_RUN ? run : 0;
        run = sign == 0 ? 0 : 1;
        runSign = sign;
      }
    }
    clipped += run >= MIN_CLIPPED_RUN ? run : 0;
    return samples.length == 0 ? 0 : clipped / (double) samples.length;
  }

  /**
   * Welch-averaged power spectrum (Hann, {@value #BANDWIDTH_FFT_SIZE}-point frames, 50 % overlap)
   * of the mean-removed signal; the frequency where the cumulative energy above DC reaches {@value
   * #BANDWIDTH_ENERGY_FRACTION} of the total, interpolated within the bin. {@code null} without
   * energy.
   */
  static Double bandwidthHz(float[] samples, int sampleRate) {
    Fft fft = new Fft(BANDWIDTH_FFT_SIZE);
    int n = fft.size();
    double[] window = new double[n];
    for (int i = 0; i < n; i++) {
      window[i] = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / n);
    }
    double mean = dcOffset(samples);
    double[] power = new double[n / 2 + 1];
    double[] re = new double[n];
    double[] im = new double[n];
    int hop = n / 2;
    for (int start = 0; start == 0 || start + n <= samples.length; start += hop) {
      for (int i = 0; i < n; i++) {
        re[i] = start + i < samples.length ? (samples[start + i] - mean) * window[i] : 0;
        im[i] = 0;
      }
      fft.forward(re, im);
      for (int k = 1; k <= n / 2; k++) {
        power[k] += re[k] * re[k] + im[k] * im[k];
      }
    }
    double total = 0;
    for (double p : power) {
      total += p;
    }
    if (total <= 0) {
      return null;
    }
    double binHz = sampleRate / (double) n;
    double cumulative = 0;
    for (int k = 1; k <= n / 2; k++) {
      double target = BANDWIDTH_ENERGY_FRACTION * total;
      if (cumulative + power[k] >= target) {
        // Bin k spans (k - 1/2, k + 1/2) bins; spread its energy evenly across that span.
        return (k - 0.5 + (target - cumulative) / power[k]) * binHz;
      }
      cumulative += power[k];
    }
    return sampleRate / 2.0;
  }
}
