package dev.earshot.dataset.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.earshot.dataset.manifest.ZipExtractor.RejectedArchiveException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ZipExtractorTest {

  private static final String MANIFEST = "{\"id\":\"a\",\"text\":\"x\"}\n";

  @TempDir Path work;

  private final ZipExtractor extractor = new ZipExtractor(1_000_000, 100);

  @Test
  void shouldUnpackAWholeZip() throws Exception {
    Path root = extract(zip("manifest.jsonl", MANIFEST, "audio/a.txt", "hello"));

    assertThat(root.resolve("manifest.jsonl")).hasContent(MANIFEST.strip());
    assertThat(root.resolve("audio/a.txt")).hasContent("hello");
  }

  @Test
  void shouldRefuseATruncatedZipWhole() throws Exception {
    byte[] whole = zip("manifest.jsonl", MANIFEST, "a.txt", "x".repeat(5000), "b.txt", "tail");
    for (int cut : new int[] {whole.length - 10, whole.length * 2 / 3, whole.length / 3, 40}) {
      byte[] truncated = Arrays.copyOf(whole, cut);
      assertThatThrownBy(() -> extract(truncated))
          .as("cut at %d of %d bytes", cut, whole.length)
          .isInstanceOf(RejectedArchiveException.class)
          .hasMessageContaining("nothing was imported");
    }
  }

  @Test
  void shouldRefuseRepeatedEntryNamesListingThem() throws Exception {
    byte[] zip = zip("manifest.jsonl", MANIFEST, "a.txt", "first", "b.txt", "second");
    // Rename b.txt to a.txt in the local header and the central directory (same length).
    byte[] repeated = replaceAll(zip, "b.txt", "a.txt");

    assertThatThrownBy(() -> extract(repeated))
        .isInstanceOf(RejectedArchiveException.class)
        .hasMessageContaining("'a.txt' appears more than once");
  }

  @Test
  void shouldRefuseAPathThatIsBothFileAndFolder() throws Exception {
    assertThatThrownBy(() -> extract(zip("manifest.jsonl", MANIFEST, "a", "file", "a/", null)))
        .isInstanceOf(RejectedArchiveException.class)
        .hasMessageContaining("'a/' is both a file and a folder");
    assertThatThrownBy(() -> extract(zip("manifest.jsonl", MANIFEST, "a", "file", "a/b", "inner")))
        .isInstanceOf(RejectedArchiveException.class)
        .hasMessageContaining("'a' is both a file and a folder");
  }

  @Test
  void shouldRefuseNamesLeavingTheFolder() throws Exception {
    assertThatThrownBy(() -> extract(zip("manifest.jsonl", MANIFEST, "../evil.txt", "x")))
        .isInstanceOf(RejectedArchiveException.class)
        .hasMessageContaining("outside the dataset folder");
  }

  @Test
  void shouldRefuseWhatIsNotAZip() {
    assertThatThrownBy(() -> extract("hello".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(RejectedArchiveException.class)
        .hasMessageContaining("not a readable zip");
    assertThatThrownBy(() -> extract(new byte[0]))
        .isInstanceOf(RejectedArchiveException.class)
        .hasMessageContaining("empty");
  }

  @Test
  void shouldCountBytesActuallyUnpacked() throws Exception {
    ZipExtractor small = new ZipExtractor(1000, 100);
    byte[] zip = zip("manifest.jsonl", MANIFEST, "big.txt", "0".repeat(5000));
    Path target = Files.createDirectory(work.resolve("small"));

    assertThatThrownBy(
            () -> small.extract(new ByteArrayInputStream(zip), work.resolve("small.zip"), target))
        .isInstanceOfSatisfying(
            RejectedArchiveException.class, e -> assertThat(e.tooLarge()).isTrue());
  }

  private Path extract(byte[] zip) throws IOException, RejectedArchiveException {
    Path target = Files.createTempDirectory(work, "unpacked");
    Path spool = Files.createTempDirectory(work, "spool").resolve("upload.zip");
    return extractor.extract(new ByteArrayInputStream(zip), spool, target);
  }

  /** A zip of name/content pairs; a null content makes a folder entry. */
  private static byte[] zip(String... namesAndContents) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream out = new ZipOutputStream(bytes)) {
      for (int i = 0; i < namesAndContents.length; i += 2) {
        out.putNextEntry(new ZipEntry(namesAndContents[i]));
        if (namesAndContents[i + 1] != null) {
          out.write(namesAndContents[i + 1].getBytes(StandardCharsets.UTF_8));
        }
        out.closeEntry();
      }
    }
    return bytes.toByteArray();
  }

  private static byte[] replaceAll(byte[] data, String from, String to) {
    byte[] needle = from.getBytes(StandardCharsets.US_ASCII);
    byte[] replacement = to.getBytes(StandardCharsets.US_ASCII);
    byte[] result = data.clone();
    for (int i = 0; i + needle.length <= result.length; i++) {
      if (Arrays.equals(result, i, i + needle.length, needle, 0, needle.length)) {
        System.arraycopy(replacement, 0, result, i, replacement.length);
      }
    }
    return result;
  }
}
