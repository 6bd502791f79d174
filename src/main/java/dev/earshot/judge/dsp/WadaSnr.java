package dev.earshot.judge.dsp;

/**
 * Blind SNR estimate by waveform amplitude distribution analysis (WADA-SNR, Kim &amp; Stern,
 * Interspeech 2008). Clean speech amplitudes are modelled as Gamma distributed (shape 0.4) and
 * noise as Gaussian; the statistic G = ln(E|x|) − E[ln|x|] of the mixture grows with SNR, and a
 * table of G against SNR (−20..100 dB, 1 dB steps) inverts it. The table below is the one published
 * with the authors' MATLAB code, as carried by the widely used Python port.
 */
public final class WadaSnr {

  private static final int TABLE_FIRST_DB = -20;

  /** Amplitudes below this are clamped before the logarithm, as in the reference. */
  private static final double EPSILON = 1e-10;

  /** G statistic for SNR = −20, −19, …, 100 dB. */
  private static final double[] G_TABLE = {
    0.40974774, 0.40986926, 0.40998566, 0.40969089, 0.40986186, 0.40999006,
    0.41027138, 0.41052627, 0.41101024, 0.41143264, 0.41231718, 0.41337272,
    0.41526426, 0.41781920, 0.42077252, 0.42452799, 0.42918886, 0.43510373,
    0.44234195, 0.45161485, 0.46221153, 0.47491647, 0.48883809, 0.50509236,
    0.52353709, 0.54372088, 0.56532427, 0.58847532, 0.61346212, 0.63954496,
    0.66750818, 0.69583724, 0.72454762, 0.75414799, 0.78323148, 0.81240985,
    0.84219775, 0.87166406, 0.90030504, 0.92880418, 0.95655449, 0.98353490,
    1.01047155, 1.03620950, 1.06136425, 1.08579312, 1.10948190, 1.13277995,
    1.15472826, 1.17627308, 1.19703503, 1.21671694, 1.23535898, 1.25364313,
    1.27103891, 1.28718029, 1.30302865, 1.31839527, 1.33294817, 1.34700935,
    1.36057270, 1.37345513, 1.38577122, 1.39733504, 1.40856397, 1.41959619,
    1.42983624, 1.43958467, 1.44902176, 1.45804831, 1.46669568, 1.47486938,
    1.48269965, 1.49034339, 1.49748214, 1.50435106, 1.51076426, 1.51698915,
    1.52290970, 1.52857800, 1.53389835, 1.53912110, 1.54390650, 1.54858517,
    1.55310776, 1.55744391, 1.56164927, 1.56566348, 1.56938671, 1.57307767,
    1.57654764, 1.57980083, 1.58304129, 1.58602496, 1.58880681, 1.59162477,
    1.59419690, 1.59693155, 1.59944600, 1.60185011, 1.60408668, 1.60627134,
    1.60826199, 1.61004547, 1.61192472, 1.61369656, 1.61534074, 1.61688905,
    1.61838916, 1.61985374, 1.62135878, 1.62268119, 1.62390423, 1.62513143,
    1.62632463, 1.62740270, 1.62842767, 1.62945532, 1.63033070, 1.63128026,
    1.63204102
  };

  private WadaSnr() {}

  /**
   * Estimated SNR in dB, clamped to the table's −20..100 dB; {@code null} for digital silence.
   * Linear interpolation between the table entries around the measured G, past the last entry below
   * it (the table's first few entries are not monotonic, and this is how the reference picks among
   * them).
   */
  public static Double estimate(float[] samples) {
    double peak = 0;
    for (float s : samples) {
      peak = Math.max(peak, Math.abs(s));
    }
    if (peak == 0) {
      return null;
    }
    double sumAbs = 0;
    double sumLogAbs = 0;
    for (float s : samples) {
      double magnitude = Math.max(EPSILON, Math.abs(s) / peak);
      sumAbs += magnitude;
      sumLogAbs += Math.log(magnitude);
    }
    double g = Math.log(Math.max(EPSILON, sumAbs / samples.length)) - sumLogAbs / samples.length;
    int index = -1;
    for (int i = 0; i < G_TABLE.length; i++) {
      if (G_TABLE[i] < g) {
        index = i;
      }
    }
    if (index < 0) {
      return (double) TABLE_FIRST_DB;
    }
    if (index == G_TABLE.length - 1) {
      return (double) TABLE_FIRST_DB + G_TABLE.length - 1;
    }
    return TABLE_FIRST_DB + index + (g - G_TABLE[index]) / (G_TABLE[index + 1] - G_TABLE[index]);
  }
}
