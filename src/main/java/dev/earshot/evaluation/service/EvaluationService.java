package dev.earshot.evaluation.service;

import dev.earshot.audit.service.AuditLog;
import dev.earshot.dataset.Dataset;
import dev.earshot.dataset.repository.DatasetRepository;
import dev.earshot.dataset.repository.SystemRepository;
import dev.earshot.evaluation.EvaluationRun;
import dev.earshot.evaluation.JudgeScore;
import dev.earshot.evaluation.repository.EvaluationJobRepository;
import dev.earshot.evaluation.repository.EvaluationRunRepository;
import dev.earshot.evaluation.repository.JudgeScoreRepository;
import dev.earshot.evaluation.repository.JudgeScoreRepository.ScoredResponse;
import dev.earshot.evaluation.service.RunViews.FailureView;
import dev.earshot.evaluation.service.RunViews.NewRun;
import dev.earshot.evaluation.service.RunViews.PreferenceView;
import dev.earshot.evaluation.service.RunViews.RunView;
import dev.earshot.evaluation.service.RunViews.ScoreView;
import dev.earshot.evaluation.service.RunViews.SummaryView;
import dev.earshot.judge.service.JudgeRegistry;
import dev.earshot.judge.service.JudgeRegistry.JudgeView;
import dev.earshot.platform.error.DomainException;
import dev.earshot.preference.repository.RunPreferenceRepository;
import dev.earshot.preference.repository.RunPreferenceRepository.RunPreferenceCounts;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Starts evaluation runs (one job per response and judge, or per prompt and pair of systems for a
 * pairwise judge) and reports their progress, scores and preferences.
 */
@ApplicationScoped
public class EvaluationService {

  private static final int FAILURES_SHOWN = 20;

  private final DatasetRepository datasets;
  private final SystemRepository systems;
  private final EvaluationRunRepository runs;
  private final JudgeScoreRepository scores;
  private final JudgeRegistry judges;
  private final JobQueue queue;
  private final EvaluationJobRepository jobs;
  private final RunPreferenceRepository runPreferences;
  private final AuditLog audit;

  public EvaluationService(
      DatasetRepository datasets,
      SystemRepository systems,
      EvaluationRunRepository runs,
      JudgeScoreRepository scores,
      JudgeRegistry judges,
      JobQueue queue,
      EvaluationJobRepository jobs,
      RunPreferenceRepository runPreferences,
      AuditLog audit) {
    this.datasets = datasets;
    this.systems = systems;
    this.runs = runs;
    this.scores = scores;
    this.judges = judges;
    this.queue = queue;
    this.jobs = jobs;
    this.runPreferences = runPreferences;
    this.audit = audit;
  }

  @Transactional
  public RunView start(NewRun request) {
    if (request == null || request.dataset() == null) {
      throw DomainException.invalidRequest(
          "send {\"dataset\", \"systems\": [...], \"judges\": [...]}");
    }
    Dataset dataset = dataset(request.dataset());
    List<String> chosenSystems = chosenSystems(dataset, request.systems());
    boolean pairsExist = new TreeSet<>(chosenSystems).size() >= 2;
    List<JudgeView> chosenJudges =
        request.judges() == null || request.judges().isEmpty()
            ? judges.current().stream()
                .filter(JudgeView::runnable)
                .filter(judge -> pairsExist || !judge.pairwise())
                .toList()
            : request.judges().stream().map(judges::currentJudge).toList();
    for (JudgeView judge : chosenJudges) {
      if (!judge.runnable()) {
        throw DomainException.invalid(
            "Judge not runnable",
            "Judge '" + judge.id() + "' cannot run: " + judge.unavailableReason());
      }
      if (judge.pairwise() && !pairsExist) {
        throw DomainException.invalid(
            "Nothing to compare",
            "Judge '" + judge.id() + "' compares systems; choose at least two systems");
      }
    }
    if (chosenSystems.isEmpty() || chosenJudges.isEmpty()) {
      throw DomainException.invalid(
          "Nothing to evaluate",
          "Choose at least one system with responses and one runnable judge");
    }

    EvaluationRun run = new EvaluationRun();
    run.dataset = dataset;
    run.systems = List.copyOf(new TreeSet<>(chosenSystems));
    run.judges = chosenJudges.stream().map(j -> j.id() + "@" + j.version()).toList();
    runs.persist(run);
    runs.flush();
    for (JudgeView judge : chosenJudges) {
      if (judge.pairwise()) {
        jobs.queuePairJobs(run.id, judge.id(), judge.version(), dataset.id, run.systems);
      } else {
        jobs.queueResponseJobs(run.id, judge.id(), judge.version(), dataset.id, run.systems);
      }
    }
    // A run that queued nothing (its systems answered no prompt in common) is finished at once.
    jobs.finishRunIfNothingLeft(run.id);
    audit.record(
        "run.started",
        String.valueOf(run.id),
        "dataset",
        dataset.name,
        "judges",
        String.join(",", run.judges));
    return view(run);
  }

