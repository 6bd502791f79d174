package dev.earshot.evaluation.service;

import dev.earshot.evaluation.repository.EvaluationRunRepository;
import dev.earshot.evaluation.service.RunViews.NewRun;
import dev.earshot.evaluation.service.RunViews.RunView;
import dev.earshot.platform.config.EarshotConfig;
import dev.earshot.platform.error.DomainException;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
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
  private final EvaluationRunRepository runs;
  private final EarshotConfig config;

  public DemoEvaluation(
      EvaluationService evaluation, EvaluationRunRepository runs, EarshotConfig config) {
    this.evaluation = evaluation;
    this.runs = runs;
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
    } catch (DomainException e) {
      LOG.warnf("Demo data set not evaluated: %s", e.getMessage());
    }
  }

  private boolean evaluated() {
    return runs.countOfDataset(DEMO) > 0;
  }
}
