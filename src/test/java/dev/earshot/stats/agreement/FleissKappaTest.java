package dev.earshot.stats.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class FleissKappaTest {

  /**
   * Fleiss (1971) as worked in Wikipedia's "Fleiss' kappa": 10 subjects, 14 raters, 5 categories.
   * p_j = (0.143, 0.200, 0.279, 0.150, 0.229), P̄ = 0.378, P̄_e = 0.213, κ = 0.210.
   */
  private static final long[][] FLEISS_1971 = {
    {0, 0, 0, 0, 14},
    {0, 2, 6, 4, 2},
    {0, 0, 3, 5, 6},
    {0, 3, 9, 2, 0},
    {2, 2, 8, 1, 1},
    {7, 7, 0, 0, 0},
    {3, 2, 6, 3, 0},
    {2, 5, 3, 2, 2},
    {6, 5, 2, 1, 0},
    {0, 2, 2, 3, 7}
  };

  @Test
  void shouldReproduceFleissPublishedExample() {
    assertThat(FleissKappa.of(FLEISS_1971)).isCloseTo(0.210, within(5e-4));
  }

  @Test
  void shouldEqualScottsPiForTwoRaters() {
    // The grant example of Cohen's κ (20 yes/yes, 5 yes/no, 10 no/yes, 15 no/no). With two raters
    // Fleiss'
    // κ is Scott's π: pooled yes = 55/100, P̄_e = 0.55² + 0.45² = 0.505, p_o = 0.7,
    // π = (0.7 − 0.505)/(1 − 0.505) = 0.393939.
    RatingMatrix.Builder builder = RatingMatrix.builder();
    addPairs(builder, 0, 20, Verdict.A_BETTER, Verdict.A_BETTER);
    addPairs(builder, 20, 5, Verdict.A_BETTER, Verdict.B_BETTER);
    addPairs(builder, 25, 10, Verdict.B_BETTER, Verdict.A_BETTER);
    addPairs(builder, 35, 15, Verdict.B_BETTER, Verdict.B_BETTER);

    assertThat(FleissKappa.onDirection(builder.build())).isCloseTo(0.393939, within(1e-6));
  }

  @Test
  void shouldHandleVaryingRaterCountsAndSkipSingleRatings() {
    // P_i: i1 (A,A,A) 1; i2 (A,B) 0; i3 (B,B,tie) 2/6; i4 (tie, both-bad = tie) 1; i5 has one
    // rating and is
    // skipped. P̄ = (1 + 0 + 1/3 + 1)/4 = 0.583333. Pooled over the 10 used ratings: A 4, B 3, tie
    // 3,
    // P̄_e = 0.16 + 0.09 + 0.09 = 0.34, κ = (0.583333 − 0.34)/0.66 = 0.368687.
    RatingMatrix ratings =
        RatingMatrix.builder()
            .add("i1", "r1", Verdict.A_BETTER)
            .add("i1", "r2", Verdict.A_MUCH_BETTER)
            .add("i1", "r3", Verdict.A_BETTER)
            .add("i2", "r1", Verdict.A_BETTER)
            .add("i2", "r3", Verdict.B_BETTER)
            .add("i3", "r1", Verdict.B_BETTER)
            .add("i3", "r2", Verdict.B_MUCH_BETTER)
            .add("i3", "r3", Verdict.TIE)
            .add("i4", "r2", Verdict.TIE)
            .add("i4", "r3", Verdict.BOTH_BAD)
            .add("i5", "r1", Verdict.A_MUCH_BETTER)
            .build();

    assertThat(FleissKappa.onDirection(ratings)).isCloseTo(0.368687, within(1e-6));
  }

  @Test
  void shouldGiveOneForPerfectAgreementAndNearZeroForRandomRaters() {
    assertThat(FleissKappa.of(new long[][] {{4, 0, 0}, {0, 4, 0}, {0, 0, 4}, {4, 0, 0}}))
        .isEqualTo(1);
    // Ten rater pairs per item over 2000 items: standard error under 0.008, the tolerance is about
    // four.
    assertThat(FleissKappa.onDirection(AgreementSimulations.randomRaters(2000, 5, 3)))
        .isCloseTo(0, within(0.03));
  }

  @Test
  void shouldGiveMinusOneWhenTwoRatersAlwaysDisagreeOnBalancedCategories() {
    // P̄ = 0, P̄_e = 0.5² + 0.5² = 0.5: κ = −0.5/0.5.
    assertThat(FleissKappa.of(new long[][] {{1, 1}, {1, 1}, {1, 1}})).isCloseTo(-1, within(1e-12));
  }

  private static void addPairs(
      RatingMatrix.Builder builder, int firstItem, int count, Verdict first, Verdict second) {
    for (int item = firstItem; item < firstItem + count; item++) {
      builder.add("item" + item, "first", first).add("item" + item, "second", second);
    }
  }
}
