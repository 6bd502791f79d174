package dev.earshot.rating.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.earshot.rating.quality.RaterQuality.Judgement;
import dev.earshot.rating.quality.RaterQuality.Report;
import dev.earshot.rating.quality.Verdicts.Preference;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RaterQualityTest {

  @Test
  void shouldTurnVerdictsToThePairsOwnOrder() {
    assertThat(Verdicts.preference("a_better", true)).isEqualTo(Preference.X);
    assertThat(Verdicts.preference("a_much_better", false)).isEqualTo(Preference.Y);
    assertThat(Verdicts.preference("b_better", false)).isEqualTo(Preference.X);
    assertThat(Verdicts.preference("tie", false)).isEqualTo(Preference.TIE);
    assertThat(Verdicts.preference("both_bad", true)).isEqualTo(Preference.BOTH_BAD);
  }

  @Test
  void shouldScoreGoldAccuracyAgainstTheKnownAnswer() {
    List<Judgement> judgements = new ArrayList<>();
    for (int pair = 0; pair < 10; pair++) {
      // careful is right on all ten gold pairs, careless on three
      judgements.add(gold("careful", pair, Preference.X));
      judgements.add(gold("careless", pair, pair < 3 ? Preference.X : Preference.Y));
    }
    Map<String, Report> reports = byRater(RaterQuality.of(judgements));
    assertThat(reports.get("careful").goldAccuracy()).isEqualTo(1.0);
    assertThat(reports.get("careless").goldAccuracy()).isCloseTo(0.3, within(1e-12));
    assertThat(reports.get("careless").goldVotes()).isEqualTo(10);
  }

  @Test
  void shouldMeasureAgreementWithTheMajorityOfTheOthers() {
    List<Judgement> judgements = new ArrayList<>();
    for (int pair = 0; pair < 20; pair++) {
      judgements.add(regular("ann", pair, Preference.X, 4000));
      judgements.add(regular("ben", pair, Preference.X, 6000));
      judgements.add(regular("cat", pair, pair % 4 == 0 ? Preference.X : Preference.Y, 1000));
    }
    Map<String, Report> reports = byRater(RaterQuality.of(judgements));
    // cat agrees with ann+ben on 5 of 20; ann's others (ben, cat) have a strict majority only when
    // cat agrees with ben.
    assertThat(reports.get("cat").majorityAgreement()).isCloseTo(0.25, within(1e-12));
    assertThat(reports.get("cat").comparedWithMajority()).isEqualTo(20);
    assertThat(reports.get("ann").comparedWithMajority()).isEqualTo(5);
    assertThat(reports.get("ann").majorityAgreement()).isEqualTo(1.0);
    assertThat(reports.get("cat").medianSecondsPerItem()).isEqualTo(1.0);
    assertThat(reports.get("ann").goldAccuracy()).isNull();
  }

  private static Judgement gold(String rater, long pair, Preference said) {
    return new Judgement(rater, pair, "quality", said, Optional.of(Preference.X), 5000);
  }

  private static Judgement regular(String rater, long pair, Preference said, long ms) {
    return new Judgement(rater, 100 + pair, "prosody", said, Optional.empty(), ms);
  }

  private static Map<String, Report> byRater(List<Report> reports) {
    return reports.stream().collect(Collectors.toMap(Report::rater, Function.identity()));
  }
}
