package dev.earshot.platform.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;

/**
 * Makes one process the owner of a data folder: an exclusive lock on {@code <data-dir>/.lock}, held
 * until the process ends (the operating system releases it even after {@code kill -9}). A second
 * Earshot on the same folder is refused before it touches the folder's database.
 */
public final class DataFolderLock {

  /** Name of the lock file inside the data folder. */
  public static final String FILE_NAME = ".lock";

  /**
   * Quarkus loads this class in more than one class loader of one JVM, and file locks belong to the
   * whole JVM: the folders this JVM holds are marked in system properties, shared by all of them.
   */
  private static final String HELD_PREFIX = "dev.earshot.data-folder-lock:";

  /** Keeps each lock's channel reachable: a collected channel would close and free the lock. */
  private static final Map<Path, FileChannel> HELD = new HashMap<>();

  private DataFolderLock() {}

  /**
   * Takes the lock on {@code dataDir} for the rest of this process's life; does nothing when this
   * JVM already holds it.
   *
   * @throws IllegalStateException when another process holds it
   */
  public static void acquire(Path dataDir) {
    Path folder = dataDir.toAbsolutePath().normalize();
    synchronized (System.class) {
      if (System.getProperty(HELD_PREFIX + folder) != null) {
        return;
      }
      try {
        Files.createDirectories(folder);
        FileChannel channel =
            FileChannel.open(
                folder.resolve(FILE_NAME),
                StandardOpenOption.CREATE,
                StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        // Never overlapping within this JVM: the mark is set under the same monitor as the lock.
        FileLock lock = channel.tryLock();
        if (lock == null) {
          String owner = readOwner(channel);
          channel.close();
          throw new IllegalStateException(
              "The data folder "
                  + folder
                  + " is in use by another Earshot process"
                  + (owner.isEmpty() ? "" : " (pid " + owner + ")")
                  + ". Stop that one first, or start this one with another earshot.data-dir.");
        }
        writeOwner(channel);
        HELD.put(folder, channel);
        System.setProperty(HELD_PREFIX + folder, Long.toString(ProcessHandle.current().pid()));
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot lock the data folder " + folder, e);
      }
    }
  }

  private static String readOwner(FileChannel channel) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(32);
    channel.read(buffer, 0);
    return new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII).strip();
  }

  /** The owner's pid goes into the file, so that the refusal can name the process. */
  private static void writeOwner(FileChannel channel) throws IOException {
    channel.truncate(0);
    channel.write(
        ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)),
        0);
    channel.force(false);
  }
}
