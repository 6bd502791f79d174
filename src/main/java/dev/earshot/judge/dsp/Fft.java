package dev.earshot.judge.dsp;

/**
 * In-place iterative radix-2 complex FFT on separate real/imaginary arrays, with the twiddle
 * factors and the bit-reversal permutation computed once per size. Written here rather than using
 * Commons Math because the analyzers run hundreds of small transforms per second of audio and must
 * not allocate per transform.
 */
public final class Fft {

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
    for (int half = 1; half < size; half <<= 1) {
      int tableStep = size / (2 * half);
      for (int start = 0; start < size; start += 2 * half) {
        for (int k = 0; k < half; k++) {
          double wr = cosTable[k * tableStep];
          double wi = sign * sinTable[k * tableStep];
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
  }
}
