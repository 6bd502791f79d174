package dev.earshot.leaderboard.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/** Which audio a response is, for measuring its style without loading the response entity. */
@ApplicationScoped
public class ResponseAudioRepository {

  private final EntityManager entityManager;

  public ResponseAudioRepository(EntityManager entityManager) {
    this.entityManager = entityManager;
  }

  /** The SHA-256 of the response's audio. */
  public String audioSha256(long responseId) {
    return (String)
        entityManager
            .createNativeQuery("SELECT audio_sha256 FROM response WHERE id = ?1")
            .setParameter(1, responseId)
            .getSingleResult();
  }
}
