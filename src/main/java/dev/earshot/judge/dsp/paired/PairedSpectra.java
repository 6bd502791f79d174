package dev.earshot.judge.dsp.paired;

import dev.earshot.judge.dsp.Fft;
import java.util.Arrays;

/**
 * Short-time power spectra of two equally long signals framed at the same positions, as the paired
 * metrics compare them frame by frame. Two consecutive frames of one signal go through one complex
 * FFT (the first as the real part, the second as the imaginary part) and are separated by the
 * symmetry of real signals' spectra, which halves the transforms. Each signal is transformed on its
 * own, so equal signals get bit-identical spectra and a silent one exact zeros.
 */
final class PairedSpectra {

  /** Receives each frame's power spectra, bins 0 to fftSize / 2; the arrays are reused. */
  interface FrameConsumer {
    void accept(int frame, double[] firstPower, double[] secondPower);
  }

  private final double[] window;
  private final int hop;
  private final Fft fft;
  private final double[] re;
  private final double[] im;

  private PairedSpectra(double[] window, int hop, Fft fft) {
    if (window.length > fft.size()) {
      throw new IllegalArgumentException("window longer than the FFT");
    }
    this.window = window;
    this.hop = hop;
    this.fft = fft;
    re = new double[fft.size()];
    im = new double[fft.size()];
  }

  /**
   * Frames {@code first} and {@code second} at {@code hop} times the frame index, for {@code
   * frameCount} frames, windowed by {@code window} and zero-padded to the FFT size.
   */
  static void forEachFrame(
      double[] first,
      double[] second,
      double[] window,
      int hop,
      int frameCount,
      Fft fft,
      FrameConsumer consumer) {
    PairedSpectra spectra = new PairedSpectra(window, hop, fft);
    int bins = fft.size() / 2 + 1;
    double[][] firstPower = new double[2][bins];
    double[][] secondPower = new double[2][bins];
    for (int frame = 0; frame < frameCount; frame += 2) {
      int next = Math.min(frame + 1, frameCount - 1);
      spectra.powerOfFramePair(first, frame, next, firstPower);
      spectra.powerOfFramePair(second, frame, next, secondPower);
      consumer.accept(frame, firstPower[0], secondPower[0]);
      if (next != frame) {
        consumer.accept(next, firstPower[1], secondPower[1]);
      }
    }
  }

  /** Power spectra of frames {@code a} and {@code b} of {@code signal} into {@code power[0..1]}. */
  private void powerOfFramePair(double[] signal, int a, int b, double[][] power) {
    int n = fft.size();
    for (int i = 0; i < window.length; i++) {
      re[i] = signal[a * hop + i] * window[i];
      im[i] = signal[b * hop + i] * window[i];
    }
    Arrays.fill(re, window.length, n, 0);
    Arrays.fill(im, window.length, n, 0);
    fft.forward(re, im);
    for (int k = 0; k <= n / 2; k++) {
      int mirror = (n - k) % n;
      // Frame a = (Z[k] + conj Z[-k]) / 2, frame b = (Z[k] - conj Z[-k]) / 2i.
      double aRe = (re[k] + re[mirror]) / 2;
      double aIm = (im[k] - im[mirror]) / 2;
      double bRe = (im[k] + im[mirror]) / 2;
      double bIm = (re[mirror] - re[k]) / 2;
      power[0][k] = aRe * aRe + aIm * aIm;
      power[1][k] = bRe * bRe + bIm * bIm;
    }
  }

  /**
   * MATLAB's {@code hanning(length)}: the symmetric Hann window without its two zero end points,
   * {@code 0.5 - 0.5 cos(2 pi (i + 1) / (length + 1))}.
   */
  static double[] hann(int length) {
    double[] window = new double[length];
    for (int i = 0; i < length; i++) {
      window[i] = 0.5 - 0.5 * Math.cos(2 * Math.PI * (i + 1) / (length + 1));
    }
    return window;
  }

  static double[] toDouble(float[] samples) {
    double[] out = new double[samples.length];
    for (int i = 0; i < samples.length; i++) {
      out[i] = samples[i];
    }
    return out;
  }
}
