package dev.earshot.leaderboard.arena;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * Coverage-guided fuzzing of the battle-log parser (Jazzer; seeds and crash inputs under {@code
 * BattleLogParserFuzzTestInputs/parse/}). Property: any text ends in battles or in problems with a
 * message, never in an exception, and never both.
 */
class BattleLogParserFuzzTest {

  private static final int MAX_INPUT_BYTES = 64 * 1024;

  private final BattleLogParser parser = new BattleLogParser();

  @FuzzTest(maxDuration = "5m")
  void parse(byte[] log) {
    if (log.length > MAX_INPUT_BYTES) {
      return;
    }
    BattleLogParser.Result result = parser.parse(new String(log, StandardCharsets.UTF_8));
    if (result.valid()) {
      assertThat(result.battles()).isNotEmpty();
    } else {
      assertThat(result.battles()).isEmpty();
      assertThat(result.problems())
          .hasSizeLessThanOrEqualTo(BattleLogParser.MAX_PROBLEMS)
          .allSatisfy(problem -> assertThat(problem.message()).isNotBlank());
    }
  }
}
