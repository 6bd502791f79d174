package dev.earshot.dataset.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * Coverage-guided fuzzing of the dataset folder reader (Jazzer; seeds and crash inputs under {@code
 * DatasetFolderReaderFuzzTestInputs/<method>/}): the fuzzed bytes become one file of a dataset
 * folder that also holds a valid manifest and one audio file. Property: every problem is reported
 * with a message and the file it is in, a valid manifest is read whatever lies beside it, and
 * nothing is thrown.
 */
class DatasetFolderReaderFuzzTest {

  private static final int MAX_INPUT_BYTES = 64 * 1024;
  private static final String VALID_MANIFEST =
      """
      {"id": "p1", "text": "Say hello.", "audio": "audio/p1.wav"}
      {"id": "p2", "text": "Say goodbye."}
      """;

  private static final String[] FILES = {
    DatasetFolderReader.MANIFEST,
    DatasetFolderReader.VOTES,
    DatasetFolderReader.RESPONSES,
    DatasetFolderReader.DESCRIPTOR
  };

  @TempDir static Path folder;

  private final DatasetFolderReader reader = new DatasetFolderReader();

  @BeforeAll
  static void writeAudio() throws IOException {
    Files.createDirectories(folder.resolve("audio"));
    Files.write(folder.resolve("audio/p1.wav"), new byte[] {'R', 'I', 'F', 'F'});
  }

  /** The fuzzed bytes are {@code manifest.jsonl}. */
  @FuzzTest(maxDuration = "5m")
  void manifest(byte[] manifest) throws IOException {
    readWith(manifest, DatasetFolderReader.MANIFEST, null);
  }

  /** The fuzzed bytes are {@code votes.jsonl} beside a valid manifest. */
  @FuzzTest(maxDuration = "5m")
  void votes(byte[] votes) throws IOException {
    readWith(votes, DatasetFolderReader.VOTES, VALID_MANIFEST);
  }

  /** The fuzzed bytes are {@code responses.jsonl} beside a valid manifest. */
  @FuzzTest(maxDuration = "5m")
  void responses(byte[] responses) throws IOException {
    readWith(responses, DatasetFolderReader.RESPONSES, VALID_MANIFEST);
  }

  /** The fuzzed bytes are {@code dataset.json} beside a valid manifest. */
  @FuzzTest(maxDuration = "5m")
  void descriptor(byte[] descriptor) throws IOException {
    readWith(descriptor, DatasetFolderReader.DESCRIPTOR, VALID_MANIFEST);
  }

  private void readWith(byte[] fuzzed, String fuzzedFile, String manifest) throws IOException {
    if (fuzzed.length > MAX_INPUT_BYTES) {
      return;
    }
    for (String file : FILES) {
      Files.deleteIfExists(folder.resolve(file));
    }
    if (manifest != null) {
      Files.writeString(folder.resolve(DatasetFolderReader.MANIFEST), manifest);
    }
    Files.write(folder.resolve(fuzzedFile), fuzzed);

    DatasetFolder read = reader.read(folder, "fuzzed");

    assertThat(read.problems())
        .allSatisfy(
            problem -> {
              assertThat(problem.message()).isNotBlank();
              assertThat(problem.file()).isIn((Object[]) FILES);
            });
    if (manifest != null) {
      // The valid manifest is read whatever the fuzzed file beside it holds.
      assertThat(read.prompts()).hasSize(2);
    }
  }
}
