package dev.earshot.platform.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StagingCleanupTest {

  @TempDir Path dataDir;

  @Test
  void shouldEmptyTheStagingFolderLeftByACrash() throws Exception {
    Path staging = Files.createDirectories(dataDir.resolve(StagingCleanup.STAGING));
    Files.createDirectories(staging.resolve("import-123/unpacked/audio"));
    Files.writeString(staging.resolve("import-123/upload.zip"), "cut off");
    Files.writeString(staging.resolve("audio-upload.tmp"), "half");
    Files.writeString(dataDir.resolve("keep.txt"), "not staging");

    new StagingCleanup(staging).removeLeftovers();

    assertThat(staging).isEmptyDirectory();
    assertThat(dataDir.resolve("keep.txt")).exists();
  }

  @Test
  void shouldDoNothingWithoutAStagingFolder() throws Exception {
    new StagingCleanup(dataDir.resolve(StagingCleanup.STAGING)).removeLeftovers();

    assertThat(dataDir).isEmptyDirectory();
  }

  @Test
  void shouldTakeTheDataFolderOutOfMessages() {
    Path data = Path.of("/srv/earshot/data");

    assertThat(
            Folders.withoutServerPath(
                "NoSuchFileException: /srv/earshot/data/audio/ab/abc.wav", data))
        .isEqualTo("NoSuchFileException: <data-dir>/audio/ab/abc.wav");
    assertThat(Folders.withoutServerPath(null, data)).isNull();
  }
}
