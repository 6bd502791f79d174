package dev.earshot.reward.rest;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The service with its judges folder in a fresh copy under {@code target/}: trained reward models
 * are written there, never into the repository's {@code judges/}.
 */
public class RewardModelProfile implements QuarkusTestProfile {

  static final Path JUDGES = Path.of("target", "reward-model-judges");

  @Override
  public Map<String, String> getConfigOverrides() {
    try {
      if (Files.exists(JUDGES)) {
        try (Stream<Path> old = Files.walk(JUDGES)) {
          for (Path path : old.sorted(Comparator.reverseOrder()).toList()) {
            Files.delete(path);
          }
        }
      }
      Path source = Path.of("judges");
      try (Stream<Path> files = Files.walk(source)) {
        for (Path path : files.toList()) {
          Path target = JUDGES.resolve(source.relativize(path).toString());
          if (Files.isDirectory(path)) {
            Files.createDirectories(target);
          } else {
            Files.copy(path, target);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Map.of("earshot.judges.dir", JUDGES.toString());
  }
}
