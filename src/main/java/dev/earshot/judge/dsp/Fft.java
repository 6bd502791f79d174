package dev.earshot.judge.dsp;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * In-place iterative radix-2 complex FFT on separate real/imaginary arrays, with the twiddle
 * factors and the bit-reversal permutation computed once per size. Written here rather than using
 * Commons Math because the analyzers run hundreds of small transforms per second of audio and must
 * not allocate per transform.
 *
 * <p>The transforms dominate pitch tracking, so the loops are laid out for speed: the first two
 * stages, whose twiddles are ±1 and ±i, run as one pass without multiplications, the later stages
 * run two at a time (radix 2²) so the data are read and written half as often, and each stage reads
 * its twiddles from its own contiguous table.
 */
public final class Fft {

  /**
   * Sizes up to this many points are planned once per process: the analyzers plan the same few
   * sizes for every clip, and planning (a sine and a cosine per point) costs about as much as a
   * dozen transforms. Larger, rarer sizes (whole-signal correlation) are planned per use.
   */
  static final int LARGEST_SHARED_SIZE = 1 << 16;

  /** The shared plans by log2 of their size; a plan is never changed, so threads share it. */
  private static final AtomicReferenceArray<Fft> SHARED =
      new AtomicReferenceArray<>(Integer.numberOfTrailingZeros(LARGEST_SHARED_SIZE) + 1);

  private final int size;

  /**
   * Twiddles of the stage whose butterflies span {@code half} points sit at {@code [half, 2 *
   * half)}: cos(π·k / half), and ∓sin(π·k / half) for the forward and the inverse transform.
   */
  private final double[] cos;

  private final double[] forwardSin;
  private final double[] inverseSin;

  /** Index pairs (i, j), i &lt; j, that the bit-reversal permutation swaps. */
  private final int[] swaps;

  private Fft(int size) {
    if (size < 2 || Integer.bitCount(size) != 1) {
      throw new IllegalArgumentException("FFT size must be a power of two >= 2, got " + size);
    }
    this.size = size;
    cos = new double[size];
    forwardSin = new double[size];
    inverseSin = new double[size];
    for (int half = 1; half < size; half <<= 1) {
      for (int k = 0; k < half; k++) {
        cos[half + k] = Math.cos(Math.PI * k / half);
        inverseSin[half + k] = Math.sin(Math.PI * k / half);
        forwardSin[half + k] = -inverseSin[half + k];
      }
    }
    int bits = Integer.numberOfTrailingZeros(size);
    int swapCount = 0;
    int[] pairs = new int[size];
    for (int i = 0; i < size; i++) {
      int j = Integer.reverse(i) >>> (32 - bits);
      if (j > i) {
        pairs[swapCount++] = i;
        pairs[swapCount++] = j;
      }
    }
    swaps = Arrays.copyOf(pairs, swapCount);
  }

  /**
   * The transform of {@code size} points (a power of two of at least 2), planned once per process
   * up to {@link #LARGEST_SHARED_SIZE}.
   */
  public static Fft ofSize(int size) {
    if (size > LARGEST_SHARED_SIZE || size < 2 || Integer.bitCount(size) != 1) {
      return new Fft(size);
    }
    int slot = Integer.numberOfTrailingZeros(size);
    Fft shared = SHARED.get(slot);
    if (shared == null) {
      // Two threads may plan the same size at once; both plans are equal, either one stays.
      SHARED.compareAndSet(slot, null, new Fft(size));
      shared = SHARED.get(slot);
    }
    return shared;
  }

  /** Smallest power of two that is at least {@code n}. */
  public static int sizeAtLeast(int n) {
    return n <= 2 ? 2 : Integer.highestOneBit(n - 1) << 1;
  }

  public int size() {
    return size;
  }

  /** Forward transform, X[k] = sum x[n] e^{-2 pi i k n / N}. */
  public void forward(double[] re, double[] im) {
    transform(re, im, -1);
  }

  /** Inverse transform without the 1/N scaling. */
  public void inverseUnscaled(double[] re, double[] im) {
    transform(re, im, 1);
  }

