package dev.earshot.platform.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Folder housekeeping shared by every feature that writes under the data folder. */
public final class Folders {

  private Folders() {}

  /** Removes a folder and everything in it, if it exists. */
  public static void deleteRecursively(Path folder) throws IOException {
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  /**
   * {@code message} with the absolute data folder replaced by {@code <data-dir>}: error texts reach
   * API callers, who need the place inside the data folder but not the server's layout.
   */
  public static String withoutServerPath(String message, Path dataDir) {
    if (message == null) {
      return null;
    }
    String absolute = dataDir.toAbsolutePath().normalize().toString();
    return message.replace(absolute, "<data-dir>").replace(dataDir.toString(), "<data-dir>");
  }
}
