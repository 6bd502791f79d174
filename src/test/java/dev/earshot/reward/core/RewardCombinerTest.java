package dev.earshot.reward.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RewardCombinerTest {

  private static final Map<String, Double> WEIGHTS = Map.of("naturalness", 3.0, "clarity", 1.0);

  private static RewardCombiner combiner(Normalisation normalisation, int decimals) {
    return new RewardCombiner(new RewardProfile("tts-v1", WEIGHTS, normalisation, decimals));
  }

  @Test
  void shouldTakeWeightedMeanOverPresentDimensionsOnly() {
    RewardResponse response =
        combiner(new Normalisation.None(), 4)
            .combine(
                List.of(
                    Map.of("clarity", 0.5, "naturalness", 0.9),
                    Map.of("clarity", 0.2),
                    Map.of("naturalness", 0.1)));

    // (1 * 0.5 + 3 * 0.9) / 4 = 0.8; a lone dimension is the item's score whatever its weight.
    assertThat(response.scores()).containsExactly(0.8, 0.2, 0.1);
    assertThat(response.rewards()).containsExactly(0.8, 0.2, 0.1);
    assertThat(response.extraLogs())
        .containsExactly(
            Map.entry("clarity", List.of(0.5, 0.2, 0.0)),
            Map.entry("clarity/scored", List.of(1.0, 1.0, 0.0)),
            Map.entry("naturalness", List.of(0.9, 0.0, 0.1)),
            Map.entry("naturalness/scored", List.of(1.0, 0.0, 1.0)));
  }

  @Test
  void shouldAnswerAnEmptyBatchWithEmptyListsUnderEveryKey() {
    RewardResponse response = combiner(new Normalisation.BatchZScore(), 4).combine(List.of());

    assertThat(response.rewards()).isEmpty();
    assertThat(response.scores()).isEmpty();
    assertThat(response.extraLogs())
        .containsOnlyKeys("clarity", "clarity/scored", "naturalness", "naturalness/scored")
        .allSatisfy((key, values) -> assertThat(values).isEmpty());
  }

  @Test
  void shouldZScoreRewardsWithinTheBatchAndKeepRawScores() {
    RewardResponse response =
        combiner(new Normalisation.BatchZScore(), 6)
            .combine(
                List.of(
                    Map.of("clarity", 1.0),
                    Map.of("clarity", 2.0),
                    Map.of("clarity", 3.0),
                    Map.of("clarity", 6.0)));

    // mean 3, population variance (4 + 1 + 0 + 9) / 4 = 3.5, deviation sqrt(3.5) = 1.8708287
    assertThat(response.rewards()).containsExactly(-1.069045, -0.534522, 0.0, 1.603567);
    assertThat(response.scores()).containsExactly(1.0, 2.0, 3.0, 6.0);
  }

  @Test
  void shouldGiveZeroRewardsToABatchWithoutSpread() {
    RewardResponse response =
        combiner(new Normalisation.BatchZScore(), 6)
            .combine(List.of(Map.of("clarity", 0.1), Map.of("clarity", 0.1, "naturalness", 0.1)));

    assertThat(response.rewards()).containsExactly(0.0, 0.0);
  }

  @Test
  void shouldClipRewardsButNotScores() {
    RewardResponse response =
        combiner(new Normalisation.Clip(0.0, 1.0), 2)
            .combine(
                List.of(Map.of("clarity", -0.5), Map.of("clarity", 0.25), Map.of("clarity", 7.0)));

    assertThat(response.rewards()).containsExactly(0.0, 0.25, 1.0);
    assertThat(response.scores()).containsExactly(-0.5, 0.25, 7.0);
  }

  @Test
  void shouldRoundHalfEvenToTheProfilesDecimals() {
    RewardResponse response =
        combiner(new Normalisation.None(), 2)
            .combine(List.of(Map.of("clarity", 0.125), Map.of("clarity", 0.135)));

    assertThat(response.rewards()).containsExactly(0.12, 0.14);
  }

  @Test
  void shouldFailTheBatchForAnItemWithoutScores() {
    assertThatThrownBy(
            () ->
                combiner(new Normalisation.None(), 4)
                    .combine(List.of(Map.of("clarity", 1.0), Map.of())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("item 1 has no score for any dimension of profile 'tts-v1'");
  }

  @Test
  void shouldFailTheBatchForADimensionOutsideTheProfile() {
    assertThatThrownBy(
            () -> combiner(new Normalisation.None(), 4).combine(List.of(Map.of("pitch", 1.0))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("item 0: dimension 'pitch' is not in profile 'tts-v1'");
  }

  @Test
  void shouldFailTheBatchForANonFiniteScore() {
    assertThatThrownBy(
            () ->
                combiner(new Normalisation.None(), 4)
                    .combine(List.of(Map.of("clarity", Double.NaN))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("item 0: dimension 'clarity' has no finite score");
  }

  @Test
  void shouldSerialiseToOpenRlhfResponseShape() throws Exception {
    RewardResponse response =
        combiner(new Normalisation.BatchZScore(), 4)
            .combine(List.of(Map.of("clarity", 0.5, "naturalness", 0.9), Map.of("clarity", 0.2)));

    assertThat(new ObjectMapper().writeValueAsString(response))
        .isEqualTo(
            "{\"rewards\":[1.0,-1.0],\"scores\":[0.8,0.2],"
                + "\"extra_logs\":{\"clarity\":[0.5,0.2],\"clarity/scored\":[1.0,1.0],"
                + "\"naturalness\":[0.9,0.0],\"naturalness/scored\":[1.0,0.0]}}");
  }
}
