package dev.earshot.export.selection;

import static dev.earshot.stats.agreement.Verdict.A_BETTER;
import static dev.earshot.stats.agreement.Verdict.A_MUCH_BETTER;
import static dev.earshot.stats.agreement.Verdict.BOTH_BAD;
import static dev.earshot.stats.agreement.Verdict.B_BETTER;
import static dev.earshot.stats.agreement.Verdict.TIE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.earshot.export.format.LabeledCompletion;
import dev.earshot.export.format.PreferencePair;
import dev.earshot.export.format.RecordWriter;
import dev.earshot.export.format.ScoredResponse;
import dev.earshot.export.format.Turn;
import dev.earshot.stats.agreement.Verdict;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Votes and scores on two prompts with responses x, y, z of known outcome, through the selection
 * with each policy; every pair and every drop is checked.
 */
class PairSelectionTest {

  private static final Turn P1 = new Turn("d/p1", "first prompt", null);
  private static final Turn P2 = new Turn("d/p2", "second prompt", null);
  private static final Turn X1 = new Turn("d/p1/x", "x one", null);
  private static final Turn Y1 = new Turn("d/p1/y", "y one", null);
  private static final Turn Z1 = new Turn("d/p1/z", "z one", null);
  private static final Turn X2 = new Turn("d/p2/x", "x two", null);
  private static final Turn Y2 = new Turn("d/p2/y", "y two", null);

  /**
   * p1: x over y by 2 of 3 "better" (one cast with y as A); y and z tie 2 of 3; x and z both bad.
   * p2: y over x, unanimous and "much better".
   */
  private static final List<VoteRow> VOTES =
      List.of(
          new VoteRow(P1, "overall", X1, Y1, A_BETTER),
          new VoteRow(P1, "overall", Y1, X1, B_BETTER),
          new VoteRow(P1, "overall", X1, Y1, B_BETTER),
          new VoteRow(P1, "overall", Z1, Y1, TIE),
          new VoteRow(P1, "overall", Y1, Z1, TIE),
          new VoteRow(P1, "overall", Y1, Z1, A_BETTER),
          new VoteRow(P1, "overall", X1, Z1, BOTH_BAD),
          new VoteRow(P2, "overall", X2, Y2, Verdict.B_MUCH_BETTER),
          new VoteRow(P2, "overall", Y2, X2, A_MUCH_BETTER));

  @Test
  void shouldAggregateEachPairsVotesAndExcludeTiesByDefault() throws IOException {
    SelectionCounts counts = new SelectionCounts();
    List<PreferencePair> pairs = votePairs(rules(TiePolicy.EXCLUDE, 0, 0), counts);

    assertThat(pairs)
        .extracting(p -> p.chosen().id(), p -> p.rejected().id(), PreferencePair::margin)
        .containsExactly(tuple("d/p1/x", "d/p1/y", 2.0 / 3), tuple("d/p2/y", "d/p2/x", 2.0));
    assertThat(pairs).allSatisfy(p -> assertThat(p.outcome()).isNull());
    assertThat(counts.asMap())
        .containsExactly(
            Map.entry(VotePairs.VOTES, 9L),
            Map.entry(VotePairs.PAIRS, 4L),
            Map.entry(PairRules.DROPPED_TIE, 1L),
            Map.entry(PairRules.DROPPED_BOTH_BAD, 1L),
            Map.entry(PairRules.DROPPED_BELOW_AGREEMENT, 0L),
            Map.entry(PairRules.DROPPED_BELOW_MARGIN, 0L));
  }

  @Test
  void shouldKeepTiesAsLabelledPairsWithMarginZero() throws IOException {
    List<PreferencePair> pairs = votePairs(rules(TiePolicy.LABEL, 0, 0), new SelectionCounts());

    assertThat(pairs)
        .extracting(
            p -> p.chosen().id(), p -> p.rejected().id(), PreferencePair::margin, p -> p.outcome())
        .containsExactly(
            tuple("d/p1/x", "d/p1/y", 2.0 / 3, PreferencePair.Outcome.PREFERRED),
            tuple("d/p1/x", "d/p1/z", 0.0, PreferencePair.Outcome.BOTH_BAD),
            tuple("d/p1/y", "d/p1/z", 0.0, PreferencePair.Outcome.TIE),
            tuple("d/p2/y", "d/p2/x", 2.0, PreferencePair.Outcome.PREFERRED));
  }

