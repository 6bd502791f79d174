package dev.earshot.dataset.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetFolderReaderVotesTest {

  private static final String VOTE =
      "{\"rater\":\"ann\",\"prompt\":\"q1\",\"a\":\"alpha\",\"b\":\"beta\",\"dimension\":\"overall\",\"verdict\":\"b_better\"";

  @TempDir Path folder;

  private DatasetFolder read(String votes) throws IOException {
    Files.writeString(folder.resolve("manifest.jsonl"), "{\"id\":\"q1\",\"text\":\"hi\"}\n");
    if (votes != null) {
      Files.writeString(folder.resolve("votes.jsonl"), votes);
    }
    return new DatasetFolderReader().read(folder, "set");
  }

  @Test
  void shouldReadVotesWithTheirLineAndSimulatedFlag() throws IOException {
    DatasetFolder read =
        read(VOTE + "}\n\n" + VOTE.replace("ann", "bob") + ",\"simulated\":true}\n");

    assertThat(read.problems()).isEmpty();
    assertThat(read.votes())
        .containsExactly(
            new VoteLine(1, "ann", "q1", "alpha", "beta", "overall", "b_better", false),
            new VoteLine(3, "bob", "q1", "alpha", "beta", "overall", "b_better", true));
  }

  @Test
  void shouldReportEveryBadVoteLine() throws IOException {
    String votes =
        String.join(
            "\n",
            VOTE + ",\"loud\":1}",
            VOTE.replace("b_better", "b_best") + "}",
            VOTE.replace("overall", "smell") + "}",
            VOTE.replace("\"beta\"", "\"alpha\"") + "}",
            VOTE.replace("ann", "ann smith") + "}",
            VOTE + ",\"simulated\":\"yes\"}",
            "{\"rater\":\"ann\"}",
            VOTE + "}",
            VOTE + "}");

    DatasetFolder read = read(votes);

    assertThat(read.problems())
        .allSatisfy(p -> assertThat(p.file()).isEqualTo("votes.jsonl"))
        .extracting(ManifestProblem::line)
        .containsExactly(1, 2, 3, 4, 5, 6, 7, 7, 7, 7, 7, 9);
    assertThat(read.problems().get(0).message()).contains("unknown field 'loud'");
    assertThat(read.problems().get(1).message()).contains("'verdict'", "b_best", "tie");
    assertThat(read.problems().get(2).message()).contains("'dimension'", "smell", "overall");
    assertThat(read.problems().get(3).message()).contains("both 'alpha'");
    assertThat(read.problems().get(4).message()).contains("'rater'");
    assertThat(read.problems().get(5).message()).contains("'simulated'");
    assertThat(read.problems().get(11).message()).contains("already voted", "line 8");
  }

  @Test
  void shouldChangeTheSourceHashWhenTheVotesChange() throws IOException {
    String without = read(null).sourceSha256();
    String with = read(VOTE + "}\n").sourceSha256();
    String other = read(VOTE.replace("b_better", "tie") + "}\n").sourceSha256();

    assertThat(with).isNotEqualTo(without).isNotEqualTo(other);
  }
}
