package dev.earshot.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.earshot.stats.MeanBootstrap.MeanInterval;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MeanBootstrapTest {

  @Test
  void shouldGiveAZeroWidthIntervalForEqualValues() {
    MeanInterval interval = MeanBootstrap.of(new double[] {0.3, 0.3, 0.3}, 500, 1, 0.95);

    assertThat(interval).isEqualTo(new MeanInterval(0.3, 0.3, 0.3, 3));
  }

  @Test
  void shouldCoverTheNormalIntervalOfAMeanOfManyItems() {
    Random random = new Random(5);
    double[] values = new double[400];
    for (int i = 0; i < values.length; i++) {
      values[i] = 2 + random.nextGaussian();
    }
    double mean = java.util.Arrays.stream(values).average().orElseThrow();
    double sd =
        Math.sqrt(
            java.util.Arrays.stream(values).map(v -> (v - mean) * (v - mean)).sum()
                / (values.length - 1));
    double halfWidth = 1.96 * sd / Math.sqrt(values.length);

    MeanInterval interval = MeanBootstrap.of(values, 4000, 9, 0.95);

    assertThat(interval.mean()).isCloseTo(mean, within(1e-12));
    // The percentile bootstrap of a mean approaches the normal interval for many items.
    assertThat(interval.low()).isCloseTo(mean - halfWidth, within(0.15 * halfWidth));
    assertThat(interval.high()).isCloseTo(mean + halfWidth, within(0.15 * halfWidth));
    assertThat(interval.count()).isEqualTo(400);
  }

  @Test
  void shouldRepeatItselfForTheSameSeed() {
    double[] values = {1, 4, 2, 8, 5};

    assertThat(MeanBootstrap.of(values, 300, 42, 0.9))
        .isEqualTo(MeanBootstrap.of(values, 300, 42, 0.9));
  }

  @Test
  void shouldRefuseNoValues() {
    assertThatThrownBy(() -> MeanBootstrap.of(new double[0], 10, 1, 0.95))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
