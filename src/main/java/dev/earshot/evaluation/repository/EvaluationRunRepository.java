package dev.earshot.evaluation.repository;

import dev.earshot.evaluation.EvaluationRun;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;

@ApplicationScoped
public class EvaluationRunRepository implements PanacheRepository<EvaluationRun> {

  /** Number of runs ever started on the dataset with this name. */
  public long countOfDataset(String datasetName) {
    return ((Number)
            getEntityManager()
                .createNativeQuery(
                    "SELECT count(*) FROM evaluation_run r JOIN dataset d ON d.id = r.dataset_id"
                        + " WHERE d.name = ?1")
                .setParameter(1, datasetName)
                .getSingleResult())
        .longValue();
  }

  /** The run's finished stamp as committed now, not as the session loaded it. */
  public Optional<OffsetDateTime> committedFinishedAt(long runId) {
    return getEntityManager()
        .createQuery(
            "SELECT r.finishedAt FROM EvaluationRun r WHERE r.id = :id", OffsetDateTime.class)
        .setParameter("id", runId)
        .getResultStream()
        .filter(Objects::nonNull)
        .findFirst();
  }
}
