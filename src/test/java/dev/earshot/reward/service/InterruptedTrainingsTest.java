package dev.earshot.reward.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

/**
 * The start-up step that fails trainings a stop cut off runs after the port opened, so a training
 * may already be queued in this start by then: only those queued before the start are failed.
 */
@QuarkusTest
class InterruptedTrainingsTest {

  @Inject RewardModelTrainingService service;
  @Inject EntityManager entityManager;

  @Test
  void shouldFailOnlyTheTrainingsQueuedBeforeThisStart() {
    long cutOff = insertQueued();
    OffsetDateTime started = OffsetDateTime.now();
    long queuedSince = insertQueued();
    try {
      service.failInterrupted(started);

      assertThat(statusAndError(cutOff)).startsWith("failed interrupted:");
      assertThat(statusAndError(queuedSince)).isEqualTo("queued ");
    } finally {
      // Rows without a real configuration: not for the other tests' lists.
      QuarkusTransaction.requiringNew()
          .run(
              () ->
                  entityManager
                      .createNativeQuery("DELETE FROM reward_model_training WHERE id IN (?1, ?2)")
                      .setParameter(1, cutOff)
                      .setParameter(2, queuedSince)
                      .executeUpdate());
    }
  }

  private long insertQueued() {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                ((Number)
                        entityManager
                            .createNativeQuery(
                                "INSERT INTO reward_model_training (config, total_steps)"
                                    + " VALUES ('{}'::jsonb, 10) RETURNING id")
                            .getSingleResult())
                    .longValue());
  }

  private String statusAndError(long id) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                (String)
                    entityManager
                        .createNativeQuery(
                            "SELECT status || ' ' || coalesce(error, '') FROM reward_model_training"
                                + " WHERE id = ?1")
                        .setParameter(1, id)
                        .getSingleResult());
  }
}
