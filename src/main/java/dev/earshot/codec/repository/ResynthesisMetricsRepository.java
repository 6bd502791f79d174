package dev.earshot.codec.repository;

import dev.earshot.judge.dsp.paired.ResynthesisMetrics;
import dev.earshot.platform.db.Rows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import java.util.List;
import java.util.Optional;

/** Table {@code resynthesis_metrics}: what each codec response kept of its prompt's audio. */
@ApplicationScoped
public class ResynthesisMetricsRepository {

  /**
   * The two audio files a resynthesis job compares.
   *
   * @param originalSha256 the prompt's audio, null for a text-only prompt
   */
  public record Pair(String originalSha256, String resynthesisSha256) {}

  /**
   * One stored item: a codec's resynthesis of one prompt of a dataset, with its metrics (null where
   * the metric is undefined for the pair).
   */
  public record Item(
      String codec,
      long responseId,
      double lsdDb,
      double mcdDb,
      double siSdrDb,
      Double stoi,
      Double f0RmseCents,
      Double f0Correlation,
      double voicingErrorRate,
      boolean intonationKept,
      Double loudnessDifferenceLu,
      Double bandwidthResynthesisedHz) {}

  private final EntityManager entityManager;

  public ResynthesisMetricsRepository(EntityManager entityManager) {
    this.entityManager = entityManager;
  }

  /** The prompt audio and the response audio of a response, if the response exists. */
  public Optional<Pair> pair(long responseId) {
    return Rows.tuples(
            entityManager
                .createNativeQuery(
                    "SELECT p.audio_sha256 AS original, r.audio_sha256 AS resynthesis"
                        + " FROM response r JOIN prompt p ON p.id = r.prompt_id WHERE r.id = ?1",
                    Tuple.class)
                .setParameter(1, responseId))
        .stream()
        .findFirst()
        .map(
            row ->
                new Pair(row.get("original", String.class), row.get("resynthesis", String.class)));
  }

  public boolean exists(long responseId) {
    return !entityManager
        .createNativeQuery("SELECT 1 FROM resynthesis_metrics WHERE response_id = ?1")
        .setParameter(1, responseId)
        .getResultList()
        .isEmpty();
  }

  /** Stores the metrics of a response unless it has them already (a retried job). */
  public void insertIfAbsent(long responseId, ResynthesisMetrics metrics) {
    entityManager
        .createNativeQuery(
            "INSERT INTO resynthesis_metrics (response_id, alignment_lag_seconds, lsd_db, mcd_db,"
                + " si_sdr_db, stoi, f0_rmse_cents, f0_correlation, voicing_error_rate,"
                + " intonation_kept, loudness_difference_lu, bandwidth_original_hz,"
                + " bandwidth_resynthesised_hz)"
                + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)"
                + " ON CONFLICT (response_id) DO NOTHING")
        .setParameter(1, responseId)
        .setParameter(2, metrics.alignmentLagSeconds())
        .setParameter(3, metrics.spectral().lsdDb())
        .setParameter(4, metrics.spectral().mcdDb())
        .setParameter(5, metrics.siSdrDb())
        .setParameter(6, metrics.stoi())
        .setParameter(7, metrics.pitch().f0RmseCents())
        .setParameter(8, metrics.pitch().f0Correlation())
        .setParameter(9, metrics.pitch().voicingErrorRate())
        .setParameter(10, metrics.pitch().intonationKept())
        .setParameter(11, metrics.loudnessDifferenceLu())
        .setParameter(12, metrics.bandwidthOriginalHz())
        .setParameter(13, metrics.bandwidthResynthesisedHz())
        .executeUpdate();
  }

  /** Every measured resynthesis of a registered codec in the dataset, by codec and prompt order. */
  public List<Item> items(long datasetId) {
    List<Tuple> rows =
        Rows.tuples(
            entityManager
                .createNativeQuery(
                    "SELECT c.name AS codec, m.response_id AS response_id, m.lsd_db AS lsd_db,"
                        + " m.mcd_db AS mcd_db, m.si_sdr_db AS si_sdr_db, m.stoi AS stoi,"
                        + " m.f0_rmse_cents AS f0_rmse_cents, m.f0_correlation AS f0_correlation,"
                        + " m.voicing_error_rate AS voicing_error_rate,"
                        + " m.intonation_kept AS intonation_kept,"
                        + " m.loudness_difference_lu AS loudness_difference_lu,"
                        + " m.bandwidth_resynthesised_hz AS bandwidth_resynthesised_hz"
                        + " FROM resynthesis_metrics m JOIN response r ON r.id = m.response_id"
                        + " JOIN prompt p ON p.id = r.prompt_id"
                        + " JOIN system_under_test s ON s.id = r.system_id"
                        + " JOIN codec c ON c.name = s.name"
                        + " WHERE p.dataset_id = ?1 ORDER BY c.name, p.position, p.id",
                    Tuple.class)
                .setParameter(1, datasetId));
    return rows.stream()
        .map(
            row ->
                new Item(
                    row.get("codec", String.class),
                    Rows.longOf(row, "response_id"),
                    number(row, "lsd_db"),
                    number(row, "mcd_db"),
                    number(row, "si_sdr_db"),
                    nullableNumber(row, "stoi"),
                    nullableNumber(row, "f0_rmse_cents"),
                    nullableNumber(row, "f0_correlation"),
                    number(row, "voicing_error_rate"),
                    row.get("intonation_kept", Boolean.class),
                    nullableNumber(row, "loudness_difference_lu"),
                    nullableNumber(row, "bandwidth_resynthesised_hz")))
        .toList();
  }

  private static double number(Tuple row, String alias) {
    return row.get(alias, Number.class).doubleValue();
  }

  private static Double nullableNumber(Tuple row, String alias) {
    Number value = row.get(alias, Number.class);
    return value == null ? null : value.doubleValue();
  }
}
