package dev.earshot.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.earshot.stats.MeanBootstrap.MeanInterval;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MeanBootstrapTest {

  private static final BootstrapSettings SETTINGS = BootstrapSettings.seeded(7).withThreads(1);

  @Test
  void shouldCollapseTheIntervalOfIdenticalValuesOntoTheirMean() {
    MeanInterval interval = MeanBootstrap.of(new double[] {2.5, 2.5, 2.5, 2.5}, SETTINGS);

    assertThat(interval).isEqualTo(new MeanInterval(2.5, 2.5, 2.5, 4));
  }

  @Test
  void shouldCoverTheNormalIntervalOfTheMeanOfManyItems() {
    // 400 draws of N(10, 2^2): the 95 % interval of the mean is about 10 +- 1.96 * 2 / 20.
    SplittableRandom random = new SplittableRandom(3);
    double[] values = new double[400];
    for (int i = 0; i < values.length; i++) {
      values[i] = 10 + 2 * gaussian(random);
    }
    MeanInterval interval = MeanBootstrap.of(values, SETTINGS.withRounds(4000));

    double halfWidth = 1.96 * 2 / Math.sqrt(values.length);
    assertThat(interval.upper() - interval.lower()).isCloseTo(2 * halfWidth, within(0.04));
    assertThat(interval.lower()).isLessThan(interval.mean());
    assertThat(interval.upper()).isGreaterThan(interval.mean());
    assertThat(interval.mean()).isCloseTo(10, within(0.3));
  }

  @Test
  void shouldRepeatItselfForTheSameSeed() {
    double[] values = {1, 4, 2, 8, 5, 7};

    assertThat(MeanBootstrap.of(values, SETTINGS)).isEqualTo(MeanBootstrap.of(values, SETTINGS));
    assertThat(MeanBootstrap.of(values, SETTINGS).mean()).isCloseTo(4.5, within(1e-12));
  }

  @Test
  void shouldGiveThePointEstimateWithoutRoundsOrWithOneItem() {
    assertThat(MeanBootstrap.of(new double[] {1, 3}, SETTINGS.withRounds(0)))
        .isEqualTo(new MeanInterval(2, 2, 2, 2));
    assertThat(MeanBootstrap.of(new double[] {9}, SETTINGS))
        .isEqualTo(new MeanInterval(9, 9, 9, 1));
  }

  @Test
  void shouldRefuseNoValuesAndNonFiniteOnes() {
    assertThatThrownBy(() -> MeanBootstrap.of(new double[0], SETTINGS))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> MeanBootstrap.of(new double[] {1, Double.NaN}, SETTINGS))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static double gaussian(SplittableRandom random) {
    // Box-Muller, so the test does not depend on a JDK's Gaussian algorithm.
    return Math.sqrt(-2 * Math.log(1 - random.nextDouble()))
        * Math.cos(2 * Math.PI * random.nextDouble());
  }
}
