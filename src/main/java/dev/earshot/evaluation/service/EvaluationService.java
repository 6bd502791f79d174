package dev.earshot.evaluation.service;

import dev.earshot.dataset.Dataset;
import dev.earshot.dataset.repository.DatasetRepository;
import dev.earshot.dataset.repository.SystemRepository;
import dev.earshot.evaluation.EvaluationRun;
import dev.earshot.evaluation.JudgeScore;
import dev.earshot.evaluation.repository.EvaluationRunRepository;
import dev.earshot.evaluation.repository.JudgeScoreRepository;
import dev.earshot.evaluation.service.RunViews.FailureView;
import dev.earshot.evaluation.service.RunViews.NewRun;
import dev.earshot.evaluation.service.RunViews.PreferenceView;
import dev.earshot.evaluation.service.RunViews.RunView;
import dev.earshot.evaluation.service.RunViews.ScoreView;
import dev.earshot.evaluation.service.RunViews.SummaryView;
import dev.earshot.judge.service.JudgeRegistry;
import dev.earshot.judge.service.JudgeRegistry.JudgeView;
import dev.earshot.platform.rest.ProblemException;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
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

  /** One job per response of the chosen systems. */
  private static final String RESPONSE_JOBS =
      "INSERT INTO evaluation_job (run_id, response_id, judge_id, judge_version)"
          + " SELECT :run, r.id, :judge, :version FROM response r"
          + " JOIN prompt p ON p.id = r.prompt_id JOIN system_under_test s ON s.id = r.system_id"
          + " WHERE p.dataset_id = :dataset AND s.name IN (:systems) ORDER BY p.position, s.name";

  /**
   * One job per prompt and unordered pair of chosen systems; A is the system whose name sorts first
   * (by code point, as Java sorts the run's systems).
   */
  private static final String PAIR_JOBS =
      "INSERT INTO evaluation_job (run_id, response_id, response_b_id, judge_id, judge_version)"
          + " SELECT :run, ra.id, rb.id, :judge, :version FROM response ra"
          + " JOIN prompt p ON p.id = ra.prompt_id"
          + " JOIN system_under_test sa ON sa.id = ra.system_id"
          + " JOIN response rb ON rb.prompt_id = ra.prompt_id"
          + " JOIN system_under_test sb ON sb.id = rb.system_id"
          + " WHERE p.dataset_id = :dataset AND sa.name IN (:systems) AND sb.name IN (:systems)"
          + " AND sa.name COLLATE \"C\" < sb.name COLLATE \"C\""
          + " ORDER BY p.position, sa.name, sb.name";

  private final DatasetRepository datasets;
  private final SystemRepository systems;
  private final EvaluationRunRepository runs;
  private final JudgeScoreRepository scores;
  private final JudgeRegistry judges;
  private final JobQueue queue;
  private final EntityManager entityManager;

  public EvaluationService(
      DatasetRepository datasets,
      SystemRepository systems,
      EvaluationRunRepository runs,
      JudgeScoreRepository scores,
      JudgeRegistry judges,
      JobQueue queue,
      EntityManager entityManager) {
    this.datasets = datasets;
    this.systems = systems;
    this.runs = runs;
    this.scores = scores;
    this.judges = judges;
    this.queue = queue;
    this.entityManager = entityManager;
  }

  @Transactional
  public RunView start(NewRun request) {
    if (request == null || request.dataset() == null) {
      throw ProblemException.badRequest(
          "send {\"dataset\", \"systems\": [...], \"judges\": [...]}");
    }
    Dataset dataset =
        datasets
            .findByName(request.dataset())
            .orElseThrow(
                () ->
                    new ProblemException(
                        422, "Unknown dataset", "No dataset named '" + request.dataset() + "'"));
    List<String> answering = systems.answering(dataset).stream().map(s -> s.name).toList();
    List<String> chosenSystems =
        request.systems() == null || request.systems().isEmpty() ? answering : request.systems();
    for (String system : chosenSystems) {
      if (!answering.contains(system)) {
        throw new ProblemException(
            422,
            "Unknown system",
            "System '"
                + system
                + "' has no responses in dataset '"
                + dataset.name
                + "'; it has "
                + answering);
      }
    }
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
        throw new ProblemException(
            422,
            "Judge not runnable",
            "Judge '" + judge.id() + "' cannot run: " + judge.unavailableReason());
      }
      if (judge.pairwise() && !pairsExist) {
        throw new ProblemException(
            422,
            "Nothing to compare",
            "Judge '" + judge.id() + "' compares systems; choose at least two systems");
      }
    }
    if (chosenSystems.isEmpty() || chosenJudges.isEmpty()) {
      throw new ProblemException(
          422,
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
      entityManager
          .createNativeQuery(judge.pairwise() ? PAIR_JOBS : RESPONSE_JOBS)
          .setParameter("run", run.id)
          .setParameter("judge", judge.id())
          .setParameter("version", judge.version())
          .setParameter("dataset", dataset.id)
          .setParameter("systems", run.systems)
          .executeUpdate();
    }
    return view(run);
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
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        entityManager
            .createQuery(
                "select sc, p.externalId, s.name from JudgeScore sc, Response r join r.prompt p"
                    + " join r.system s, EvaluationJob j"
                    + " where j.runId = :run and j.responseId = r.id and sc.responseId = r.id"
                    + " and sc.judgeId = j.judgeId and sc.judgeVersion = j.judgeVersion"
                    + " order by p.position, s.name, sc.dimension, sc.judgeId")
            .setParameter("run", runId)
            .getResultList();
    return rows.stream()
        .map(r -> scoreView((JudgeScore) r[0], (String) r[1], (String) r[2]))
        .toList();
  }

  /** Pairwise verdicts of a run's pairwise judges, in prompt order. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<PreferenceView> preferences(long runId) {
    run(runId);
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        entityManager
            .createNativeQuery(
                "SELECT p.external_id, sa.name, sb.name, pr.dimension, pr.verdict,"
                    + " pr.position_conflict, pr.source FROM preference pr"
                    + " JOIN evaluation_job j ON j.id = pr.job_id JOIN prompt p ON p.id = pr.prompt_id"
                    + " JOIN response ra ON ra.id = pr.response_a_id"
                    + " JOIN system_under_test sa ON sa.id = ra.system_id"
                    + " JOIN response rb ON rb.id = pr.response_b_id"
                    + " JOIN system_under_test sb ON sb.id = rb.system_id"
                    + " WHERE j.run_id = ?1 ORDER BY p.position, sa.name, sb.name, pr.dimension, pr.source")
            .setParameter(1, runId)
            .getResultList();
    return rows.stream()
        .map(
            r ->
                new PreferenceView(
                    (String) r[0],
                    (String) r[1],
                    (String) r[2],
                    (String) r[3],
                    (String) r[4],
                    Boolean.TRUE.equals(r[5]),
                    (String) r[6]))
        .toList();
  }

  /** Mean score per system, dimension and judge over a run. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<SummaryView> summary(long runId) {
    run(runId);
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        entityManager
            .createNativeQuery(
                "SELECT s.name, sc.dimension, sc.judge_id || '@' || sc.judge_version, avg(sc.value), count(*)"
                    + " FROM evaluation_job j JOIN judge_score sc ON sc.response_id = j.response_id"
                    + " AND sc.judge_id = j.judge_id AND sc.judge_version = j.judge_version"
                    + " JOIN response r ON r.id = j.response_id JOIN system_under_test s ON s.id = r.system_id"
                    + " WHERE j.run_id = ?1 GROUP BY 1, 2, 3 ORDER BY 2, 3, 4 DESC")
            .setParameter(1, runId)
            .getResultList();
    return rows.stream()
        .map(
            r ->
                new SummaryView(
                    (String) r[0],
                    (String) r[1],
                    (String) r[2],
                    ((Number) r[3]).doubleValue(),
                    ((Number) r[4]).longValue()))
        .toList();
  }

  /** Every score of a response, by every judge version that ever scored it. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<ScoreView> scoresOfResponse(long responseId) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        entityManager
            .createQuery(
                "select sc, p.externalId, s.name from JudgeScore sc, Response r join r.prompt p join r.system s"
                    + " where r.id = :response and sc.responseId = r.id order by sc.dimension, sc.judgeId, sc.createdAt")
            .setParameter("response", responseId)
            .getResultList();
    return rows.stream()
        .map(r -> scoreView((JudgeScore) r[0], (String) r[1], (String) r[2]))
        .toList();
  }

  private EvaluationRun run(long id) {
    return runs.findByIdOptional(id)
        .orElseThrow(
            () ->
                ProblemException.notFound(
                    "No evaluation run " + id + "; GET /api/runs lists them"));
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
    Object[] preferenceCounts =
        (Object[])
            entityManager
                .createNativeQuery(
                    "SELECT count(*), count(*) FILTER (WHERE pr.position_conflict) FROM preference pr"
                        + " JOIN evaluation_job j ON j.id = pr.job_id WHERE j.run_id = ?1")
                .setParameter(1, run.id)
                .getSingleResult();
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
        ((Number) preferenceCounts[0]).longValue(),
        ((Number) preferenceCounts[1]).longValue(),
        run.createdAt,
        run.finishedAt,
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
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        entityManager
            .createNativeQuery(
                "SELECT response_id, judge_id || '@' || judge_version, error FROM evaluation_job"
                    + " WHERE run_id = ?1 AND status = 'failed' ORDER BY id LIMIT "
                    + FAILURES_SHOWN)
            .setParameter(1, runId)
            .getResultList();
    return rows.stream()
        .map(r -> new FailureView(((Number) r[0]).longValue(), (String) r[1], (String) r[2]))
        .toList();
  }

  private static ScoreView scoreView(JudgeScore score, String prompt, String system) {
    return new ScoreView(
        score.responseId,
        prompt,
        system,
        score.judgeId,
        score.judgeVersion,
        score.dimension,
        score.value,
        score.reason,
        score.details,
        score.createdAt);
  }
}
