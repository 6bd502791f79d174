package dev.earshot.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.stat.inference.ChiSquareTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BinomialSamplerTest {

  @ParameterizedTest
  @CsvSource({"30, 0.2", "40, 0.5", "1000, 0.3", "1000, 0.85", "2000000, 0.4", "5000000, 0.000001"})
  void shouldDrawFromTheBinomialDistribution(int trials, double probability) {
    SplittableRandom random = new SplittableRandom(trials);
    int draws = 100_000;
    BinomialDistribution truth = new BinomialDistribution(null, trials, probability);
    // Bins [lo, lo+1, ..., hi] with the tails pooled into the end bins, expected count >= 5 each.
    int lo = truth.inverseCumulativeProbability(1e-4);
    int hi = truth.inverseCumulativeProbability(1 - 1e-4);
    long[] observed = new long[hi - lo + 1];
    for (int d = 0; d < draws; d++) {
      long k = BinomialSampler.binomial(trials, probability, random);
      observed[(int) (Math.min(Math.max(k, lo), hi) - lo)]++;
    }
    List<Double> expected = new ArrayList<>();
    for (int k = lo; k <= hi; k++) {
      double mass =
          k == lo
              ? truth.cumulativeProbability(lo)
              : k == hi ? 1 - truth.cumulativeProbability(hi - 1) : truth.probability(k);
      expected.add(mass * draws);
    }
    List<Long> pooledObserved = new ArrayList<>();
    List<Double> pooledExpected = new ArrayList<>();
    double pendingExpected = 0;
    long pendingObserved = 0;
    for (int bin = 0; bin < observed.length; bin++) {
      pendingExpected += expected.get(bin);
      pendingObserved += observed[bin];
      if (pendingExpected >= 5 || bin == observed.length - 1) {
        pooledExpected.add(pendingExpected);
        pooledObserved.add(pendingObserved);
        pendingExpected = 0;
        pendingObserved = 0;
      }
    }

    double pValue =
        pooledExpected.size() < 2
            ? 1
            : new ChiSquareTest()
                .chiSquareTest(
                    pooledExpected.stream().mapToDouble(Double::doubleValue).toArray(),
                    pooledObserved.stream().mapToLong(Long::longValue).toArray());

    assertThat(pValue).isGreaterThan(1e-3);
  }

  @Test
  void shouldSpreadMultinomialDrawsInProportionToWeights() {
    long[] weights = {500, 0, 1500, 3000, 5000};
    SplittableRandom random = new SplittableRandom(3);
    int rounds = 2000;
    double[] sums = new double[weights.length];
    for (int r = 0; r < rounds; r++) {
      long[] draw = BinomialSampler.multinomial(10_000, weights, random);
      assertThat(draw[1]).isZero();
      assertThat(draw[0] + draw[2] + draw[3] + draw[4]).isEqualTo(10_000);
      for (int c = 0; c < weights.length; c++) {
        sums[c] += draw[c];
      }
    }
    for (int c = 0; c < weights.length; c++) {
      double p = weights[c] / 10_000.0;
      double standardErrorOfMean = Math.sqrt(10_000 * p * (1 - p) / rounds);
      assertThat(Math.abs(sums[c] / rounds - 10_000 * p))
          .isLessThanOrEqualTo(4 * standardErrorOfMean);
    }
  }
}