  @Test
  void shouldKeepTiesWithMarginZeroAndNoLabel() throws IOException {
    List<PreferencePair> pairs =
        votePairs(rules(TiePolicy.MARGIN_ZERO, 0, 0), new SelectionCounts());

    assertThat(pairs).hasSize(4).allSatisfy(p -> assertThat(p.outcome()).isNull());
    assertThat(pairs).filteredOn(p -> p.margin() == 0).hasSize(2);
  }

  @Test
  void shouldDropPairsBelowTheMinimumAgreementAndAtOrBelowTheMinimumMargin() throws IOException {
    SelectionCounts agreement = new SelectionCounts();
    SelectionCounts margin = new SelectionCounts();

    List<PreferencePair> unanimous = votePairs(rules(TiePolicy.MARGIN_ZERO, 0.9, 0), agreement);
    List<PreferencePair> strong = votePairs(rules(TiePolicy.EXCLUDE, 0, 2.0 / 3), margin);

    // x–y (2/3), y–z (2/3 said tie) fall below 0.9; x–z (1 vote) and p2 (2 of 2) are unanimous.
    assertThat(unanimous).extracting(p -> p.chosen().id()).containsExactly("d/p1/x", "d/p2/y");
    assertThat(agreement.get(PairRules.DROPPED_BELOW_AGREEMENT)).isEqualTo(2);
    // A margin equal to the minimum does not exceed it.
    assertThat(strong).extracting(p -> p.chosen().id()).containsExactly("d/p2/y");
    assertThat(margin.get(PairRules.DROPPED_BELOW_MARGIN)).isEqualTo(1);
  }

  @Test
  void shouldDeriveEveryPairOfScoredResponsesKeepingTheScoreDifferenceAsMargin()
      throws IOException {
    List<ScoreRow> scores =
        List.of(
            new ScoreRow(P1, X1, "prosody", 0.25),
            new ScoreRow(P1, Y1, "prosody", 0.75),
            new ScoreRow(P1, Z1, "prosody", 0.5),
            new ScoreRow(P2, X2, "prosody", 0.5),
            new ScoreRow(P2, Y2, "prosody", 0.5));
    SelectionCounts all = new SelectionCounts();
    SelectionCounts wide = new SelectionCounts();

    List<PreferencePair> allPairs = scorePairs(scores, rules(TiePolicy.EXCLUDE, 0, 0), all);
    List<PreferencePair> widePairs = scorePairs(scores, rules(TiePolicy.EXCLUDE, 0, 0.25), wide);

    assertThat(allPairs)
        .extracting(p -> p.chosen().id(), p -> p.rejected().id(), PreferencePair::margin)
        .containsExactly(
            tuple("d/p1/y", "d/p1/x", 0.5),
            tuple("d/p1/y", "d/p1/z", 0.25),
            tuple("d/p1/z", "d/p1/x", 0.25));
    assertThat(all.get(ScorePairs.PAIRS)).isEqualTo(4);
    assertThat(all.get(PairRules.DROPPED_TIE)).isEqualTo(1);
    assertThat(widePairs).extracting(p -> p.chosen().id()).containsExactly("d/p1/y");
    assertThat(wide.get(PairRules.DROPPED_BELOW_MARGIN)).isEqualTo(2);
  }

