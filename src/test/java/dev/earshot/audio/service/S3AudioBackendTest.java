package dev.earshot.audio.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.earshot.platform.error.DomainException;
import dev.earshot.platform.error.Failure;
import dev.earshot.testing.S3ProxyServer;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** The S3 audio back-end against a real S3 server (S3Proxy on loopback, filesystem back-end). */
class S3AudioBackendTest {

  private static S3ProxyServer server;

  @TempDir Path instanceA;
  @TempDir Path instanceB;

  @BeforeAll
  static void startServer() throws Exception {
    server = S3ProxyServer.start(Path.of("target/s3proxy"), "earshot-audio");
  }

  @AfterAll
  static void stopServer() throws Exception {
    server.close();
  }

  @Test
  void shouldStoreUnderTheHashAndServeEveryInstanceTheSameBytes() throws Exception {
    byte[] audio = "RIFF audio of instance A".getBytes(StandardCharsets.US_ASCII);
    String sha = sha256(audio);
    try (S3AudioBackend a = backend(instanceA);
        S3AudioBackend b = backend(instanceB)) {
      assertThat(a.contains(sha)).isFalse();
      Path staged = Files.write(instanceA.resolve("staged"), audio);

      a.put(sha, staged);

      assertThat(staged).doesNotExist();
      try (S3Client client = server.client()) {
        byte[] object =
            client
                .getObjectAsBytes(
                    r -> r.bucket(server.bucket()).key("audio/" + sha.substring(0, 2) + "/" + sha))
                .asByteArray();
        assertThat(object).isEqualTo(audio);
      }
      assertThat(b.contains(sha)).isTrue();
      Optional<Path> readByB = b.localFile(sha);
      assertThat(readByB).get().satisfies(p -> assertThat(p).hasBinaryContent(audio));
      assertThat(readByB.get()).startsWith(instanceB.resolve("cache"));
    }
  }

  @Test
  void shouldKeepOneObjectWhenTheSameAudioIsPutTwice() throws Exception {
    byte[] audio = "same bytes twice".getBytes(StandardCharsets.US_ASCII);
    String sha = sha256(audio);
    try (S3AudioBackend a = backend(instanceA)) {
      a.put(sha, Files.write(instanceA.resolve("first"), audio));
      Path second = Files.write(instanceA.resolve("second"), audio);

      a.put(sha, second);

      assertThat(second).doesNotExist();
      // One file under the S3 server's own folder holds the object.
      try (var files = Files.walk(server.folder())) {
        assertThat(files.filter(f -> f.getFileName().toString().equals(sha))).hasSize(1);
      }
    }
  }

  @Test
  void shouldFindNothingForAnUnknownHash() throws Exception {
    String unknown = sha256("never stored".getBytes(StandardCharsets.US_ASCII));
    try (S3AudioBackend a = backend(instanceA)) {
      assertThat(a.contains(unknown)).isFalse();
      assertThat(a.localFile(unknown)).isEmpty();
    }
  }

  @Test
  void shouldRefuseAnObjectWhoseBytesDoNotMatchItsHash() throws Exception {
    String claimed = sha256("the real bytes".getBytes(StandardCharsets.US_ASCII));
    try (S3Client client = server.client()) {
      client.putObject(
          r -> r.bucket(server.bucket()).key("audio/" + claimed.substring(0, 2) + "/" + claimed),
          RequestBody.fromString("tampered bytes"));
    }
    try (S3AudioBackend a = backend(instanceA)) {
      assertThatThrownBy(() -> a.localFile(claimed))
          .isInstanceOf(IOException.class)
          .hasMessageContaining("does not match its SHA-256");
      assertThat(instanceA.resolve("cache").resolve(claimed.substring(0, 2)).resolve(claimed))
          .doesNotExist();
      try (var left = Files.list(instanceA.resolve("tmp"))) {
        assertThat(left).isEmpty();
      }
    }
  }

  @Test
  void shouldAnswerUnavailableWhenTheStoreCannotBeReached() throws Exception {
    String sha = sha256("unreachable".getBytes(StandardCharsets.US_ASCII));
    try (S3AudioBackend nowhere =
        S3AudioBackend.connect(
            config(URI.create("http://127.0.0.1:1"), server.bucket()),
            instanceA.resolve("cache"),
            instanceA.resolve("tmp"))) {
      assertThatThrownBy(() -> nowhere.contains(sha))
          .isInstanceOfSatisfying(
              DomainException.class, e -> assertThat(e.failure()).isEqualTo(Failure.UNAVAILABLE));
    }
  }

  @Test
  void shouldRequireABucket() {
    assertThatThrownBy(
            () -> S3AudioBackend.connect(config(server.endpoint(), null), instanceA, instanceA))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("earshot.audio-store.s3.bucket");
  }

  private S3AudioBackend backend(Path instance) {
    return S3AudioBackend.connect(
        config(server.endpoint(), server.bucket()),
        instance.resolve("cache"),
        instance.resolve("tmp"));
  }

  private static AudioStoreConfig.S3 config(URI endpoint, String bucket) {
    return new AudioStoreConfig.S3() {
      @Override
      public Optional<URI> endpoint() {
        return Optional.of(endpoint);
      }

      @Override
      public Optional<String> bucket() {
        return Optional.ofNullable(bucket);
      }

      @Override
      public String region() {
        return S3ProxyServer.REGION;
      }

      @Override
      public boolean pathStyle() {
        return true;
      }

      @Override
      public String keyPrefix() {
        return "audio/";
      }

      @Override
      public Optional<String> accessKeyId() {
        return Optional.of(S3ProxyServer.ACCESS_KEY);
      }

      @Override
      public Optional<String> secretAccessKey() {
        return Optional.of(S3ProxyServer.SECRET_KEY);
      }
    };
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
