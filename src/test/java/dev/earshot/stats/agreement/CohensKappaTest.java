package dev.earshot.stats.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.earshot.stats.agreement.CohensKappa.Weighting;
import org.junit.jupiter.api.Test;

class CohensKappaTest {

  /**
   * The classic grant-application example (Wikipedia, "Cohen's kappa"): 50 applications, both
   * raters say yes to 20, only the first to 5, only the second to 10, both no to 15. p_o = 35/50 =
   * 0.7; the first says yes to 25/50, the second to 30/50, so p_e = 0.5·0.6 + 0.5·0.4 = 0.5 and κ =
   * (0.7 − 0.5)/(1 − 0.5) = 0.4.
   */
  private static final long[][] GRANT_TABLE = {{20, 5}, {10, 15}};

  /**
   * Hand-made 3×3 ordinal table, N = 20, row totals (8, 7, 5), column totals (7, 8, 5). Unweighted:
   * p_o = 15/20 = 0.75, p_e = (8·7 + 7·8 + 5·5)/400 = 0.3425, κ = 0.4075/0.6575 = 0.619772.
   * Off-by-one cells observe 2+1+1+1 = 5 and expect (8·8 + 7·7 + 7·5 + 5·8)/20 = 9.4; off-by-two
   * cells observe 0 and expect (8·5 + 5·7)/20 = 3.75. Linear (v = ½, 1): κ = 1 − 2.5/(4.7 + 3.75) =
   * 1 − 2.5/8.45 = 0.704142. Quadratic (v = ¼, 1): κ = 1 − 1.25/(2.35 + 3.75) = 1 − 1.25/6.1 =
   * 0.795082.
   */
  private static final long[][] ORDINAL_TABLE = {{6, 2, 0}, {1, 5, 1}, {0, 1, 4}};

  @Test
  void shouldReproduceTextbookKappaFromTable() {
    assertThat(CohensKappa.of(GRANT_TABLE, Weighting.UNWEIGHTED)).isCloseTo(0.4, within(1e-12));
  }

  @Test
  void shouldReproduceTextbookKappaFromRatingsOnDirection() {
    RatingMatrix ratings =
        fromTable(GRANT_TABLE, new Verdict[] {Verdict.A_BETTER, Verdict.B_MUCH_BETTER});

    assertThat(CohensKappa.onDirection(ratings, "first", "second")).isCloseTo(0.4, within(1e-12));
  }

  @Test
  void shouldWeightDisagreementsByDistanceOnHandComputedTable() {
    assertThat(CohensKappa.of(ORDINAL_TABLE, Weighting.UNWEIGHTED))
        .isCloseTo(0.619772, within(1e-6));
    assertThat(CohensKappa.of(ORDINAL_TABLE, Weighting.LINEAR)).isCloseTo(0.704142, within(1e-6));
    assertThat(CohensKappa.of(ORDINAL_TABLE, Weighting.QUADRATIC))
        .isCloseTo(0.795082, within(1e-6));
  }

  @Test
  void shouldComputeWeightedKappaOnFivePointScaleAndSkipBothBad() {
    RatingMatrix.Builder builder =
        builderFromTable(
            ORDINAL_TABLE, new Verdict[] {Verdict.A_BETTER, Verdict.TIE, Verdict.B_BETTER});
    // Both-bad is off the scale: these items must not change the weighted κ.
    builder.add("extra1", "first", Verdict.BOTH_BAD).add("extra1", "second", Verdict.A_MUCH_BETTER);
    builder.add("extra2", "first", Verdict.B_MUCH_BETTER).add("extra2", "second", Verdict.BOTH_BAD);
    RatingMatrix ratings = builder.build();

    assertThat(CohensKappa.onScale(ratings, "first", "second", Weighting.LINEAR))
        .isCloseTo(0.704142, within(1e-6));
    assertThat(CohensKappa.onScale(ratings, "first", "second", Weighting.QUADRATIC))
        .isCloseTo(0.795082, within(1e-6));
  }

  @Test
  void shouldEqualUnweightedKappaForTwoCategoriesWhateverTheWeights() {
    assertThat(CohensKappa.of(GRANT_TABLE, Weighting.LINEAR)).isCloseTo(0.4, within(1e-12));
    assertThat(CohensKappa.of(GRANT_TABLE, Weighting.QUADRATIC)).isCloseTo(0.4, within(1e-12));
  }

  @Test
  void shouldGiveOneForPerfectAndMinusOneForSystematicDisagreement() {
    assertThat(CohensKappa.of(new long[][] {{7, 0, 0}, {0, 3, 0}, {0, 0, 5}}, Weighting.UNWEIGHTED))
        .isEqualTo(1);
    // p_o = 0, p_e = 0.5·0.5 + 0.5·0.5 = 0.5: κ = −0.5/0.5.
    assertThat(CohensKappa.of(new long[][] {{0, 5}, {5, 0}}, Weighting.UNWEIGHTED))
        .isCloseTo(-1, within(1e-12));
  }

  @Test
  void shouldBeNearZeroForRandomRaters() {
    // Standard error about 0.01–0.015 with 5000 items: the tolerance is over three of them.
    RatingMatrix ratings = AgreementSimulations.randomRaters(5000, 2, 11);

    assertThat(CohensKappa.onDirection(ratings, "rater0", "rater1")).isCloseTo(0, within(0.05));
    assertThat(CohensKappa.onScale(ratings, "rater0", "rater1", Weighting.QUADRATIC))
        .isCloseTo(0, within(0.05));
  }

  @Test
  void shouldBeUndefinedWhenBothRatersUseOneCategory() {
    assertThat(CohensKappa.of(new long[][] {{9, 0}, {0, 0}}, Weighting.UNWEIGHTED)).isNaN();
  }

  /**
   * Ratings of raters "first" and "second" reproducing {@code table}, category c shown as {@code
   * codes[c]}.
   */
  private static RatingMatrix fromTable(long[][] table, Verdict[] codes) {
    return builderFromTable(table, codes).build();
  }

  private static RatingMatrix.Builder builderFromTable(long[][] table, Verdict[] codes) {
    RatingMatrix.Builder builder = RatingMatrix.builder();
    int item = 0;
    for (int i = 0; i < table.length; i++) {
      for (int j = 0; j < table.length; j++) {
        for (long n = 0; n < table[i][j]; n++, item++) {
          builder.add("item" + item, "first", codes[i]).add("item" + item, "second", codes[j]);
        }
      }
    }
    return builder;
  }
}
