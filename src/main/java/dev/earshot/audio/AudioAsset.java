package dev.earshot.audio;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** Metadata of one stored audio file; its bytes live in the content-addressed store. */
@Entity
@Table(name = "audio_asset")
public class AudioAsset {

  @Id
  @Column(name = "sha256", length = 64)
  public String sha256;

  @Column(nullable = false)
  public String format;

  @Column(name = "sample_rate", nullable = false)
  public int sampleRate;

  @Column(nullable = false)
  public int channels;

  @Column(name = "bits_per_sample", nullable = false)
  public int bitsPerSample;

  @Column(nullable = false)
  public long frames;

  @Column(name = "duration_seconds", nullable = false)
  public double durationSeconds;

  @Column(name = "size_bytes", nullable = false)
  public long sizeBytes;

  @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
  public OffsetDateTime createdAt;
}
