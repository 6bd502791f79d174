package dev.earshot.evaluation.service;

import dev.earshot.duplex.service.DuplexDemoLoader;
import dev.earshot.evaluation.repository.EvaluationRunRepository;
import dev.earshot.evaluation.service.RunViews.NewRun;
import dev.earshot.evaluation.service.RunViews.RunView;
import dev.earshot.platform.config.EarshotConfig;
import dev.earshot.platform.error.DomainException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Queues one evaluation of the demo data set with every runnable judge the first time the demo is
 * there, and one of the duplex demo with its turn-taking judge, so that a fresh install shows
 * scores and judge leaderboards. The workers do the work in the background; start-up does not wait
 * for it.
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

  /** After the judges are recorded and the demos are imported (all observe at default priority). */
  void onStart(@Observes @Priority(3000) StartupEvent event) {
    if (!config.demo().load() || !config.demo().evaluate()) {
      return;
    }
    evaluateOnce(new NewRun(DEMO, null, null));
    if (config.demo().duplex()) {
      evaluateOnce(new NewRun(DuplexDemoLoader.DATASET, null, List.of(DuplexDemoLoader.JUDGE)));
    }
  }

  /**
   * Starts the run in a transaction of its own unless its dataset was ever evaluated; a refusal
   * (say, a judge that is not configured) is logged, and the service starts anyway.
   */
  private void evaluateOnce(NewRun request) {
    RunView run;
    try {
      run =
          QuarkusTransaction.requiringNew()
              .call(
                  () ->
                      runs.countOfDataset(request.dataset()) > 0
                          ? null
                          : evaluation.start(request));
    } catch (DomainException e) {
      LOG.warnf("Data set '%s' not evaluated: %s", request.dataset(), e.getMessage());
      return;
    }
    if (run != null) {
      LOG.infof(
          "Evaluating data set '%s' in the background: run %d, %d jobs",
          request.dataset(), run.id(), run.total());
    }
  }
}
