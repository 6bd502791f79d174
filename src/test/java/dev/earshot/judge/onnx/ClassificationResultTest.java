package dev.earshot.judge.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClassificationResultTest {

  @Test
  void shouldStayFiniteForLargeLogits() {
    ClassificationResult result =
        ClassificationResult.fromLogits(List.of("a", "b"), new float[] {1000f, 999f});

    assertThat(result.label()).isEqualTo("a");
    assertThat(result.confidence()).isCloseTo(1 / (1 + Math.exp(-1)), within(1e-12));
    assertThat(result.distribution().get("b")).isCloseTo(1 / (1 + Math.exp(1)), within(1e-12));
  }

  @Test
  void shouldGiveTiesToTheFirstLabel() {
    ClassificationResult result =
        ClassificationResult.fromLogits(List.of("a", "b", "c"), new float[] {0f, 2f, 2f});

    assertThat(result.label()).isEqualTo("b");
    assertThat(result.distribution().values().stream().mapToDouble(Double::doubleValue).sum())
        .isCloseTo(1.0, within(1e-12));
  }
}
