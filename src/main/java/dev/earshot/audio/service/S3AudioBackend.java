package dev.earshot.audio.service;

import dev.earshot.platform.error.DomainException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.util.HexFormat;
import java.util.Optional;
import org.jboss.logging.Logger;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Audio in an S3-compatible bucket, {@code <key-prefix><first two hex digits>/<sha256>}, shared by
 * every instance. Objects are read through a local cache, {@code <cache>/<first two hex
 * digits>/<sha256>}: a downloaded object is checked against its hash before it is kept, and since
 * objects never change a cached copy never goes stale (the cache may be deleted at any time).
 */
public class S3AudioBackend implements AudioBackend {

  private static final Logger LOG = Logger.getLogger(S3AudioBackend.class);

  private final S3Client s3;
  private final String bucket;
  private final String keyPrefix;
  private final Path cache;
  private final Path staging;

  S3AudioBackend(S3Client s3, String bucket, String keyPrefix, Path cache, Path staging) {
    this.s3 = s3;
    this.bucket = bucket;
    this.keyPrefix = keyPrefix;
    this.cache = cache;
    this.staging = staging;
  }

  /** A client for the configured bucket, over the JDK's HTTP client. */
  public static S3AudioBackend connect(AudioStoreConfig.S3 config, Path cache, Path staging) {
    String bucket =
        config
            .bucket()
            .filter(name -> !name.isBlank())
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "earshot.audio-store.kind=s3 needs earshot.audio-store.s3.bucket"));
    S3ClientBuilder builder =
        S3Client.builder()
            .httpClient(UrlConnectionHttpClient.create())
            .region(Region.of(config.region()))
            .forcePathStyle(config.pathStyle())
            .credentialsProvider(credentials(config))
            // S3-compatible servers differ in the optional checksums they know: send and check
            // only those the operation requires (the content hash is checked on download anyway).
            .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
            .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
    config.endpoint().ifPresent(builder::endpointOverride);
    return new S3AudioBackend(builder.build(), bucket, config.keyPrefix(), cache, staging);
  }

  private static AwsCredentialsProvider credentials(AudioStoreConfig.S3 config) {
    if (config.accessKeyId().isPresent() != config.secretAccessKey().isPresent()) {
      throw new IllegalStateException(
          "set both earshot.audio-store.s3.access-key-id and secret-access-key, or neither");
    }
    if (config.accessKeyId().isPresent()) {
      return StaticCredentialsProvider.create(
          AwsBasicCredentials.create(
              config.accessKeyId().get(), config.secretAccessKey().orElseThrow()));
    }
    return DefaultCredentialsProvider.builder().build();
  }

  @Override
  public boolean contains(String sha256) {
    return Files.isRegularFile(cached(sha256)) || inBucket(sha256);
  }

  private boolean inBucket(String sha256) {
    try {
      s3.headObject(request -> request.bucket(bucket).key(key(sha256)));
      return true;
    } catch (NoSuchKeyException e) {
      return false;
    } catch (S3Exception e) {
      if (e.statusCode() == 404) {
        return false;
      }
      throw unavailable(e);
    } catch (SdkException e) {
      throw unavailable(e);
    }
  }

  @Override
  public void put(String sha256, Path complete) throws IOException {
    try {
      // The bucket itself is asked, not the cache: only an object there makes the audio shared.
      if (!inBucket(sha256)) {
        long size = Files.size(complete);
        s3.putObject(
            request -> request.bucket(bucket).key(key(sha256)).contentLength(size),
            RequestBody.fromFile(complete));
      }
    } catch (SdkException e) {
      throw unavailable(e);
    } finally {
      Files.deleteIfExists(complete);
    }
  }

  @Override
  public Optional<Path> localFile(String sha256) throws IOException {
    Path cached = cached(sha256);
    if (Files.isRegularFile(cached)) {
      return Optional.of(cached);
    }
    Files.createDirectories(staging);
    Path part = Files.createTempFile(staging, "s3-", ".part");
    try {
      String downloaded;
      try (InputStream in = s3.getObject(request -> request.bucket(bucket).key(key(sha256)));
          DigestOutputStream out =
              new DigestOutputStream(Files.newOutputStream(part), AudioStore.sha256())) {
        in.transferTo(out);
        out.flush();
        downloaded = HexFormat.of().formatHex(out.getMessageDigest().digest());
      } catch (NoSuchKeyException e) {
        return Optional.empty();
      } catch (SdkException e) {
        throw unavailable(e);
      }
      if (!downloaded.equals(sha256)) {
        throw new IOException(
            "object " + key(sha256) + " in bucket " + bucket + " does not match its SHA-256");
      }
      Files.createDirectories(cached.getParent());
      // Concurrent first reads may both download; the copies are identical and the move atomic.
      Files.move(part, cached, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      return Optional.of(cached);
    } finally {
      Files.deleteIfExists(part);
    }
  }

  @Override
  public String describe() {
    return "bucket " + bucket + " (keys " + keyPrefix + "…)";
  }

  @Override
  public void close() {
    s3.close();
  }

  private String key(String sha256) {
    return keyPrefix + sha256.substring(0, 2) + "/" + sha256;
  }

  private Path cached(String sha256) {
    return cache.resolve(sha256.substring(0, 2)).resolve(sha256);
  }

  private DomainException unavailable(SdkException e) {
    LOG.warnf("audio store %s failed: %s", describe(), e.getMessage());
    return DomainException.unavailable(
        "Audio store unavailable",
        "The audio store (" + describe() + ") did not answer; try again later.");
  }
}
