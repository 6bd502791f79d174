package dev.earshot.stats;

import java.util.SplittableRandom;
import org.apache.commons.math3.special.Gamma;

/**
 * Exact binomial and multinomial variates, fast enough for thousands of draws per bootstrap round:
 * inversion for small means, Hörmann's BTRS transformed rejection (1993) otherwise.
 */
final class BinomialSampler {

  /** Below this mean inversion is cheaper than rejection (and BTRS needs n·p ≥ 10). */
  private static final double INVERSION_MEAN_LIMIT = 10;

  private BinomialSampler() {}

  static long binomial(long trials, double probability, SplittableRandom random) {
    if (trials == 0 || probability <= 0) {
      return 0;
    }
    if (probability >= 1) {
      return trials;
    }
    if (probability > 0.5) {
      return trials - binomial(trials, 1 - probability, random);
    }
    return trials * probability < INVERSION_MEAN_LIMIT
        ? inversion(trials, probability, random)
        : transformedRejection(trials, probability, random);
  }

  /**
   * Multinomial draw of {@code trials} over cells with probabilities proportional to {@code
   * weights}, as a chain of conditional binomials (cell c given the cells before it).
   */
  static long[] multinomial(long trials, long[] weights, SplittableRandom random) {
    long[] draws = new long[weights.length];
    long remainingTrials = trials;
    long remainingWeight = 0;
    for (long weight : weights) {
      remainingWeight += weight;
    }
    for (int cell = 0; cell < weights.length && remainingTrials > 0; cell++) {
      if (weights[cell] == 0) {
        continue;
      }
      draws[cell] =
          weights[cell] == remainingWeight
              ? remainingTrials
              : binomial(remainingTrials, (double) weights[cell] / remainingWeight, random);
      remainingTrials -= draws[cell];
      remainingWeight -= weights[cell];
    }
    return draws;
  }

  private static long inversion(long trials, double p, SplittableRandom random) {
    double q = 1 - p;
    double ratio = p / q;
    double start = Math.pow(q, trials);
    while (true) {
      double u = random.nextDouble();
      double mass = start;
      long k = 0;
      while (u > mass && k < trials) {
        u -= mass;
        k++;
        mass *= ratio * (trials - k + 1) / k;
      }
      if (u <= mass) {
        return k;
      }
      // Rounding left u above the total mass: draw again rather than bias the upper tail.
    }
  }

  private static long transformedRejection(long trials, double p, SplittableRandom random) {
    double q = 1 - p;
    double spq = Math.sqrt(trials * p * q);
    double b = 1.15 + 2.53 * spq;
    double a = -0.0873 + 0.0248 * b + 0.01 * p;
    double c = trials * p + 0.5;
    double vr = 0.92 - 4.2 / b;
    double alpha = (2.83 + 5.1 / b) * spq;
    long mode = (long) Math.floor((trials + 1) * p);
    // Needed only when the cheap squeeze test fails (a minority of draws), so computed on first
    // use.
    double logOdds = Double.NaN;
    double logModeMass = Double.NaN;
    while (true) {
      double u = random.nextDouble() - 0.5;
      double v = random.nextDouble();
      double us = 0.5 - Math.abs(u);
      long k = (long) Math.floor((2 * a / us + b) * u + c);
      if (k < 0 || k > trials) {
        continue;
      }
      if (us >= 0.07 && v <= vr) {
        return k;
      }
      double logV = Math.log(v * alpha / (a / (us * us) + b));
      if (Double.isNaN(logModeMass)) {
        logOdds = Math.log(p / q);
        logModeMass = logFactorial(mode) + logFactorial(trials - mode);
      }
      double logRatio =
          logModeMass - logFactorial(k) - logFactorial(trials - k) + (k - mode) * logOdds;
      if (logV <= logRatio) {
        return k;
      }
    }
  }

  private static double logFactorial(long n) {
    return Gamma.logGamma(n + 1.0);
  }
}
