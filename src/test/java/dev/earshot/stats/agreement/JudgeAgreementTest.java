package dev.earshot.stats.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.earshot.stats.Outcome;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JudgeAgreementTest {

  /** Human majorities: p1 A, p2 B, p3 tie (A and B one each), p4 tie (both-bad + tie), p5 A. */
  private static final RatingMatrix HUMANS =
      RatingMatrix.builder()
          .add("p1", "h1", Verdict.A_BETTER)
          .add("p1", "h2", Verdict.A_MUCH_BETTER)
          .add("p1", "h3", Verdict.TIE)
          .add("p2", "h1", Verdict.B_BETTER)
          .add("p2", "h2", Verdict.B_BETTER)
          .add("p3", "h1", Verdict.A_BETTER)
          .add("p3", "h3", Verdict.B_BETTER)
          .add("p4", "h2", Verdict.BOTH_BAD)
          .add("p4", "h3", Verdict.TIE)
          .add("p5", "h1", Verdict.A_BETTER)
          .build();

  @Test
  void shouldCompareJudgeWithHumanMajorityWithAndWithoutTies() {
    // p1 A = A agree; p2 A ≠ B; p3 tie = tie agree; p4 both-bad (a tie) = tie agree; p5 tie ≠ A;
    // "unrated" has no human verdict. With ties 3/5. Without ties only p1 and p2 have two
    // preferences: 1/2.
    Map<String, Outcome> judge = new LinkedHashMap<>();
    judge.put("p1", Outcome.A_WINS);
    judge.put("p2", Outcome.A_WINS);
    judge.put("p3", Outcome.TIE);
    judge.put("p4", Outcome.BOTH_BAD);
    judge.put("p5", Outcome.TIE);
    judge.put("unrated", Outcome.B_WINS);

    assertThat(JudgeAgreement.withHumanMajority(HUMANS, judge, TieHandling.WITH_TIES))
        .isEqualTo(new AgreementRate(3, 5));
    assertThat(JudgeAgreement.withHumanMajority(HUMANS, judge, TieHandling.WITHOUT_TIES))
        .isEqualTo(new AgreementRate(1, 2));
  }

  @Test
  void shouldCountPositionConflictsAfterUnswapping() {
    // q1: A first, then B-shown-first picks the first slot (= A): consistent.
    // q2: A first, then the first slot again (now B): the judge followed position 1 both times.
    // q3: B (second slot) first, then the second slot again (now A): position 2 both times.
    // q4: tie both times: consistent. q5: tie, then a preference: conflict of the third kind.
    // q6 was asked only once.
    Map<String, Outcome> shownAB =
        Map.of(
            "q1",
            Outcome.A_WINS,
            "q2",
            Outcome.A_WINS,
            "q3",
            Outcome.B_WINS,
            "q4",
            Outcome.TIE,
            "q5",
            Outcome.BOTH_BAD,
            "q6",
            Outcome.A_WINS);
    Map<String, Outcome> shownBA =
        Map.of(
            "q1",
            Outcome.B_WINS,
            "q2",
            Outcome.A_WINS,
            "q3",
            Outcome.B_WINS,
            "q4",
            Outcome.TIE,
            "q5",
            Outcome.A_WINS);

    PositionConsistency consistency = JudgeAgreement.positionConsistency(shownAB, shownBA);

    assertThat(consistency).isEqualTo(new PositionConsistency(5, 3, 1, 1));
    assertThat(consistency.conflictRate()).isEqualTo(0.6);
  }

  @Test
  void shouldCorrelateLeaderboardsWithOneSwappedNeighbourPair() {
    // Ranks 1..5 against 1, 3, 2, 4, 5: Σd² = 2, ρ = 1 − 6·2/(5·24) = 0.9; 1 of 10 pairs
    // discordant,
    // τ = (9 − 1)/10 = 0.8. System "extra" is only on one leaderboard and is ignored.
    Map<String, Double> humans =
        Map.of("a", 5.0, "b", 4.0, "c", 3.0, "d", 2.0, "e", 1.0, "extra", 9.0);
    Map<String, Double> judge =
        Map.of("a", 1500.0, "b", 1300.0, "c", 1400.0, "d", 1200.0, "e", 1100.0);

    RankCorrelation correlation = RankCorrelation.between(humans, judge);

    assertThat(correlation.systems()).isEqualTo(5);
    assertThat(correlation.spearmanRho()).isCloseTo(0.9, within(1e-12));
    assertThat(correlation.kendallTauB()).isCloseTo(0.8, within(1e-12));
  }

  @Test
  void shouldCorrectRankCorrelationsForTiedScores() {
    // x = (1, 2, 2, 3), y = (1, 2, 3, 4). Kendall: 5 concordant, 0 discordant, one pair tied in x
    // only:
    // τ-b = 5/√((6 − 1)·6) = 0.912871. Spearman on average ranks (1, 2.5, 2.5, 4) vs (1, 2, 3, 4):
    // deviations (−1.5, 0, 0, 1.5) and (−1.5, −0.5, 0.5, 1.5), ρ = 4.5/√(4.5·5) = 0.948683.
    Map<String, Double> x = Map.of("s1", 1.0, "s2", 2.0, "s3", 2.0, "s4", 3.0);
    Map<String, Double> y = Map.of("s1", 1.0, "s2", 2.0, "s3", 3.0, "s4", 4.0);

    RankCorrelation correlation = RankCorrelation.between(x, y);

    assertThat(correlation.kendallTauB()).isCloseTo(0.912871, within(1e-6));
    assertThat(correlation.spearmanRho()).isCloseTo(0.948683, within(1e-6));
  }

  @Test
  void shouldRejectLeaderboardsSharingFewerThanTwoSystems() {
    assertThatThrownBy(() -> RankCorrelation.between(Map.of("a", 1.0, "b", 2.0), Map.of("a", 3.0)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
