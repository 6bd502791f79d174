package dev.earshot.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LeaderboardTest {

  private static final List<String> EIGHT = List.of("s0", "s1", "s2", "s3", "s4", "s5", "s6", "s7");
  private static final double[] EIGHT_STRENGTHS = {-0.9, -0.6, -0.3, 0.0, 0.1, 0.35, 0.6, 0.75};

  @Test
  void shouldSortRowsByRatingAndKeepBothBadSeparate() {
    PairwiseCounts counts =
        PairwiseCounts.builder()
            .add("weak", "strong", Outcome.B_WINS, 8)
            .add("weak", "strong", Outcome.A_WINS, 2)
            .add("weak", "strong", Outcome.TIE, 3)
            .add("strong", "weak", Outcome.BOTH_BAD, 1)
            .add("middle", "weak", Outcome.A_WINS, 5)
            .add("middle", "weak", Outcome.B_WINS, 4)
            .add("middle", "strong", Outcome.B_WINS, 6)
            .add("middle", "strong", Outcome.A_WINS, 3)
            .build();

    LeaderboardResult result =
        Leaderboard.compute(
            counts,
            BradleyTerryModel.halfWin(),
            RatingScale.elo(),
            BootstrapSettings.seeded(1).withRounds(100));

    assertThat(result.rows())
        .extracting(LeaderboardRow::system)
        .containsExactly("strong", "middle", "weak");
    LeaderboardRow weak = result.rows().get(2);
    assertThat(weak.wins()).isEqualTo(2 + 4);
    assertThat(weak.losses()).isEqualTo(8 + 5);
    assertThat(weak.ties()).isEqualTo(3);
    assertThat(weak.bothBad()).isEqualTo(1);
    assertThat(weak.battles()).isEqualTo(14 + 9);
    assertThat(result.rows())
        .allSatisfy(row -> assertThat(row.ciLow()).isLessThanOrEqualTo(row.rating()));
    assertThat(result.rows())
        .allSatisfy(row -> assertThat(row.ciHigh()).isGreaterThanOrEqualTo(row.rating()));
  }

  @Test
  void shouldGiveIdenticalResultsForSameSeedWhateverTheThreadCount() {
    PairwiseCounts counts =
        Simulations.halfWinVotes(
            EIGHT, EIGHT_STRENGTHS, Simulations.uniformVotes(8, 50), 0.2, new SplittableRandom(5));
    BootstrapSettings settings = BootstrapSettings.seeded(99).withRounds(300);

    LeaderboardResult oneThread = compute(counts, settings.withThreads(1));
    LeaderboardResult again = compute(counts, settings.withThreads(1));
    LeaderboardResult threeThreads = compute(counts, settings.withThreads(3));
    LeaderboardResult otherSeed = compute(counts, BootstrapSettings.seeded(100).withRounds(300));

    assertThat(again.rows()).isEqualTo(oneThread.rows());
    assertThat(threeThreads.rows()).isEqualTo(oneThread.rows());
    assertThat(otherSeed.rows()).isNotEqualTo(oneThread.rows());
  }

  @Test
  void shouldGiveRankUpperBoundsFromNonOverlappingIntervals() {
    List<String> systems = List.of("top", "twin", "middle", "bottom");
    double[] theta = {1.5, 1.5, 0, -1.5};
    PairwiseCounts counts =
        Simulations.halfWinVotes(
            systems, theta, Simulations.uniformVotes(4, 3000), 0.1, new SplittableRandom(8));

    LeaderboardResult result = compute(counts, BootstrapSettings.seeded(3).withRounds(200));

    assertThat(result.rows())
        .extracting(LeaderboardRow::rankUpperBound)
        .containsExactlyInAnyOrder(1, 1, 3, 4);
    assertThat(result.rows().get(2).system()).isEqualTo("middle");
    assertThat(result.rows().get(3).system()).isEqualTo("bottom");
  }

  @Test
  void shouldAgreeWaldErrorsWithBootstrapSpreadOnWellConditionedData() {
    List<String> systems = List.of("A", "B", "C", "D", "E");
    double[] theta = {0.5, 0.2, 0, -0.2, -0.5};
    PairwiseCounts counts =
        Simulations.halfWinVotes(
            systems, theta, Simulations.uniformVotes(5, 2000), 0.1, new SplittableRandom(21));

    LeaderboardResult result = compute(counts, BootstrapSettings.seeded(4).withRounds(1000));

    assertThat(result.rows())
        .allSatisfy(
            row ->
                assertThat(row.bootstrapStandardError() / row.standardError()).isBetween(0.8, 1.2));
  }

  @Test
  void shouldCoverTrueRatingsAtCloseToNominalRateWithUnequalPairCounts() {
    int[] sizes = {10, 2000, 60, 400, 25, 1200};
    int[][] votes = new int[8][8];
    for (int i = 0; i < 8; i++) {
      for (int j = i + 1; j < 8; j++) {
        votes[i][j] = sizes[(3 * i + 5 * j) % sizes.length];
      }
    }
    double[] trueRatings = RatingScale.elo().ratings(EIGHT, EIGHT_STRENGTHS);
    SplittableRandom random = new SplittableRandom(2024);
    int covered = 0;
    int intervals = 0;
    for (int replicate = 0; replicate < 200; replicate++) {
      PairwiseCounts counts = Simulations.halfWinVotes(EIGHT, EIGHT_STRENGTHS, votes, 0.2, random);
      LeaderboardResult result =
          compute(counts, BootstrapSettings.seeded(replicate).withRounds(200));
      for (LeaderboardRow row : result.rows()) {
        double truth = trueRatings[EIGHT.indexOf(row.system())];
        covered += row.ciLow() <= truth && truth <= row.ciHigh() ? 1 : 0;
        intervals++;
      }
    }

    assertThat((double) covered / intervals).isBetween(0.88, 0.99);
  }

  @Test
  void shouldPinAnchorSystemAndShiftOthersRelativeToIt() {
    PairwiseCounts counts =
        Simulations.halfWinVotes(
            EIGHT, EIGHT_STRENGTHS, Simulations.uniformVotes(8, 100), 0.2, new SplittableRandom(9));
    RatingScale anchored = RatingScale.anchored(400, 10, "s3", 1500);

    LeaderboardResult centred = compute(counts, BootstrapSettings.seeded(1).withRounds(100));
    LeaderboardResult pinned =
        Leaderboard.compute(
            counts,
            BradleyTerryModel.halfWin(),
            anchored,
            BootstrapSettings.seeded(1).withRounds(100));

    LeaderboardRow anchor = row(pinned, "s3");
    assertThat(anchor.rating()).isEqualTo(1500);
    assertThat(anchor.standardError()).isZero();
    assertThat(anchor.ciLow()).isEqualTo(1500);
    assertThat(anchor.ciHigh()).isEqualTo(1500);
    double shift = 1500 - row(centred, "s3").rating();
    assertThat(row(pinned, "s7").rating())
        .isCloseTo(row(centred, "s7").rating() + shift, within(1e-9));
  }

  @Test
  void shouldUseWaldIntervalsWithoutBootstrapRounds() {
    PairwiseCounts counts =
        Simulations.halfWinVotes(
            EIGHT,
            EIGHT_STRENGTHS,
            Simulations.uniformVotes(8, 100),
            0.2,
            new SplittableRandom(10));

    LeaderboardResult result = compute(counts, BootstrapSettings.seeded(1).withRounds(0));

    assertThat(result.rows())
        .allSatisfy(
            row -> {
              assertThat(row.ciHigh() - row.rating())
                  .isCloseTo(1.959964 * row.standardError(), within(1e-4));
              assertThat(row.bootstrapStandardError()).isNaN();
            });
  }

  @Test
  void shouldRegulariseDegenerateResamplesOfRarelySeenSystem() {
    PairwiseCounts.Builder builder =
        PairwiseCounts.builder()
            .add("rare", "A", Outcome.A_WINS, 2)
            .add("rare", "A", Outcome.B_WINS, 1);
    for (String[] pair : new String[][] {{"A", "B"}, {"B", "C"}, {"A", "C"}}) {
      builder.add(pair[0], pair[1], Outcome.A_WINS, 100).add(pair[0], pair[1], Outcome.B_WINS, 90);
    }

    LeaderboardResult result =
        compute(builder.build(), BootstrapSettings.seeded(6).withRounds(400));

    assertThat(result.regularisedRounds()).isBetween(50, 350);
    LeaderboardRow rare = row(result, "rare");
    assertThat(rare.ciLow()).isFinite();
    assertThat(rare.ciHigh()).isFinite();
    assertThat(rare.ciHigh() - rare.ciLow()).isGreaterThan(1000);
  }

  private static LeaderboardResult compute(PairwiseCounts counts, BootstrapSettings settings) {
    return Leaderboard.compute(counts, BradleyTerryModel.halfWin(), RatingScale.elo(), settings);
  }

  private static LeaderboardRow row(LeaderboardResult result, String system) {
    return result.rows().stream()
        .filter(row -> row.system().equals(system))
        .findFirst()
        .orElseThrow();
  }
}