  @Test
  void shouldLabelForKtoTheResponsesThatWonMoreThanTheyLost() throws IOException {
    List<ScoreRow> scores =
        List.of(
            new ScoreRow(P1, X1, "prosody", 0.25),
            new ScoreRow(P1, Y1, "prosody", 0.75),
            new ScoreRow(P1, Z1, "prosody", 0.5));
    SelectionCounts counts = new SelectionCounts();
    Collected<LabeledCompletion> labels = new Collected<>();
    ScorePairs pairs =
        new ScorePairs(rules(TiePolicy.EXCLUDE, 0, 0), counts, new KtoLabels(counts, labels));
    for (ScoreRow score : scores) {
      pairs.accept(score);
    }
    pairs.finish();

    // y won twice, x lost twice, z won once and lost once.
    assertThat(labels.records)
        .extracting(l -> l.completion().id(), LabeledCompletion::desirable)
        .containsExactly(tuple("d/p1/x", false), tuple("d/p1/y", true));
    assertThat(counts.get(KtoLabels.DROPPED_UNDECIDED)).isEqualTo(1);
    assertThat(KtoLabels.ofScore(scores.get(2), 0.5).desirable()).isTrue();
    assertThat(KtoLabels.ofScore(scores.get(0), 0.5).desirable()).isFalse();
  }

  @Test
  void shouldDropScalarRowsMissingAWeightedDimension() throws IOException {
    SelectionCounts counts = new SelectionCounts();
    Collected<ScoredResponse> rows = new Collected<>();
    ScoredResponses responses = new ScoredResponses(Set.of("content", "quality"), counts, rows);
    responses.accept(new ScoreRow(P1, X1, "content", 1));
    responses.accept(new ScoreRow(P1, X1, "quality", 0.5));
    responses.accept(new ScoreRow(P1, Y1, "quality", 0.5));
    responses.accept(new ScoreRow(P2, X2, "content", 0));
    responses.accept(new ScoreRow(P2, X2, "prosody", 0.25));
    responses.accept(new ScoreRow(P2, X2, "quality", 1));
    responses.finish();

    assertThat(rows.records)
        .extracting(r -> r.response().id(), ScoredResponse::scores)
        .containsExactly(
            tuple("d/p1/x", Map.of("content", 1.0, "quality", 0.5)),
            tuple("d/p2/x", Map.of("content", 0.0, "prosody", 0.25, "quality", 1.0)));
    assertThat(counts.asMap())
        .containsExactly(
            Map.entry(ScoredResponses.SCORES, 6L),
            Map.entry(ScoredResponses.RESPONSES, 3L),
            Map.entry(ScoredResponses.DROPPED_MISSING_SCORE, 1L));
  }

  @Test
  void shouldRejectVotesThatArriveOutOfGroupOrder() throws IOException {
    VotePairs pairs =
        new VotePairs(rules(TiePolicy.EXCLUDE, 0, 0), new SelectionCounts(), group -> {});
    pairs.accept(VOTES.get(VOTES.size() - 1));

    assertThatThrownBy(() -> pairs.accept(VOTES.get(0)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sorted");
  }

  private static PairRules rules(TiePolicy ties, double minAgreement, double minMargin) {
    return new PairRules(Aggregation.MAJORITY, ties, minAgreement, minMargin);
  }

  private static List<PreferencePair> votePairs(PairRules rules, SelectionCounts counts)
      throws IOException {
    List<PreferencePair> written = new ArrayList<>();
    VotePairs pairs = new VotePairs(rules, counts, written::addAll);
    for (VoteRow vote : VOTES) {
      pairs.accept(vote);
    }
    pairs.finish();
    return written;
  }

  private static List<PreferencePair> scorePairs(
      List<ScoreRow> scores, PairRules rules, SelectionCounts counts) throws IOException {
    List<PreferencePair> written = new ArrayList<>();
    ScorePairs pairs = new ScorePairs(rules, counts, written::addAll);
    for (ScoreRow score : scores) {
      pairs.accept(score);
    }
    pairs.finish();
    return written;
  }

  private static final class Collected<T> implements RecordWriter<T> {
    final List<T> records = new ArrayList<>();

    @Override
    public void write(T record) {
      records.add(record);
    }

    @Override
    public void close() {}
  }
}
