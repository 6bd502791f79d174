package dev.earshot.judge.dsp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Computes {@link QualityFeatures}. Levels, clipping, DC offset and bandwidth are measured where
 * the signal is: on the original samples of every channel at the file's own rate, since resampling
 * rounds off the flat tops of clipping and averaging channels understates their loudness. SNR and
 * the silences come from the mono 16 kHz analysis copy, like pitch and voice activity.
 */
public final class QualityAnalyzer {

  /**
   * Clipping: a sample is clipped when it lies in a run of at least {@value #MIN_CLIPPED_RUN}
   * consecutive samples of one sign whose magnitude is within {@value #CLIP_TOLERANCE} (two 16-bit
   * steps) of its channel's absolute peak, or of full scale where the peak lies beyond it (float
   * audio). Measuring against the peak rather than only full scale also catches audio that was
   * clipped and then turned down; requiring a run keeps the single highest sample of an intact
   * waveform from counting. The ratio is over all samples of all channels.
   */
  static final int MIN_CLIPPED_RUN = 3;

  static final double CLIP_TOLERANCE = 2.0 / 32768;

  /** Below this peak (about −26 dBFS) a plateau says nothing about clipping; the ratio is 0. */
  static final double MIN_CLIPPING_PEAK = 0.05;

  /** Welch frames for the bandwidth: the power of two of at least this duration at the rate. */
  static final double BANDWIDTH_FRAME_SECONDS = 0.064;

  /** The band edge is where the long-term spectrum falls this far below its peak for good. */
  static final double BANDWIDTH_RANGE_DB = 50;

  private QualityAnalyzer() {}

  /** Quality of a mono signal that is its own analysis copy (already at the analysis rate). */
  public static QualityFeatures analyze(float[] samples, int sampleRate) {
    return analyze(new float[][] {samples}, sampleRate, samples, sampleRate);
  }

  /**
   * Quality of a recording from its original {@code channels} at {@code sampleRate} and its mono
   * {@code analysis} copy at {@code analysisRate}.
   */
  public static QualityFeatures analyze(
      float[][] channels, int sampleRate, float[] analysis, int analysisRate) {
    SpeechActivity activity = SpeechActivity.detect(analysis, analysisRate);
    Pauses pauses = activity.pauses();
    double peak = 0;
    double truePeak = 0;
    for (float[] channel : channels) {
      peak = Math.max(peak, peak(channel));
      truePeak = Math.max(truePeak, TruePeakMeter.truePeak(channel));
    }
    return new QualityFeatures(
        channels[0].length / (double) sampleRate,
        sampleRate,
        channels.length,
        LoudnessMeter.integratedLoudness(channels, sampleRate),
        rmsDbfs(channels),
        decibels(peak),
        decibels(truePeak),
        WadaSnr.estimate(analysis),
        clippingRatio(channels),
        dcOffset(channels),
        bandwidthHz(channels, sampleRate),
        activity.leadingSilenceSeconds(),
        activity.trailingSilenceSeconds(),
        pauses.totalSeconds(),
        pauses.longestSeconds());
  }

  private static Double decibels(double magnitude) {
    return magnitude == 0 ? null : 20 * Math.log10(magnitude);
  }

  private static double peak(float[] samples) {
    double peak = 0;
    for (float s : samples) {
      peak = Math.max(peak, Math.abs(s));
    }
    return peak;
  }

  static Double rmsDbfs(float[][] channels) {
    double sumSquares = 0;
    long count = 0;
    for (float[] channel : channels) {
      for (float s : channel) {
        sumSquares += (double) s * s;
      }
      count += channel.length;
    }
    return sumSquares == 0 ? null : 10 * Math.log10(sumSquares / count);
  }

  static double mean(float[] samples) {
    double sum = 0;
    for (float s : samples) {
      sum += s;
    }
    return samples.length == 0 ? 0 : sum / samples.length;
  }

  /** The mean of the channel whose mean is furthest from 0. */
  static double dcOffset(float[][] channels) {
    double offset = 0;
    for (float[] channel : channels) {
      double mean = mean(channel);
      if (Math.abs(mean) > Math.abs(offset)) {
        offset = mean;
      }
    }
    return offset;
  }

