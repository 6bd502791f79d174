package dev.earshot.platform.concurrent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecentValuesTest {

  @Test
  void shouldComputeAKeyOnceWhileItIsKept() {
    List<Integer> computed = new ArrayList<>();
    RecentValues<Integer, String> values = new RecentValues<>(2);

    assertThat(values.get(1, key -> record(computed, key))).isEqualTo("v1");
    assertThat(values.get(1, key -> record(computed, key))).isEqualTo("v1");

    assertThat(computed).containsExactly(1);
  }

  @Test
  void shouldForgetTheLeastRecentlyUsedKeyBeyondItsCapacity() {
    List<Integer> computed = new ArrayList<>();
    RecentValues<Integer, String> values = new RecentValues<>(2);
    values.get(1, key -> record(computed, key));
    values.get(2, key -> record(computed, key));
    values.get(1, key -> record(computed, key));

    values.get(3, key -> record(computed, key));
    values.get(1, key -> record(computed, key));
    values.get(2, key -> record(computed, key));

    assertThat(computed).containsExactly(1, 2, 3, 2);
  }

  @Test
  void shouldRefuseACapacityBelowOne() {
    assertThatThrownBy(() -> new RecentValues<Integer, String>(0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static String record(List<Integer> computed, int key) {
    computed.add(key);
    return "v" + key;
  }
}
