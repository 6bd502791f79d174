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
                    + " frames, duration_seconds, size_bytes) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"
                    + " ON CONFLICT (sha256) DO NOTHING")
            .setParameter(1, asset.sha256)
            .setParameter(2, asset.format)
            .setParameter(3, asset.sampleRate)
            .setParameter(4, asset.channels)
            .setParameter(5, asset.bitsPerSample)
            .setParameter(6, asset.frames)
            .setParameter(7, asset.durationSeconds)
            .setParameter(8, asset.sizeBytes)
            .executeUpdate();
    return inserted == 1;
  }
}
