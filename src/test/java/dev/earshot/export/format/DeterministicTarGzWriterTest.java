package dev.earshot.export.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

class DeterministicTarGzWriterTest {

  static final String LONG_PATH = "nested/".repeat(20) + "file.txt";
  static final Map<String, byte[]> FILES = new LinkedHashMap<>();

  static {
    FILES.put("audio/" + "c".repeat(64) + ".wav", new byte[] {1, 2, 3});
    FILES.put("empty.txt", new byte[0]);
    FILES.put(LONG_PATH, "deep".getBytes(StandardCharsets.US_ASCII));
    FILES.put("trl.jsonl", "{\"prompt\":\"x\"}\n".repeat(100).getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void shouldWriteTheSameBytesTwice() throws IOException {
    assertThat(archive(FILES)).isEqualTo(archive(FILES));
  }

  @Test
  void shouldReadBackEveryFileWithFixedOwnershipModeAndTime() throws IOException {
    Map<String, byte[]> readBack = new LinkedHashMap<>();
    try (DataInputStream tar =
        new DataInputStream(new GZIPInputStream(new ByteArrayInputStream(archive(FILES))))) {
      byte[] header = new byte[512];
      for (tar.readFully(header); !isZero(header); tar.readFully(header)) {
        assertThat(field(header, 100, 8)).isEqualTo("0000644");
        assertThat(field(header, 108, 8)).isEqualTo("0000000");
        assertThat(field(header, 116, 8)).isEqualTo("0000000");
        assertThat(field(header, 136, 12)).isEqualTo("00000000000");
        assertThat(field(header, 257, 6)).isEqualTo("ustar");
        assertThat(Long.parseLong(field(header, 148, 7), 8)).isEqualTo(checksum(header));
        String prefix = field(header, 345, 155);
        String name = (prefix.isEmpty() ? "" : prefix + "/") + field(header, 0, 100);
        int size = Integer.parseInt(field(header, 124, 12), 8);
        byte[] content = new byte[size];
        tar.readFully(content);
        tar.skipNBytes((512 - size % 512) % 512);
        readBack.put(name, content);
      }
    }

    assertThat(readBack.keySet()).containsExactlyElementsOf(FILES.keySet());
    FILES.forEach((path, content) -> assertThat(readBack.get(path)).isEqualTo(content));
  }

  @Test
  void shouldRejectEntriesOutOfPathOrder() throws IOException {
    try (DeterministicTarGzWriter tar = new DeterministicTarGzWriter(new ByteArrayOutputStream())) {
      tar.addFile("b.txt", new byte[0]);
      assertThatThrownBy(() -> tar.addFile("a.txt", new byte[0]))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void shouldRejectPathsThatLeaveTheExportRoot() throws IOException {
    try (DeterministicTarGzWriter tar = new DeterministicTarGzWriter(new ByteArrayOutputStream())) {
      assertThatThrownBy(() -> tar.addFile("audio/../../etc", new byte[0]))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> tar.addFile("/etc/passwd", new byte[0]))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void shouldListSha256SumsSortedByPath() throws IOException {
    ExportManifest manifest = new ExportManifest();
    Sha256OutputStream written = new Sha256OutputStream(new ByteArrayOutputStream());
    written.write("abc".getBytes(StandardCharsets.US_ASCII));
    manifest.add("trl.jsonl", written);
    manifest.add("audio/x.wav", "0".repeat(64), 0);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    manifest.writeSha256Sums(out);

    assertThat(manifest.entries().get("trl.jsonl").size()).isEqualTo(3);
    assertThat(out.toString(StandardCharsets.US_ASCII))
        .isEqualTo(
            "0".repeat(64)
                + "  audio/x.wav\n"
                + "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad  trl.jsonl\n");
  }

  static byte[] archive(Map<String, byte[]> files) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (DeterministicTarGzWriter tar = new DeterministicTarGzWriter(out)) {
      for (String path : files.keySet().stream().sorted().toList()) {
        InputStream content = new ByteArrayInputStream(files.get(path));
        tar.addFile(path, files.get(path).length, content);
      }
    }
    return out.toByteArray();
  }

  static String field(byte[] header, int offset, int length) {
    int end = offset;
    while (end < offset + length && header[end] != 0) {
      end++;
    }
    return new String(header, offset, end - offset, StandardCharsets.US_ASCII).trim();
  }

  static long checksum(byte[] header) {
    byte[] copy = Arrays.copyOf(header, header.length);
    Arrays.fill(copy, 148, 156, (byte) ' ');
    long sum = 0;
    for (byte b : copy) {
      sum += b & 0xff;
    }
    return sum;
  }

  static boolean isZero(byte[] block) {
    for (byte b : block) {
      if (b != 0) {
        return false;
      }
    }
    return true;
  }
}
