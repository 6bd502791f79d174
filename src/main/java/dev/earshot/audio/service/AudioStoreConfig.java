package dev.earshot.audio.service;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.util.Optional;

/**
 * Where stored audio lives ({@code earshot.audio-store.*}): the data folder (one instance) or an
 * S3-compatible object store that every instance shares (AWS S3, MinIO, Ceph, GCS's S3 API).
 */
@ConfigMapping(prefix = "earshot.audio-store")
public interface AudioStoreConfig {

  /** {@code local}: {@code <data-dir>/audio}; {@code s3}: the bucket below. */
  @WithDefault("local")
  Kind kind();

  /** The object store, used when {@link #kind()} is {@code s3}. */
  S3 s3();

  enum Kind {
    LOCAL,
    S3
  }

  interface S3 {
    /** Endpoint URL of an S3-compatible server, e.g. {@code http://minio:9000}; none: AWS S3. */
    Optional<URI> endpoint();

    /** The bucket holding the audio; it must exist. Required with {@code kind=s3}. */
    Optional<String> bucket();

    /** The bucket's region (S3-compatible servers usually accept any). */
    @WithDefault("us-east-1")
    String region();

    /** Path-style URLs ({@code endpoint/bucket/key}), as most S3-compatible servers need. */
    @WithDefault("false")
    boolean pathStyle();

    /** Key prefix of the audio objects: {@code <prefix><first two hex digits>/<sha256>}. */
    @WithDefault("audio/")
    String keyPrefix();

    /** Access key id; with no keys the AWS SDK's default credential chain is used. */
    Optional<String> accessKeyId();

    /** Secret access key that goes with {@link #accessKeyId()}. */
    Optional<String> secretAccessKey();
  }
}
