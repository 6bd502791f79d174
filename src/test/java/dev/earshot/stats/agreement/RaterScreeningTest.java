package dev.earshot.stats.agreement;

import static org.assertj.core.api.Assertions.assertThat;

import dev.earshot.stats.Outcome;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RaterScreeningTest {

  /**
   * Leave-one-out for r3: x1 others A, A → A, r3 says B (disagree, both preferences); x2 others
   * tie, both-bad → tie, r3 tie (agree, a tie); x3 others B, B → B, r3 B (agree); x4 others A, B →
   * tie, r3 A (disagree, not a preference pair); x5 has no other rater. With ties 2/4, without 1/2.
   * r1 and r2 likewise agree only on x2 and x3: 2/4 each.
   */
  private static final RatingMatrix RATINGS =
      RatingMatrix.builder()
          .add("x1", "r1", Verdict.A_BETTER)
          .add("x1", "r2", Verdict.A_MUCH_BETTER)
          .add("x1", "r3", Verdict.B_BETTER)
          .add("x2", "r1", Verdict.TIE)
          .add("x2", "r2", Verdict.BOTH_BAD)
          .add("x2", "r3", Verdict.TIE)
          .add("x3", "r1", Verdict.B_BETTER)
          .add("x3", "r2", Verdict.B_BETTER)
          .add("x3", "r3", Verdict.B_MUCH_BETTER)
          .add("x4", "r1", Verdict.A_BETTER)
          .add("x4", "r2", Verdict.B_BETTER)
          .add("x4", "r3", Verdict.A_BETTER)
          .add("x5", "r3", Verdict.A_BETTER)
          .build();

  /**
   * r3 gets x1 wrong and x2 (both-bad read as tie), x3 right: 2/3; "elsewhere" is not in the
   * matrix.
   */
  private static final Map<String, Outcome> GOLD =
      Map.of(
          "x1",
          Outcome.A_WINS,
          "x2",
          Outcome.BOTH_BAD,
          "x3",
          Outcome.B_WINS,
          "elsewhere",
          Outcome.A_WINS);

  private static final int GOOD_RATERS = 8;
  private static final int ITEMS = 300;
  private static final int GOLD_ITEMS = 40;
  private static final int RATERS_PER_ITEM = 5;

  @Test
  void shouldMeasureAgreementWithMajorityOfTheOtherRaters() {
    assertThat(RaterScreening.agreementWithOthers(RATINGS, "r3", TieHandling.WITH_TIES))
        .isEqualTo(new AgreementRate(2, 4));
    assertThat(RaterScreening.agreementWithOthers(RATINGS, "r3", TieHandling.WITHOUT_TIES))
        .isEqualTo(new AgreementRate(1, 2));
    assertThat(RaterScreening.agreementWithOthers(RATINGS, "r1", TieHandling.WITH_TIES))
        .isEqualTo(new AgreementRate(2, 4));
  }

  @Test
  void shouldMeasureGoldAccuracyOnRatedGoldItems() {
    assertThat(RaterScreening.goldAccuracy(RATINGS, "r3", GOLD)).isEqualTo(new AgreementRate(2, 3));
    assertThat(RaterScreening.goldAccuracy(RATINGS, "r2", GOLD)).isEqualTo(new AgreementRate(3, 3));
  }

  @Test
  void shouldExplainFloorAndGoldFlagsInReadableWords() {
    ScreeningCriteria criteria =
        ScreeningCriteria.defaults().withMinimumItems(3).withAgreementFloor(0.6);

    List<RaterReport> reports = RaterScreening.screen(RATINGS, GOLD, criteria);

    assertThat(reports).extracting(RaterReport::rater).containsExactly("r1", "r2", "r3");
    assertThat(reports.get(0).reasons())
        .containsExactly("agreement with majority 0.50 below floor 0.60");
    assertThat(reports.get(2).reasons())
        .containsExactly(
            "agreement with majority 0.50 below floor 0.60",
            "gold accuracy 0.67 on 3 gold items (threshold 0.70)");
  }

  @Test
  void shouldNotJudgeRatersWithTooFewItems() {
    List<RaterReport> reports =
        RaterScreening.screen(RATINGS, GOLD, ScreeningCriteria.defaults().withAgreementFloor(0.6));

    assertThat(reports).noneMatch(RaterReport::flagged);
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void shouldFlagExactlyTheCarelessRaterAmongNoisyOnes(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    Map<String, Outcome> gold = new LinkedHashMap<>();
    RatingMatrix.Builder builder = RatingMatrix.builder();
    List<String> raters = new ArrayList<>();
    for (int r = 0; r < GOOD_RATERS; r++) {
      raters.add("good" + r);
    }
    raters.add("careless");
    for (int item = 0; item < ITEMS; item++) {
      Verdict truth = AgreementSimulations.uniformVerdict(random);
      String itemId = "item" + item;
      boolean isGold = item < GOLD_ITEMS;
      if (isGold) {
        gold.put(itemId, truth.direction());
      }
      // Gold items go to everyone; the others to a random subset of RATERS_PER_ITEM raters.
      for (String rater : isGold ? raters : randomSubset(raters, RATERS_PER_ITEM, random)) {
        Verdict verdict =
            rater.equals("careless")
                ? AgreementSimulations.uniformVerdict(random)
                : AgreementSimulations.noisy(truth, 0.1, random);
        builder.add(itemId, rater, verdict);
      }
    }

    List<RaterReport> reports =
        RaterScreening.screen(builder.build(), gold, ScreeningCriteria.defaults());

    assertThat(reports)
        .filteredOn(RaterReport::flagged)
        .extracting(RaterReport::rater)
        .containsExactly("careless");
    RaterReport careless = reports.get(GOOD_RATERS);
    assertThat(careless.reasons()).hasSize(2);
    assertThat(careless.reasons().get(0))
        .matches(
            "agreement with majority 0\\.\\d\\d vs median 0\\.\\d\\d of the other raters \\(cut-off 0\\.\\d\\d\\)");
    assertThat(careless.reasons().get(1))
        .matches("gold accuracy 0\\.\\d\\d on 40 gold items \\(threshold 0\\.70\\)");
  }

  private static List<String> randomSubset(List<String> raters, int size, SplittableRandom random) {
    List<String> pool = new ArrayList<>(raters);
    List<String> chosen = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      chosen.add(pool.remove(random.nextInt(pool.size())));
    }
    return chosen;
  }
}
