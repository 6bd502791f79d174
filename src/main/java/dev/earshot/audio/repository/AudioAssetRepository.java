package dev.earshot.audio.repository;

import dev.earshot.audio.AudioAsset;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class AudioAssetRepository implements PanacheRepositoryBase<AudioAsset, String> {

  /**
   * Inserts the row unless a row with the same hash exists; concurrent uploads of the same bytes
   * then both succeed. Returns true when this call inserted it.
   */
  public boolean insertIfAbsent(AudioAsset asset) {
    int inserted =
        getEntityManager()
            .createNativeQuery(
                "INSERT INTO audio_asset (sha256, format, sample_rate, channels, bits_per_sample,"
                    + " frames, duration_seconds, size_bytes) VALUES (:sha256, :format,"
                    + " :sampleRate, :channels, :bitsPerSample, :frames, :durationSeconds,"
                    + " :sizeBytes) ON CONFLICT (sha256) DO NOTHING")
            .setParameter("sha256", asset.sha256)
            .setParameter("format", asset.format)
            .setParameter("sampleRate", asset.sampleRate)
            .setParameter("channels", asset.channels)
            .setParameter("bitsPerSample", asset.bitsPerSample)
            .setParameter("frames", asset.frames)
            .setParameter("durationSeconds", asset.durationSeconds)
            .setParameter("sizeBytes", asset.sizeBytes)
            .executeUpdate();
    return inserted == 1;
  }
}
