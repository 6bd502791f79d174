package dev.earshot.reward.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/**
 * Coverage-guided fuzzing of the reward request parser (Jazzer; seeds and crash inputs under {@code
 * RewardRequestParserFuzzTestInputs/parse/}). The body is read as the service reads it; property:
 * malformed JSON or a {@link RewardRequestException} (both 4xx), or items that match the query
 * list, never another exception.
 */
class RewardRequestParserFuzzTest {

  private static final int MAX_INPUT_BYTES = 64 * 1024;
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Small limits, so that the fuzzer reaches the limit checks too. */
  private final RewardRequestParser parser =
      new RewardRequestParser(new RewardRequestLimits(8, 4096), JSON);

  @FuzzTest(maxDuration = "5m")
  void parse(byte[] body) {
    if (body.length > MAX_INPUT_BYTES) {
      return;
    }
    JsonNode tree;
    try {
      tree = body.length == 0 ? null : JSON.readTree(body);
    } catch (IOException malformed) {
      return; // RewardService answers unreadable JSON with 400
    }
    try {
      assertThat(parser.parse(tree)).hasSize(tree.get("query").size());
    } catch (RewardRequestException rejected) {
      assertThat(rejected.getMessage()).isNotBlank();
    }
  }
}
