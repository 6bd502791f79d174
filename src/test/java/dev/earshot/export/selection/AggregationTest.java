package dev.earshot.export.selection;

import static dev.earshot.stats.agreement.Verdict.A_BETTER;
import static dev.earshot.stats.agreement.Verdict.A_MUCH_BETTER;
import static dev.earshot.stats.agreement.Verdict.BOTH_BAD;
import static dev.earshot.stats.agreement.Verdict.B_BETTER;
import static dev.earshot.stats.agreement.Verdict.B_MUCH_BETTER;
import static dev.earshot.stats.agreement.Verdict.TIE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.earshot.stats.Outcome;
import dev.earshot.stats.agreement.Verdict;
import org.junit.jupiter.api.Test;

class AggregationTest {

  @Test
  void shouldTakeTheMajorityDirectionWithAgreementTimesMeanStrengthAsMargin() {
    Judgement judgement = Aggregation.MAJORITY.aggregate(tally(A_BETTER, A_BETTER, B_MUCH_BETTER));

    assertThat(judgement.outcome()).isEqualTo(Outcome.A_WINS);
    assertThat(judgement.agreement()).isCloseTo(2.0 / 3, within(1e-12));
    assertThat(judgement.margin()).isCloseTo(2.0 / 3, within(1e-12));
  }

  @Test
  void shouldGiveAUnanimousMuchBetterTheFullMarginOfTwo() {
    Judgement judgement =
        Aggregation.MAJORITY.aggregate(tally(B_MUCH_BETTER, B_MUCH_BETTER, B_MUCH_BETTER));

    assertThat(judgement).isEqualTo(new Judgement(Outcome.B_WINS, 2, 1));
  }

  @Test
  void shouldCallASharedTopCountATieWithTheTieVotersAsAgreement() {
    Judgement judgement = Aggregation.MAJORITY.aggregate(tally(A_MUCH_BETTER, TIE, B_BETTER));

    assertThat(judgement.outcome()).isEqualTo(Outcome.TIE);
    assertThat(judgement.margin()).isZero();
    assertThat(judgement.agreement()).isCloseTo(1.0 / 3, within(1e-12));
  }

  @Test
  void shouldCallNeitherBothBadOnlyWhenMoreVotersSaidSoThanSaidTie() {
    assertThat(Aggregation.MAJORITY.aggregate(tally(BOTH_BAD, BOTH_BAD, TIE)).outcome())
        .isEqualTo(Outcome.BOTH_BAD);
    assertThat(Aggregation.MAJORITY.aggregate(tally(BOTH_BAD, TIE)).outcome())
        .isEqualTo(Outcome.TIE);
  }

  @Test
  void shouldLetDisagreeingVotesSubtractUnderMeanStrength() {
    Judgement cancelled =
        Aggregation.MEAN_STRENGTH.aggregate(tally(A_MUCH_BETTER, B_BETTER, B_BETTER));
    Judgement half = Aggregation.MEAN_STRENGTH.aggregate(tally(A_MUCH_BETTER, B_BETTER));

    assertThat(cancelled.outcome()).isEqualTo(Outcome.TIE);
    assertThat(half).isEqualTo(new Judgement(Outcome.A_WINS, 0.5, 0.5));
  }

  @Test
  void shouldGiveTheFractionOfAllVotesPreferringChosenAsSoftLabel() {
    Judgement judgement =
        Aggregation.SOFT_LABEL.aggregate(tally(B_BETTER, B_MUCH_BETTER, TIE, A_BETTER, BOTH_BAD));

    assertThat(judgement).isEqualTo(new Judgement(Outcome.B_WINS, 0.4, 0.4));
  }

  @Test
  void shouldMirrorAVoteCastWithTheSecondResponseAsA() {
    VoteTally votes = new VoteTally();
    votes.add(A_MUCH_BETTER, false);
    votes.add(B_BETTER, false);
    votes.add(BOTH_BAD, false);

    assertThat(votes.count(B_MUCH_BETTER)).isEqualTo(1);
    assertThat(votes.count(A_BETTER)).isEqualTo(1);
    assertThat(votes.count(BOTH_BAD)).isEqualTo(1);
  }

  @Test
  void shouldRefuseToJudgeWithoutVotes() {
    assertThatThrownBy(() -> Aggregation.MAJORITY.aggregate(new VoteTally()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static VoteTally tally(Verdict... verdicts) {
    VoteTally votes = new VoteTally();
    for (Verdict verdict : verdicts) {
      votes.add(verdict);
    }
    return votes;
  }
}
