package dev.earshot.export.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportFilesTest {

  @TempDir Path dataDir;

  @Test
  void shouldRemoveExportsCutOffByACrashAndKeepFinishedOnes() throws Exception {
    Path root = dataDir.resolve("exports");
    ExportFiles files = new ExportFiles(root);
    Files.createDirectories(files.partial(7).resolve("audio"));
    Files.writeString(files.partial(7).resolve("train.jsonl"), "{}");
    Files.createDirectories(files.finished(6));

    files.removePartials();

    assertThat(files.partial(7)).doesNotExist();
    assertThat(files.finished(6)).isDirectory();
  }

  @Test
  void shouldDescribeFailuresWithoutTheServersFolders() {
    ExportFiles files = new ExportFiles(dataDir.resolve("exports"));
    String missing = dataDir.resolve("audio/ab/abcdef.wav").toString();

    String described = files.describe(new NoSuchFileException(missing));
    String readOnly =
        files.describe(
            new UncheckedIOException(
                new FileSystemException(missing, null, "Read-only file system")));

    assertThat(described)
        .isEqualTo("NoSuchFileException: <data-dir>/audio/ab/abcdef.wav")
        .doesNotContain(dataDir.toString());
    assertThat(readOnly).contains("cannot be written").doesNotContain(dataDir.toString());
  }
}
