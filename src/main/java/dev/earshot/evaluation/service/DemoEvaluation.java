package dev.earshot.evaluation.service;

import dev.earshot.evaluation.service.RunViews.NewRun;
import dev.earshot.evaluation.service.RunViews.RunView;
import dev.earshot.platform.config.EarshotConfig;
import dev.earshot.platform.rest.ProblemException;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

/**
 * Queues one evaluation of the demo data set with every runnable judge the first time the demo is
 * there, so that a fresh install shows scores and judge leaderboards. The workers do the work in
 * the background; start-up does not wait for it.
 */
@ApplicationScoped
public class DemoEvaluation {

  private static final Logger LOG = Logger.getLogger(DemoEvaluation.class);
  private static final String DEMO = "demo";

  private final EvaluationService evaluation;
  private final EntityManager entityManager;
  private final EarshotConfig config;

  public DemoEvaluation(
      EvaluationService evaluation, EntityManager entityManager, EarshotConfig config) {
    this.evaluation = evaluation;
    this.entityManager = entityManager;
    this.config = config;
  }

  /** After the judges are recorded and the demo is imported (both observe at default priority). */
  @Transactional
  void onStart(@Observes @Priority(3000) StartupEvent event) {
    if (!config.demo().load() || !config.demo().evaluate() || evaluated()) {
      return;
    }
    try {
      RunView run = evaluation.start(new NewRun(DEMO, null, null));
      LOG.infof(
          "Evaluating the demo data set in the background: run %d, %d jobs", run.id(), run.total());
    } catch (ProblemException e) {
      LOG.warnf("Demo data set not evaluated: %s", e.getMessage());
    }
  }

  private boolean evaluated() {
    Number runs =
        (Number)
            entityManager
                .createNativeQuery(
                    "SELECT count(*) FROM evaluation_run r JOIN dataset d ON d.id = r.dataset_id"
                        + " WHERE d.name = ?1")
                .setParameter(1, DEMO)
                .getSingleResult();
    return runs.longValue() > 0;
  }
}
