package dev.earshot.dataset.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetFolderReaderAnswerTest {

  @TempDir Path folder;

  private DatasetFolder read(String expectations) throws IOException {
    Files.writeString(
        folder.resolve("manifest.jsonl"),
        "{\"id\":\"q1\",\"text\":\"What is the capital of France?\",\"expectations\":"
            + expectations
            + "}\n");
    return new DatasetFolderReader().read(folder, "set");
  }

  @Test
  void shouldReadOneAnswerAsAString() throws IOException {
    DatasetFolder read = read("{\"answer\":\"Paris\"}");

    assertThat(read.problems()).isEmpty();
    assertThat(read.prompts().get(0).expectations().answer()).containsExactly("Paris");
  }

  @Test
  void shouldReadSeveralAnswersAsAList() throws IOException {
    DatasetFolder read =
        read("{\"answer\":[\"1969\",\"nineteen sixty-nine\"],\"keywords\":[\"moon\"]}");

    assertThat(read.problems()).isEmpty();
    assertThat(read.prompts().get(0).expectations().answer())
        .containsExactly("1969", "nineteen sixty-nine");
    assertThat(read.prompts().get(0).expectations().keywords()).containsExactly("moon");
  }

  @Test
  void shouldReportAnAnswerOfTheWrongType() throws IOException {
    for (String wrong : List.of("42", "{\"text\":\"Paris\"}", "[]", "[\"Paris\", 3]", "\" \"")) {
      DatasetFolder read = read("{\"answer\":" + wrong + "}");

      assertThat(read.problems())
          .as(wrong)
          .singleElement()
          .satisfies(
              problem -> {
                assertThat(problem.line()).isEqualTo(1);
                assertThat(problem.message())
                    .isEqualTo(
                        "'expectations.answer' must be a non-empty string or a non-empty list of non-empty strings (the accepted short answers)");
              });
    }
  }

  @Test
  void shouldStoreTheAnswerAsAListAndReadBothForms() throws IOException {
    ObjectMapper json = new ObjectMapper();
    PromptExpectations stored = read("{\"answer\":\"Paris\"}").prompts().get(0).expectations();

    String written = json.writeValueAsString(stored);

    assertThat(written).isEqualTo("{\"answer\":[\"Paris\"]}");
    assertThat(json.readValue(written, PromptExpectations.class)).isEqualTo(stored);
    assertThat(json.readValue("{\"answer\":\"Paris\"}", PromptExpectations.class))
        .isEqualTo(stored);
  }
}
