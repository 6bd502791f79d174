package dev.earshot.stats.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.earshot.stats.agreement.KrippendorffAlpha.Metric;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class KrippendorffAlphaTest {

  private static final double MISSING = Double.NaN;

  /**
   * Reliability data of Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section
   * C: four observers (rows) × twelve units (columns), values 1..5, missing cells. Unit 12 has a
   * single value and is not pairable, leaving n = 40 pairable values. Published: nominal α = 0.743,
   * ordinal α = 0.815, interval α = 0.849. Nominal by hand: the coincidence diagonal is o_11 = 7,
   * o_22 = 10, o_33 = 8, o_44 = 4, o_55 = 3 (32 in all), marginals n_c = (9, 13, 10, 5, 3), so D_o
   * = (40 − 32)/40 = 0.2 and D_e = (40² − 9² − 13² − 10² − 5² − 3²)/(40·39) = 1216/1560, α = 1 −
   * 0.2·1560/1216 = 0.743421.
   */
  private static final double[][] KRIPPENDORFF_2011 = {
    {1, 2, 3, 3, 2, 1, 4, 1, 2, MISSING, MISSING, MISSING},
    {1, 2, 3, 3, 2, 2, 4, 1, 2, 5, MISSING, 3},
    {MISSING, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, MISSING},
    {1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, MISSING}
  };

  @Test
  void shouldReproducePublishedWorkedExample() {
    List<double[]> units = units(KRIPPENDORFF_2011);

    assertThat(KrippendorffAlpha.of(units, Metric.NOMINAL)).isCloseTo(0.743421, within(1e-6));
    assertThat(KrippendorffAlpha.of(units, Metric.ORDINAL)).isCloseTo(0.815, within(5e-4));
    assertThat(KrippendorffAlpha.of(units, Metric.INTERVAL)).isCloseTo(0.849, within(5e-4));
  }

  @Test
  void shouldReproduceWorkedExampleFromRatingMatrixAndLeaveBothBadOutOfOrdinal() {
    // Values 1..5 become scores −2..+2: a shift, which changes no metric.
    RatingMatrix.Builder builder = ratingsBuilder(KRIPPENDORFF_2011);
    RatingMatrix ratings = builder.build();
    builder
        .add("unit1", "observer E", Verdict.BOTH_BAD)
        .add("unit2", "observer E", Verdict.BOTH_BAD);
    RatingMatrix withBothBad = builder.build();

    assertThat(KrippendorffAlpha.of(ratings, Metric.NOMINAL)).isCloseTo(0.743421, within(1e-6));
    assertThat(KrippendorffAlpha.of(ratings, Metric.ORDINAL)).isCloseTo(0.815, within(5e-4));
    assertThat(KrippendorffAlpha.of(ratings, Metric.INTERVAL)).isCloseTo(0.849, within(5e-4));
    assertThat(KrippendorffAlpha.of(withBothBad, Metric.ORDINAL)).isCloseTo(0.815, within(5e-4));
    assertThat(KrippendorffAlpha.of(withBothBad, Metric.INTERVAL)).isCloseTo(0.849, within(5e-4));
    assertThat(KrippendorffAlpha.of(withBothBad, Metric.NOMINAL)).isLessThan(0.74);
  }

  @Test
  void shouldGiveOneForPerfectAgreement() {
    List<double[]> units =
        List.of(new double[] {1, 1, 1}, new double[] {2, 2}, new double[] {5, 5, 5, 5});

    for (Metric metric : Metric.values()) {
      assertThat(KrippendorffAlpha.of(units, metric)).isEqualTo(1);
    }
  }

  @Test
  void shouldGoNegativeForSystematicDisagreement() {
    // Two observers, five units, always {1, 2}: o_12 = o_21 = 5, n_1 = n_2 = 5, n = 10.
    // α = 1 − (n − 1)·Σ o δ² / Σ n_c n_k δ² = 1 − 9·10/(2·25) = −0.8 (δ² = 1 for every metric
    // here).
    List<double[]> units = new ArrayList<>();
    for (int unit = 0; unit < 5; unit++) {
      units.add(new double[] {1, 2});
    }

    for (Metric metric : Metric.values()) {
      assertThat(KrippendorffAlpha.of(units, metric)).isCloseTo(-0.8, within(1e-12));
    }
  }

  @Test
  void shouldBeNearZeroForRandomRaters() {
    // Standard error about 0.011 here (simulated): the tolerance is over four of them.
    RatingMatrix ratings = AgreementSimulations.randomRaters(5000, 3, 7);

    for (Metric metric : Metric.values()) {
      assertThat(KrippendorffAlpha.of(ratings, metric)).isCloseTo(0, within(0.05));
    }
  }

  @Test
  void shouldBeUndefinedWithoutVariation() {
    assertThat(KrippendorffAlpha.of(List.of(new double[] {3, 3}, new double[] {3}), Metric.NOMINAL))
        .isNaN();
  }

  /** Columns of an observers × units table, missing cells left out. */
  private static List<double[]> units(double[][] observersByUnits) {
    List<double[]> units = new ArrayList<>();
    for (int unit = 0; unit < observersByUnits[0].length; unit++) {
      int column = unit;
      units.add(
          Arrays.stream(observersByUnits)
              .mapToDouble(row -> row[column])
              .filter(value -> !Double.isNaN(value))
              .toArray());
    }
    return units;
  }

  private static RatingMatrix.Builder ratingsBuilder(double[][] observersByUnits) {
    RatingMatrix.Builder builder = RatingMatrix.builder();
    for (int observer = 0; observer < observersByUnits.length; observer++) {
      for (int unit = 0; unit < observersByUnits[observer].length; unit++) {
        double value = observersByUnits[observer][unit];
        if (!Double.isNaN(value)) {
          builder.add(
              "unit" + (unit + 1),
              "observer " + (char) ('A' + observer),
              Verdict.ofScore((int) value - 3));
        }
      }
    }
    return builder;
  }
}
