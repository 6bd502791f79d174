package dev.earshot.stats.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.earshot.stats.Outcome;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PercentAgreementTest {

  /**
   * i1: directions A, A, tie → 3 rater pairs, 1 agreeing; 1 pair of preferences, agreeing. i2: tie,
   * both-bad (a tie) → 1 pair, agreeing; no preference pair. i3: B, A → 1 pair, disagreeing, also
   * without ties. i4: a single rating → no pair. With ties 2/5, without ties 1/2.
   */
  private static final RatingMatrix RATINGS =
      RatingMatrix.builder()
          .add("i1", "r1", Verdict.A_BETTER)
          .add("i1", "r2", Verdict.A_MUCH_BETTER)
          .add("i1", "r3", Verdict.TIE)
          .add("i2", "r1", Verdict.TIE)
          .add("i2", "r2", Verdict.BOTH_BAD)
          .add("i3", "r1", Verdict.B_BETTER)
          .add("i3", "r3", Verdict.A_BETTER)
          .add("i4", "r2", Verdict.B_BETTER)
          .build();

  @Test
  void shouldPoolAgreeingRaterPairsOverItemsWithAndWithoutTies() {
    assertThat(PercentAgreement.of(RATINGS, TieHandling.WITH_TIES))
        .isEqualTo(new AgreementRate(2, 5));
    assertThat(PercentAgreement.of(RATINGS, TieHandling.WITHOUT_TIES))
        .isEqualTo(new AgreementRate(1, 2));
    assertThat(new AgreementRate(1, 2).rate()).isEqualTo(0.5);
  }

  @Test
  void shouldTakeMajorityOnDirectionWithSharedTopCountAsTie() {
    RatingMatrix ratings =
        RatingMatrix.builder()
            .add("twoA", "r1", Verdict.A_BETTER)
            .add("twoA", "r2", Verdict.A_MUCH_BETTER)
            .add("twoA", "r3", Verdict.B_BETTER)
            .add("split", "r1", Verdict.A_BETTER)
            .add("split", "r2", Verdict.B_BETTER)
            .add("threeWays", "r1", Verdict.A_BETTER)
            .add("threeWays", "r2", Verdict.TIE)
            .add("threeWays", "r3", Verdict.B_BETTER)
            .add("bothBad", "r1", Verdict.BOTH_BAD)
            .add("bothBad", "r2", Verdict.TIE)
            .add("bothBad", "r3", Verdict.B_BETTER)
            .add("alone", "r3", Verdict.B_MUCH_BETTER)
            .build();

    assertThat(MajorityVote.perItem(ratings))
        .containsExactly(
            Map.entry("twoA", Outcome.A_WINS),
            Map.entry("split", Outcome.TIE),
            Map.entry("threeWays", Outcome.TIE),
            Map.entry("bothBad", Outcome.TIE),
            Map.entry("alone", Outcome.B_WINS));
  }

  @Test
  void shouldKeepMissingCellsEmptyAndRejectASecondVerdictFromTheSameRater() {
    assertThat(RATINGS.verdict("i1", "r3")).contains(Verdict.TIE);
    assertThat(RATINGS.verdict("i2", "r3")).isEmpty();
    assertThat(RATINGS.items()).containsExactly("i1", "i2", "i3", "i4");
    assertThat(RATINGS.raters()).containsExactly("r1", "r2", "r3");
    assertThatThrownBy(
            () -> RatingMatrix.builder().add("i", "r", Verdict.TIE).add("i", "r", Verdict.A_BETTER))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("twice");
  }

  @Test
  void shouldEncodeFivePointScoresAndKeepBothBadOffTheScale() {
    assertThat(Verdict.ofScore(-2)).isEqualTo(Verdict.A_MUCH_BETTER);
    assertThat(Verdict.B_MUCH_BETTER.score()).isEqualTo(2);
    assertThat(Verdict.A_BETTER.direction()).isEqualTo(Outcome.A_WINS);
    assertThat(Verdict.BOTH_BAD.direction()).isEqualTo(Outcome.TIE);
    assertThatThrownBy(Verdict.BOTH_BAD::score).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> Verdict.ofScore(3)).isInstanceOf(IllegalArgumentException.class);
  }
}
