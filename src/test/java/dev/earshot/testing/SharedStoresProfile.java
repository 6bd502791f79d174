package dev.earshot.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The set-up of several instances: audio in an S3 bucket (S3Proxy on loopback) instead of the data
 * folder, and no background evaluation workers, so a test plays the workers of each instance.
 */
public class SharedStoresProfile implements QuarkusTestProfile {

  public static final String BUCKET = "earshot-shared-audio";

  private static final Path LOCAL_AUDIO = Path.of("target/test-data/audio");

  private static S3ProxyServer server;

  /** The running S3 server of this profile. */
  public static S3ProxyServer server() {
    return server;
  }

  @Override
  public Map<String, String> getConfigOverrides() {
    return Map.of("earshot.evaluation.workers", "0");
  }

  @Override
  public List<TestResourceEntry> testResources() {
    return List.of(new TestResourceEntry(S3Store.class));
  }

  /** Starts the S3 server before the application and points the audio store at it. */
  public static class S3Store implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
      try {
        server = S3ProxyServer.start(Path.of("target/s3proxy"), BUCKET);
        copyLocalAudioIntoTheBucket();
      } catch (Exception e) {
        throw new IllegalStateException("S3Proxy did not start", e);
      }
      return Map.of(
          "earshot.audio-store.kind",
          "s3",
          "earshot.audio-store.s3.endpoint",
          server.endpoint().toString(),
          "earshot.audio-store.s3.bucket",
          BUCKET,
          "earshot.audio-store.s3.region",
          S3ProxyServer.REGION,
          "earshot.audio-store.s3.path-style",
          "true",
          "earshot.audio-store.s3.access-key-id",
          S3ProxyServer.ACCESS_KEY,
          "earshot.audio-store.s3.secret-access-key",
          S3ProxyServer.SECRET_KEY);
    }

    /**
     * The tests' embedded database outlives a switch of test profile, so the demo audio that
     * earlier tests stored in the local store is rows here already: copy the files into the bucket,
     * as an operator does when switching an installation to S3 (README).
     */
    private static void copyLocalAudioIntoTheBucket() throws IOException {
      Path local = LOCAL_AUDIO;
      if (!Files.isDirectory(local)) {
        return;
      }
      try (S3Client client = server.client();
          Stream<Path> files = Files.walk(local)) {
        for (Path file : files.filter(Files::isRegularFile).toList()) {
          String key = "audio/" + local.relativize(file).toString().replace('\\', '/');
          client.putObject(r -> r.bucket(BUCKET).key(key), RequestBody.fromFile(file));
        }
      }
    }

    @Override
    public void stop() {
      if (server != null) {
        server.close();
        server = null;
      }
    }
  }
}