  private void transform(double[] re, double[] im, int sign) {
    for (int s = 0; s < swaps.length; s += 2) {
      int i = swaps[s];
      int j = swaps[s + 1];
      double t = re[i];
      re[i] = re[j];
      re[j] = t;
      t = im[i];
      im[i] = im[j];
      im[j] = t;
    }
    int firstGeneralStage;
    if (size == 2) {
      butterflyPairs(re, im);
      firstGeneralStage = 2;
    } else {
      radix4FirstStages(re, im, sign);
      firstGeneralStage = 4;
    }
    double[] sin = sign < 0 ? forwardSin : inverseSin;
    int half = firstGeneralStage;
    for (; 4 * half <= size; half <<= 2) {
      radix2SquaredStages(re, im, half, sin, sign);
    }
    if (half < size) {
      radix2Stage(re, im, half, sin);
    }
  }

  /** One stage: butterflies spanning {@code half} points. */
  private void radix2Stage(double[] re, double[] im, int half, double[] sin) {
    for (int start = 0; start < size; start += 2 * half) {
      for (int k = 0; k < half; k++) {
        double wr = cos[half + k];
        double wi = sin[half + k];
        int a = start + k;
        int b = a + half;
        double tr = re[b] * wr - im[b] * wi;
        double ti = re[b] * wi + im[b] * wr;
        re[b] = re[a] - tr;
        im[b] = im[a] - ti;
        re[a] += tr;
        im[a] += ti;
      }
    }
  }

  /**
   * The stages spanning {@code half} and {@code 2 * half} points in one pass over the data: each
   * group of four points is loaded and stored once instead of twice. The second stage's twiddle for
   * index k + half is its twiddle for k times sign·i.
   */
  private void radix2SquaredStages(double[] re, double[] im, int half, double[] sin, int sign) {
    for (int start = 0; start < size; start += 4 * half) {
      for (int k = 0; k < half; k++) {
        double w1r = cos[half + k];
        double w1i = sin[half + k];
        double w2r = cos[2 * half + k];
        double w2i = sin[2 * half + k];
        int i0 = start + k;
        int i1 = i0 + half;
        int i2 = i1 + half;
        int i3 = i2 + half;
        double t1r = re[i1] * w1r - im[i1] * w1i;
        double t1i = re[i1] * w1i + im[i1] * w1r;
        double t3r = re[i3] * w1r - im[i3] * w1i;
        double t3i = re[i3] * w1i + im[i3] * w1r;
        double y0r = re[i0] + t1r;
        double y0i = im[i0] + t1i;
        double y1r = re[i0] - t1r;
        double y1i = im[i0] - t1i;
        double y2r = re[i2] + t3r;
        double y2i = im[i2] + t3i;
        double y3r = re[i2] - t3r;
        double y3i = im[i2] - t3i;
        double u2r = y2r * w2r - y2i * w2i;
        double u2i = y2r * w2i + y2i * w2r;
        double v3r = y3r * w2r - y3i * w2i;
        double v3i = y3r * w2i + y3i * w2r;
        double u3r = -sign * v3i;
        double u3i = sign * v3r;
        re[i0] = y0r + u2r;
        im[i0] = y0i + u2i;
        re[i2] = y0r - u2r;
        im[i2] = y0i - u2i;
        re[i1] = y1r + u3r;
        im[i1] = y1i + u3i;
        re[i3] = y1r - u3r;
        im[i3] = y1i - u3i;
      }
    }
  }

  /** The single stage of a size-2 transform: twiddle 1. */
  private static void butterflyPairs(double[] re, double[] im) {
    double r = re[1];
    double i = im[1];
    re[1] = re[0] - r;
    im[1] = im[0] - i;
    re[0] += r;
    im[0] += i;
  }

  /**
   * Stages with spans 1 and 2 together: twiddle 1 for the first, 1 and sign·i for the second, so
   * each group of four points needs additions only.
   */
  private void radix4FirstStages(double[] re, double[] im, int sign) {
    for (int a = 0; a < size; a += 4) {
      double r0 = re[a] + re[a + 1];
      double i0 = im[a] + im[a + 1];
      double r1 = re[a] - re[a + 1];
      double i1 = im[a] - im[a + 1];
      double r2 = re[a + 2] + re[a + 3];
      double i2 = im[a + 2] + im[a + 3];
      double r3 = re[a + 2] - re[a + 3];
      double i3 = im[a + 2] - im[a + 3];
      // (sign·i)·(r3 + i·i3) = −sign·i3 + i·sign·r3
      double tr = -sign * i3;
      double ti = sign * r3;
      re[a] = r0 + r2;
      im[a] = i0 + i2;
      re[a + 2] = r0 - r2;
      im[a + 2] = i0 - i2;
      re[a + 1] = r1 + tr;
      im[a + 1] = i1 + ti;
      re[a + 3] = r1 - tr;
      im[a + 3] = i1 - ti;
    }
  }
}
