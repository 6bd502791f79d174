package dev.earshot.evaluation.service;

import dev.earshot.duplex.service.DuplexDemoLoader;
import dev.earshot.evaluation.repository.EvaluationRunRepository;
import dev.earshot.evaluation.service.RunViews.NewRun;
import dev.earshot.evaluation.service.RunViews.RunView;
import dev.earshot.platform.config.EarshotConfig;
import dev.earshot.platform.error.DomainException;
import dev.earshot.platform.startup.WarmUp;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.util.List;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Queues one evaluation of the demo data set with every runnable judge the first time the demo is
 * there, one of the duplex demo with its turn-taking judge and every other feature's {@link
 * DemoRun} (the codec demo's resynthesis run), so that a fresh install shows scores and
 * leaderboards. The workers do the work in the background; start-up does not wait for it.
 */
@ApplicationScoped
public class DemoEvaluation {

  private static final Logger LOG = Logger.getLogger(DemoEvaluation.class);
  private static final String DEMO = "demo";

  private final EvaluationService evaluation;
  private final EvaluationRunRepository runs;
  private final EarshotConfig config;
  private final Instance<DemoRun> demoRuns;
  private final WarmUp warmUp;

  public DemoEvaluation(
      EvaluationService evaluation,
      EvaluationRunRepository runs,
      EarshotConfig config,
      Instance<DemoRun> demoRuns,
      WarmUp warmUp) {
    this.evaluation = evaluation;
    this.runs = runs;
    this.config = config;
    this.demoRuns = demoRuns;
    this.warmUp = warmUp;
  }

  /**
   * Queued after the judge catalog and the demo imports (they observe earlier, and start-up steps
   * run in the order they were queued).
   */
  void onStart(@Observes @Priority(3000) StartupEvent event) {
    warmUp.submit("demo evaluation", this::evaluateDemos);
  }

  private void evaluateDemos() {
    if (!config.demo().load() || !config.demo().evaluate()) {
      return;
    }
    evaluateOnce(DEMO, () -> evaluation.start(new NewRun(DEMO, null, null)));
    if (config.demo().duplex()) {
      evaluateOnce(
          DuplexDemoLoader.DATASET,
          () ->
              evaluation.start(
                  new NewRun(DuplexDemoLoader.DATASET, null, List.of(DuplexDemoLoader.JUDGE))));
    }
    for (DemoRun demo : demoRuns) {
      if (demo.ready()) {
        evaluateOnce(demo.dataset(), demo::start);
      }
    }
  }

  /**
   * Starts the run in a transaction of its own unless its dataset was ever evaluated; a refusal
   * (say, a judge that is not configured) is logged, and the service starts anyway.
   */
  private void evaluateOnce(String dataset, Supplier<RunView> start) {
    RunView run;
    try {
      run =
          QuarkusTransaction.requiringNew()
              .call(() -> runs.countOfDataset(dataset) > 0 ? null : start.get());
    } catch (DomainException e) {
      LOG.warnf("Data set '%s' not evaluated: %s", dataset, e.getMessage());
      return;
    }
    if (run != null) {
      LOG.infof(
          "Evaluating data set '%s' in the background: run %d, %d jobs",
          dataset, run.id(), run.total());
    }
  }
}
