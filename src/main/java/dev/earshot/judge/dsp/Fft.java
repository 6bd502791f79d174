package dev.earshot.judge.dsp;

/**
 * In-place iterative radix-2 complex FFT on separate real/imaginary arrays, with the twiddle
 * factors and the bit-reversal permutation computed once per size. Written here rather than using
 * Commons Math because the analyzers run hundreds of small transforms per second of audio and must
 * not allocate per transform.
 */
public final class Fft {

  /**
   * In transforms of up to {@value #GROUPED_MAX_SIZE} points (which stay in cache), stages with
   * fewer twiddle factors than {@value #GROUPED_BELOW} run factor by factor over all groups instead
   * of group by group: the short inner loops of the early stages cost more than their arithmetic.
   * Every butterfly computes the same expression either way, so the results are bit for bit the
   * same.
   */
  private static final int GROUPED_BELOW = 32;

  private static final int GROUPED_MAX_SIZE = 8192;

  private final int size;
  private final double[] cosTable;
  private final double[] sinTable;
  private final int[] bitReversed;

  public Fft(int size) {
    if (size < 2 || Integer.bitCount(size) != 1) {
      throw new IllegalArgumentException("FFT size must be a power of two >= 2, got " + size);
    }
    this.size = size;
    cosTable = new double[size / 2];
    sinTable = new double[size / 2];
    for (int i = 0; i < size / 2; i++) {
      cosTable[i] = Math.cos(2 * Math.PI * i / size);
      sinTable[i] = Math.sin(2 * Math.PI * i / size);
    }
    bitReversed = new int[size];
    int bits = Integer.numberOfTrailingZeros(size);
    for (int i = 0; i < size; i++) {
      bitReversed[i] = Integer.reverse(i) >>> (32 - bits);
    }
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
    for (int i = 0; i < size; i++) {
      int j = bitReversed[i];
      if (j > i) {
        double t = re[i];
        re[i] = re[j];
        re[j] = t;
        t = im[i];
        im[i] = im[j];
        im[j] = t;
      }
    }
    // The first stage's only twiddle factor is 1: no multiplications.
    for (int a = 0; a < size; a += 2) {
      double tr = re[a + 1];
      double ti = im[a + 1];
      re[a + 1] = re[a] - tr;
      im[a + 1] = im[a] - ti;
      re[a] += tr;
      im[a] += ti;
    }
    for (int half = 2; half < size; half <<= 1) {
      int span = 2 * half;
      int tableStep = size / span;
      if (half < GROUPED_BELOW && size <= GROUPED_MAX_SIZE) {
        // Few twiddle factors and many groups: load each factor once, apply it to every group.
        for (int k = 0; k < half; k++) {
          double wr = cosTable[k * tableStep];
          double wi = sign * sinTable[k * tableStep];
          for (int a = k; a < size; a += span) {
            butterfly(re, im, a, a + half, wr, wi);
          }
        }
      } else {
        for (int start = 0; start < size; start += span) {
          for (int k = 0; k < half; k++) {
            butterfly(
                re,
                im,
                start + k,
                start + k + half,
                cosTable[k * tableStep],
                sign * sinTable[k * tableStep]);
          }
        }
      }
    }
  }

  private static void butterfly(double[] re, double[] im, int a, int b, double wr, double wi) {
    double tr = re[b] * wr - im[b] * wi;
    double ti = re[b] * wi + im[b] * wr;
    re[b] = re[a] - tr;
    im[b] = im[a] - ti;
    re[a] += tr;
    im[a] += ti;
  }
}
