package dev.earshot.export.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScalarRewardWriterTest {

  static final Map<String, Double> WEIGHTS = Map.of("clarity", 2.0, "accuracy", 1.0);
  static final Turn FIRST_PROMPT = new Turn("p1", "Say hello", null);
  static final Turn SECOND_PROMPT = new Turn("p2", "Say bye", null);

  // Weighted totals 1, 2, 3: mean 2, sample standard deviation 1, so normalised -1, 0, 1.
  // The second prompt has one response: its deviation is undefined, so it is only centred, to 0.
  static final List<ScoredResponse> SCORED =
      List.of(
          scored(FIRST_PROMPT, "r1", 1, 0),
          scored(FIRST_PROMPT, "r2", 0, 1),
          scored(FIRST_PROMPT, "r3", 1, 1),
          scored(SECOND_PROMPT, "r4", 0, 2));

  @Test
  void shouldWriteWeightedTotalsNormalisedPerPrompt() throws IOException {
    assertThat(write(true, SCORED))
        .isEqualTo(
            """
            {"prompt_id":"p1","response_id":"r1","prompt":"Say hello","completion":"r1 text","prompt_audio":null,"completion_audio":null,"scores":{"accuracy":1.0,"clarity":0.0},"reward":1.0,"reward_normalized":-1.0}
            {"prompt_id":"p1","response_id":"r2","prompt":"Say hello","completion":"r2 text","prompt_audio":null,"completion_audio":null,"scores":{"accuracy":0.0,"clarity":1.0},"reward":2.0,"reward_normalized":0.0}
            {"prompt_id":"p1","response_id":"r3","prompt":"Say hello","completion":"r3 text","prompt_audio":null,"completion_audio":null,"scores":{"accuracy":1.0,"clarity":1.0},"reward":3.0,"reward_normalized":1.0}
            {"prompt_id":"p2","response_id":"r4","prompt":"Say bye","completion":"r4 text","prompt_audio":null,"completion_audio":null,"scores":{"accuracy":0.0,"clarity":2.0},"reward":4.0,"reward_normalized":0.0}
            """);
  }

  @Test
  void shouldDivideByTheSampleStandardDeviationOfTheGroup() throws IOException {
    // Totals 1 and 4: mean 2.5, sample deviation sqrt(4.5) = 2.121320, so -+0.707107.
    String lines =
        write(true, List.of(scored(FIRST_PROMPT, "r1", 1, 0), scored(FIRST_PROMPT, "r2", 0, 2)));

    assertThat(lines)
        .contains("\"reward\":1.0,\"reward_normalized\":-0.707107}")
        .contains("\"reward\":4.0,\"reward_normalized\":0.707107}");
  }

  @Test
  void shouldLeaveOutTheNormalisedRewardWhenNotAskedFor() throws IOException {
    assertThat(write(false, SCORED.subList(0, 1)))
        .endsWith("\"scores\":{\"accuracy\":1.0,\"clarity\":0.0},\"reward\":1.0}\n");
  }

  @Test
  void shouldRejectAResponseMissingAWeightedDimension() throws IOException {
    try (ScalarRewardWriter writer =
        new ScalarRewardWriter(WEIGHTS, true, new ByteArrayOutputStream())) {
      ScoredResponse unscored =
          new ScoredResponse(FIRST_PROMPT, new Turn("r1", "x", null), Map.of("accuracy", 1.0));
      assertThatThrownBy(() -> writer.write(unscored))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("clarity");
    }
  }

  @Test
  void shouldRejectAPromptWhoseResponsesAreNotConsecutive() throws IOException {
    ScalarRewardWriter writer = new ScalarRewardWriter(WEIGHTS, true, new ByteArrayOutputStream());
    writer.write(SCORED.get(3));
    writer.write(SCORED.get(0));

    assertThatThrownBy(writer::close).isInstanceOf(IllegalArgumentException.class);
  }

  static ScoredResponse scored(Turn prompt, String responseId, double accuracy, double clarity) {
    return new ScoredResponse(
        prompt,
        new Turn(responseId, responseId + " text", null),
        Map.of("clarity", clarity, "accuracy", accuracy));
  }

  static String write(boolean normalise, List<ScoredResponse> scored) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ScalarRewardWriter writer = new ScalarRewardWriter(WEIGHTS, normalise, out)) {
      for (ScoredResponse response : scored) {
        writer.write(response);
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }
}
