package dev.earshot.judge.repository;

import dev.earshot.judge.onnx.CodecCodes;
import dev.earshot.platform.db.Rows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import java.util.Optional;

/** Codec token ids per stored audio file and encoder, table {@code codec_tokens}. */
@ApplicationScoped
public class CodecTokenRepository {

  private final EntityManager entityManager;

  public CodecTokenRepository(EntityManager entityManager) {
    this.entityManager = entityManager;
  }

  public Optional<CodecCodes> find(String encoderSha256, String audioSha256) {
    return Rows.tuples(
            entityManager
                .createNativeQuery(
                    "SELECT codebooks AS codebooks, frames AS frames, codes AS codes"
                        + " FROM codec_tokens WHERE encoder_sha256 = ?1 AND audio_sha256 = ?2",
                    Tuple.class)
                .setParameter(1, encoderSha256)
                .setParameter(2, audioSha256))
        .stream()
        .findFirst()
        .map(
            row ->
                CodecCodes.fromBytes(
                    (int) Rows.longOf(row, "codebooks"),
                    (int) Rows.longOf(row, "frames"),
                    row.get("codes", byte[].class)));
  }

  /** Stores the ids unless another export stored them first (they are the same). */
  public void insert(String encoderSha256, String audioSha256, CodecCodes codes) {
    entityManager
        .createNativeQuery(
            "INSERT INTO codec_tokens (encoder_sha256, audio_sha256, codebooks, frames, codes)"
                + " VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT DO NOTHING")
        .setParameter(1, encoderSha256)
        .setParameter(2, audioSha256)
        .setParameter(3, codes.codebooks())
        .setParameter(4, codes.frames())
        .setParameter(5, codes.toBytes())
        .executeUpdate();
  }

  /** How many audio files have ids cached for this encoder. */
  public long count(String encoderSha256) {
    return ((Number)
            entityManager
                .createNativeQuery("SELECT count(*) FROM codec_tokens WHERE encoder_sha256 = ?1")
                .setParameter(1, encoderSha256)
                .getSingleResult())
        .longValue();
  }
}
