package dev.earshot.judge.dsp.paired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ScaleInvariantSdrTest {

  private static final float[] REFERENCE = {1, -1, 1, -1};

  /** Zero-mean and orthogonal to {@link #REFERENCE}. */
  private static final float[] ORTHOGONAL = {1, 1, -1, -1};

  @Test
  void shouldReadTheEnergyRatioOfAnOrthogonalDistortion() {
    // estimate = 2 s + 0.5 e: target 2 s (energy 16), distortion 0.5 e (energy 1): 10 log10 16.
    float[] estimate = new float[4];
    for (int i = 0; i < 4; i++) {
      estimate[i] = 2 * REFERENCE[i] + 0.5f * ORTHOGONAL[i];
    }
    assertThat(ScaleInvariantSdr.measure(REFERENCE, estimate))
        .isCloseTo(10 * Math.log10(16), within(1e-9));
  }

  @Test
  void shouldIgnoreScaleAndOffset() {
    float[] estimate = new float[4];
    for (int i = 0; i < 4; i++) {
      estimate[i] = -3 * REFERENCE[i] + 0.25f;
    }
    assertThat(ScaleInvariantSdr.measure(REFERENCE, estimate)).isEqualTo(100.0);
  }

  @Test
  void shouldClampInsteadOfReturningInfinity() {
    assertThat(ScaleInvariantSdr.measure(REFERENCE, REFERENCE.clone())).isEqualTo(100.0);
    assertThat(ScaleInvariantSdr.measure(new float[4], new float[4])).isEqualTo(100.0);
    assertThat(ScaleInvariantSdr.measure(REFERENCE, ORTHOGONAL)).isEqualTo(-100.0);
    assertThat(ScaleInvariantSdr.measure(new float[4], ORTHOGONAL)).isEqualTo(-100.0);
  }
}