  static double clippingRatio(float[]... channels) {
    long clipped = 0;
    long total = 0;
    for (float[] channel : channels) {
      clipped += clippedSamples(channel);
      total += channel.length;
    }
    return total == 0 ? 0 : clipped / (double) total;
  }

  private static long clippedSamples(float[] samples) {
    double peak = peak(samples);
    if (peak < MIN_CLIPPING_PEAK) {
      return 0;
    }
    double level = Math.min(peak, 1.0) - CLIP_TOLERANCE;
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
    return clipped + (run >= MIN_CLIPPED_RUN ? run : 0);
  }

  /**
   * Effective upper band edge. The long-term average spectrum is the Welch average (Hann frames of
   * at least {@value #BANDWIDTH_FRAME_SECONDS} s rounded up to a power of two, 50 % overlap) of the
   * mean-removed channels, their powers summed. The edge is the highest frequency whose level is
   * within {@value #BANDWIDTH_RANGE_DB} dB of the spectrum's peak (DC excluded), interpolated in dB
   * to the bin above; the Nyquist frequency when the spectrum reaches it. Unlike an energy roll-off
   * (ordinary wideband speech has 99 % of its energy below 4–5 kHz), this finds where the signal
   * actually stops: telephone-band audio ends near 3.4 kHz, 16 kHz speech with fricatives near 8
   * kHz. {@code null} without energy.
   */
  public static Double bandwidthHz(float[][] channels, int sampleRate) {
    Fft fft = Fft.ofSize(Fft.sizeAtLeast((int) Math.ceil(BANDWIDTH_FRAME_SECONDS * sampleRate)));
    int n = fft.size();
    double[] window = new double[n];
    for (int i = 0; i < n; i++) {
      window[i] = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / n);
    }
    // Every frame of every channel as {channel, start}.
    int hop = n / 2;
    List<int[]> frames = new ArrayList<>();
    for (int c = 0; c < channels.length; c++) {
      for (int start = 0; start == 0 || start + n <= channels[c].length; start += hop) {
        frames.add(new int[] {c, start});
      }
    }
    double[] means = new double[channels.length];
    for (int c = 0; c < channels.length; c++) {
      means[c] = mean(channels[c]);
    }
    // Two real frames per complex transform, one as the real part and one as the imaginary: with
    // Z their joint spectrum, the sum of their two power spectra at bin k is (|Z[k]|² + |Z[n−k]|²)
    // / 2, so half the transforms give the same long-term spectrum.
    double[] power = new double[n / 2 + 1];
    double[] re = new double[n];
    double[] im = new double[n];
    for (int f = 0; f < frames.size(); f += 2) {
      loadWindowedFrame(channels, means, frames.get(f), window, re);
      if (f + 1 < frames.size()) {
        loadWindowedFrame(channels, means, frames.get(f + 1), window, im);
      } else {
        Arrays.fill(im, 0);
      }
      fft.forward(re, im);
      for (int k = 1; k <= n / 2; k++) {
        int mirror = n - k;
        power[k] +=
            (re[k] * re[k] + im[k] * im[k] + re[mirror] * re[mirror] + im[mirror] * im[mirror]) / 2;
      }
    }
    double peak = 0;
    for (double p : power) {
      peak = Math.max(peak, p);
    }
    if (peak <= 0) {
      return null;
    }
    double threshold = peak * Math.pow(10, -BANDWIDTH_RANGE_DB / 10);
    int top = n / 2;
    while (power[top] < threshold) {
      top--;
    }
    double binHz = sampleRate / (double) n;
    if (top == n / 2) {
      return sampleRate / 2.0;
    }
    double fraction = 0;
    if (power[top + 1] > 0) {
      double above = 10 * Math.log10(power[top] / threshold);
      double below = 10 * Math.log10(power[top + 1] / threshold);
      fraction = above / (above - below);
    }
    return (top + fraction) * binHz;
  }

  /** The mean-removed, windowed frame {channel, start} into {@code target}, zero past the end. */
  private static void loadWindowedFrame(
      float[][] channels, double[] means, int[] frame, double[] window, double[] target) {
    float[] samples = channels[frame[0]];
    double mean = means[frame[0]];
    int start = frame[1];
    for (int i = 0; i < target.length; i++) {
      target[i] = start + i < samples.length ? (samples[start + i] - mean) * window[i] : 0;
    }
  }
}
