package dev.earshot.dataset.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.earshot.stats.agreement.RaterReport;
import dev.earshot.stats.agreement.RaterScreening;
import dev.earshot.stats.agreement.RatingMatrix;
import dev.earshot.stats.agreement.ScreeningCriteria;
import dev.earshot.stats.agreement.Verdict;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The simulated human votes of the demo data set have the careless rater that they promise. */
class DemoVotesTest {

  private final DatasetFolder demo = new DatasetFolderReader().read(Path.of("datasets/demo"), null);

  @Test
  void shouldHaveValidSimulatedVotesFromSixCarefulAndOneCarelessRater() {
    assertThat(demo.problems()).isEmpty();
    assertThat(demo.votes()).isNotEmpty().allSatisfy(v -> assertThat(v.simulated()).isTrue());
    assertThat(demo.votes())
        .extracting(VoteLine::rater)
        .containsOnly(
            "sim-careful-1",
            "sim-careful-2",
            "sim-careful-3",
            "sim-careful-4",
            "sim-careful-5",
            "sim-careful-6",
            "sim-careless-1");
  }

  @Test
  void shouldFlagOnlyTheCarelessRaterWhenScreeningTheDemoVotes() {
    RatingMatrix.Builder ratings = RatingMatrix.builder();
    for (VoteLine vote : demo.votes()) {
      // One item per prompt, unordered pair and dimension: mirror the verdicts heard as B-then-A.
      boolean inOrder = vote.systemA().compareTo(vote.systemB()) < 0;
      String pair =
          inOrder ? vote.systemA() + "|" + vote.systemB() : vote.systemB() + "|" + vote.systemA();
      Verdict verdict = Verdict.valueOf(vote.verdict().toUpperCase(Locale.ROOT));
      ratings.add(
          vote.promptId() + "/" + pair + "/" + vote.dimension(),
          vote.rater(),
          inOrder || !verdict.onScale() ? verdict : Verdict.ofScore(-verdict.score()));
    }

    List<RaterReport> reports =
        RaterScreening.screen(ratings.build(), Map.of(), ScreeningCriteria.defaults());

    assertThat(reports)
        .filteredOn(RaterReport::flagged)
        .extracting(RaterReport::rater)
        .containsExactly("sim-careless-1");
  }
}
