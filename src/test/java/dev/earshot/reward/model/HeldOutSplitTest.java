package dev.earshot.reward.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class HeldOutSplitTest {

  private static List<PreferencePair> pairs(int prompts, int each) {
    List<PreferencePair> pairs = new ArrayList<>();
    for (int p = 0; p < prompts; p++) {
      for (int k = 0; k < each; k++) {
        pairs.add(new PreferencePair("p" + p, new double[] {k}, new double[] {-k}));
      }
    }
    return pairs;
  }

  private static Set<String> groups(List<PreferencePair> pairs) {
    return pairs.stream().map(PreferencePair::group).collect(Collectors.toSet());
  }

  @Test
  void shouldKeepEveryPromptOnOneSide() {
    HeldOutSplit split = HeldOutSplit.byGroup(pairs(24, 5), 0.2, 11);

    assertThat(groups(split.heldOut()))
        .hasSize(5)
        .doesNotContainAnyElementsOf(groups(split.training()));
    assertThat(split.training()).hasSize(19 * 5);
    assertThat(split.heldOut()).hasSize(5 * 5);
  }

  @Test
  void shouldSplitTheSameWayForTheSameSeed() {
    List<PreferencePair> reversed = new ArrayList<>(pairs(24, 5));
    Collections.reverse(reversed);

    assertThat(groups(HeldOutSplit.byGroup(pairs(24, 5), 0.2, 11).heldOut()))
        .isEqualTo(groups(HeldOutSplit.byGroup(reversed, 0.2, 11).heldOut()))
        .isNotEqualTo(groups(HeldOutSplit.byGroup(pairs(24, 5), 0.2, 12).heldOut()));
  }

  @Test
  void shouldHoldOutAtLeastOneAndNeverEveryPrompt() {
    assertThat(groups(HeldOutSplit.byGroup(pairs(3, 2), 0.01, 1).heldOut())).hasSize(1);
    assertThat(groups(HeldOutSplit.byGroup(pairs(3, 2), 0.99, 1).training())).hasSize(1);
    assertThat(HeldOutSplit.byGroup(pairs(3, 2), 0, 1).heldOut()).isEmpty();
  }

  @Test
  void shouldRejectAHeldOutSetFromOnePrompt() {
    assertThatThrownBy(() -> HeldOutSplit.byGroup(pairs(1, 4), 0.2, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least two prompts");
    assertThatThrownBy(() -> HeldOutSplit.byGroup(pairs(4, 4), 1, 1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
