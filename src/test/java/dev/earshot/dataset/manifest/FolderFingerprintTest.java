package dev.earshot.dataset.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The listing fingerprint changes with every change it can see, and only then. */
class FolderFingerprintTest {

  private static final FileTime TIME = FileTime.fromMillis(1_700_000_000_000L);

  @TempDir Path folder;
  private Path audio;

  @BeforeEach
  void createFolder() throws IOException {
    Files.writeString(folder.resolve("manifest.jsonl"), "{\"id\":\"p1\"}\n");
    Files.createDirectories(folder.resolve("audio"));
    audio = Files.write(folder.resolve("audio/p1.wav"), new byte[] {1, 2, 3, 4});
    Files.setLastModifiedTime(audio, TIME);
  }

  @Test
  void shouldStayTheSameForAnUntouchedFolder() {
    String before = FolderFingerprint.of(folder);

    assertThat(FolderFingerprint.of(folder)).isEqualTo(before).hasSize(64);
  }

  @Test
  void shouldChangeWhenAFileIsRewrittenWithTheSameSize() throws IOException {
    String before = FolderFingerprint.of(folder);

    Files.write(audio, new byte[] {9, 9, 9, 9});
    Files.setLastModifiedTime(audio, FileTime.fromMillis(TIME.toMillis() + 1_000));

    assertThat(FolderFingerprint.of(folder)).isNotEqualTo(before);
  }

  @Test
  void shouldChangeWhenASizeChangesButTheTimeIsKept() throws IOException {
    String before = FolderFingerprint.of(folder);

    Files.write(audio, new byte[] {1, 2, 3, 4, 5});
    Files.setLastModifiedTime(audio, TIME);

    assertThat(FolderFingerprint.of(folder)).isNotEqualTo(before);
  }

  @Test
  void shouldChangeWhenAFileIsAddedRemovedOrRenamed() throws IOException {
    String before = FolderFingerprint.of(folder);

    Path added = Files.writeString(folder.resolve("votes.jsonl"), "");
    String withAdded = FolderFingerprint.of(folder);
    Files.delete(added);
    String removedAgain = FolderFingerprint.of(folder);
    Files.move(audio, folder.resolve("audio/p2.wav"));

    assertThat(withAdded).isNotEqualTo(before);
    assertThat(removedAgain).isEqualTo(before);
    assertThat(FolderFingerprint.of(folder)).isNotEqualTo(before);
  }
}
