package dev.earshot.judge.dsp;

import dev.earshot.platform.concurrent.RecentValues;
import java.util.Arrays;

/**
 * Level contour in dB relative to digital full scale power: 10·log10 of the (weighted) mean square,
 * so a full-scale square wave reads 0 dB and a full-scale sine −3.01 dB. Frames are centred at
 * {@code startSeconds + i * stepSeconds}; digital silence reads {@value #FLOOR_DB} dB.
 *
 * @param startSeconds centre of the first frame
 * @param stepSeconds distance between frame centres
 * @param decibels level per frame
 */
public record IntensityContour(double startSeconds, double stepSeconds, double[] decibels) {

  /** Level reported for frames with no energy at all. */
  public static final double FLOOR_DB = -150;

  /** Kaiser window shape parameter Praat uses for its intensity analysis. */
  private static final double KAISER_BETA = 20;

  /**
   * Praat's {@code To Intensity}: the squared, locally mean-removed signal averaged under a
   * Kaiser-20 window of 6.4 / {@code minPitchHz} seconds (effective duration 3.2 / minPitch, which
   * suppresses pitch ripple for F0 above minPitch). One frame every {@code stepSeconds}, centred at
   * (i + ½)·step, the window truncated at the signal's ends.
   */
  public static IntensityContour smoothed(
      float[] samples, int sampleRate, double minPitchHz, double stepSeconds) {
    int halfWindow = (int) Math.round(3.2 / minPitchHz * sampleRate);
    KaiserWindow kaiser = KaiserWindow.of(halfWindow);
    double[] weights = kaiser.weights();
    double fullWeightSum = kaiser.sum();
    int frameCount = (int) Math.floor(samples.length / (stepSeconds * sampleRate));
    double[] db = new double[frameCount];
    for (int frame = 0; frame < frameCount; frame++) {
      int centre = (int) Math.round((frame + 0.5) * stepSeconds * sampleRate);
      int from = Math.max(0, centre - halfWindow);
      int to = Math.min(samples.length - 1, centre + halfWindow);
      double sum = 0;
      double sumSquares = 0;
      for (int i = from; i <= to; i++) {
        double weighted = weights[i - centre + halfWindow] * samples[i];
        sum += weighted;
        sumSquares += weighted * samples[i];
      }
      // Only frames the signal's ends truncate need their own weight sum.
      double weightSum =
          to - from == 2 * halfWindow
              ? fullWeightSum
              : partialSum(weights, from - centre + halfWindow, to - centre + halfWindow);
      double mean = sum / weightSum;
      db[frame] = toDecibels(sumSquares / weightSum - mean * mean);
    }
    return new IntensityContour(stepSeconds / 2, stepSeconds, db);
  }

  /**
   * Mean square of consecutive, non-overlapping rectangular frames of {@code stepSeconds}; no mean
   * removal.
   */
  public static IntensityContour framed(float[] samples, int sampleRate, double stepSeconds) {
    int frameLength = Math.max(1, (int) Math.round(stepSeconds * sampleRate));
    int frameCount = samples.length / frameLength;
    double[] db = new double[frameCount];
    for (int frame = 0; frame < frameCount; frame++) {
      double sumSquares = 0;
      for (int i = frame * frameLength; i < (frame + 1) * frameLength; i++) {
        sumSquares += samples[i] * samples[i];
      }
      db[frame] = toDecibels(sumSquares / frameLength);
    }
    double step = frameLength / (double) sampleRate;
    return new IntensityContour(step / 2, step, db);
  }

  public int size() {
    return decibels.length;
  }

  public double timeAt(int frame) {
    return startSeconds + frame * stepSeconds;
  }

  /**
   * The {@code q}-quantile (0..1) of the frame levels, linearly interpolated; {@link #FLOOR_DB} if
   * empty.
   */
  public double quantile(double q) {
    if (decibels.length == 0) {
      return FLOOR_DB;
    }
    double[] sorted = decibels.clone();
    Arrays.sort(sorted);
    double position = q * (sorted.length - 1);
    int below = (int) Math.floor(position);
    int above = Math.min(sorted.length - 1, below + 1);
    return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
  }

  static double toDecibels(double meanSquare) {
    return meanSquare > 0 ? Math.max(FLOOR_DB, 10 * Math.log10(meanSquare)) : FLOOR_DB;
  }

  private static double partialSum(double[] values, int from, int to) {
    double sum = 0;
    for (int i = from; i <= to; i++) {
      sum += values[i];
    }
    return sum;
  }

  /**
   * The Kaiser-{@value #KAISER_BETA} weights of {@code 2 * halfWindow + 1} samples and their sum. A
   * Bessel series per weight costs half of a 3 s contour at 16 kHz, and every clip of a rate and
   * pitch floor uses the same window, so the last few are kept (they are never changed).
   */
  private record KaiserWindow(double[] weights, double sum) {

    private static final RecentValues<Integer, KaiserWindow> RECENT = new RecentValues<>(8);

    static KaiserWindow of(int halfWindow) {
      return RECENT.get(halfWindow, KaiserWindow::compute);
    }

    private static KaiserWindow compute(int halfWindow) {
      double[] weights = new double[2 * halfWindow + 1];
      double norm = besselI0(KAISER_BETA);
      for (int i = -halfWindow; i <= halfWindow; i++) {
        double x = i / (double) halfWindow;
        weights[i + halfWindow] = besselI0(KAISER_BETA * Math.sqrt(Math.max(0, 1 - x * x))) / norm;
      }
      double sum = 0;
      for (double w : weights) {
        sum += w;
      }
      return new KaiserWindow(weights, sum);
    }
  }

  private static double besselI0(double x) {
    double sum = 1;
    double term = 1;
    double quarterSquare = x * x / 4;
    for (int k = 1; k < 500 && term > 1e-17 * sum; k++) {
      term *= quarterSquare / ((double) k * k);
      sum += term;
    }
    return sum;
  }
}