  /**
   * Starts a run of one job per response of the given systems (all that answered, when none are
   * given) for a job kind that another feature runs ({@link JobKindHandler}); the run lists the
   * kind where a judge run lists its judges.
   */
  @Transactional
  public RunView startJobs(String kind, String datasetName, List<String> chosen) {
    if (JobKindHandler.JUDGE.equals(kind)) {
      throw new IllegalArgumentException("judge runs are started with start(NewRun)");
    }
    Dataset dataset = dataset(datasetName);
    List<String> chosenSystems = chosenSystems(dataset, chosen);
    if (chosenSystems.isEmpty()) {
      throw DomainException.invalid(
          "Nothing to evaluate", "Dataset '" + dataset.name + "' has no responses of any system");
    }
    EvaluationRun run = new EvaluationRun();
    run.dataset = dataset;
    run.systems = List.copyOf(new TreeSet<>(chosenSystems));
    run.judges = List.of(kind);
    runs.persist(run);
    runs.flush();
    jobs.queueKindJobs(run.id, kind, dataset.id, run.systems);
    jobs.finishRunIfNothingLeft(run.id);
    audit.record("run.started", String.valueOf(run.id), "dataset", dataset.name, "judges", kind);
    return view(run);
  }

  private Dataset dataset(String name) {
    return datasets
        .findByName(name)
        .orElseThrow(
            () -> DomainException.invalid("Unknown dataset", "No dataset named '" + name + "'"));
  }

  /** The chosen systems, each with responses in the dataset; all that answered when none chosen. */
  private List<String> chosenSystems(Dataset dataset, List<String> chosen) {
    List<String> answering = systems.answering(dataset).stream().map(s -> s.name).toList();
    List<String> chosenSystems = chosen == null || chosen.isEmpty() ? answering : chosen;
    for (String system : chosenSystems) {
      if (!answering.contains(system)) {
        throw DomainException.invalid(
            "Unknown system",
            "System '"
                + system
                + "' has no responses in dataset '"
                + dataset.name
                + "'; it has "
                + answering);
      }
    }
    return chosenSystems;
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<RunView> list() {
    return runs.listAll(Sort.by("id").descending()).stream().map(this::view).toList();
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public RunView get(long id) {
    return view(run(id));
  }

  /** Scores of a run's responses by the run's judge versions, in prompt order. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<ScoreView> scores(long runId) {
    run(runId);
    return scores.ofRun(runId).stream().map(EvaluationService::scoreView).toList();
  }

  /** Pairwise verdicts of a run's pairwise judges, in prompt order. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<PreferenceView> preferences(long runId) {
    run(runId);
    return runPreferences.ofRun(runId).stream()
        .map(
            preference ->
                new PreferenceView(
                    preference.prompt(),
                    preference.systemA(),
                    preference.systemB(),
                    preference.dimension(),
                    preference.verdict(),
                    preference.positionConflict(),
                    preference.source()))
        .toList();
  }

  /** Mean score per system, dimension and judge over a run. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<SummaryView> summary(long runId) {
    run(runId);
    return scores.meansOfRun(runId).stream()
        .map(
            mean ->
                new SummaryView(
                    mean.system(), mean.dimension(), mean.judge(), mean.mean(), mean.count()))
        .toList();
  }

  /** Every score of a response, by every judge version that ever scored it. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<ScoreView> scoresOfResponse(long responseId) {
    return scores.ofResponse(responseId).stream().map(EvaluationService::scoreView).toList();
  }

  private EvaluationRun run(long id) {
    return runs.findByIdOptional(id)
        .orElseThrow(
            () ->
                DomainException.notFound("No evaluation run " + id + "; GET /api/runs lists them"));
  }

  private RunView view(EvaluationRun run) {
    Map<JobQueue.Status, Long> counts = queue.counts(run.id);
    long done = counts.get(JobQueue.Status.DONE);
    long failed = counts.get(JobQueue.Status.FAILED);
    long pending = counts.get(JobQueue.Status.PENDING);
    long running = counts.get(JobQueue.Status.RUNNING);
    long total = done + failed + pending + running;
    boolean open = pending + running > 0;
    String status = open ? "running" : failed > 0 ? "completed-with-failures" : "completed";
    OffsetDateTime finishedAt = run.finishedAt;
    if (!open && finishedAt == null) {
      // The last job's transaction stamps the run; it may have committed after the run was read
      // and before the jobs were counted, so read the stamp again rather than show it missing.
      finishedAt = runs.committedFinishedAt(run.id).orElse(null);
    }
    RunPreferenceCounts preferenceCounts = runPreferences.countsOfRun(run.id);
    return new RunView(
        run.id,
        run.dataset.name,
        run.systems,
        run.judges,
        status,
        total,
        done,
        failed,
        pending,
        running,
        open ? eta(run.createdAt, done + failed, pending + running) : null,
        preferenceCounts.preferences(),
        preferenceCounts.positionConflicts(),
        run.createdAt,
        finishedAt,
        failed == 0 ? List.of() : failures(run.id));
  }

  private static Long eta(OffsetDateTime started, long finished, long left) {
    if (started == null || finished == 0) {
      return null;
    }
    double seconds = Duration.between(started, OffsetDateTime.now()).toMillis() / 1000.0;
    return Math.round(seconds / finished * left);
  }

  private List<FailureView> failures(long runId) {
    return jobs.firstFailures(runId, FAILURES_SHOWN).stream()
        .map(failure -> new FailureView(failure.responseId(), failure.judge(), failure.error()))
        .toList();
  }

  private static ScoreView scoreView(ScoredResponse scored) {
    JudgeScore score = scored.score();
    return new ScoreView(
        score.responseId,
        scored.prompt(),
        scored.system(),
        score.judgeId,
        score.judgeVersion,
        score.dimension,
        score.value,
        score.reason,
        score.details,
        score.createdAt);
  }
}
