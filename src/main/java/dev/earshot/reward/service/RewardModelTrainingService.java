package dev.earshot.reward.service;

import dev.earshot.dataset.Prompt;
import dev.earshot.dataset.Response;
import dev.earshot.dataset.manifest.PromptExpectations;
import dev.earshot.dataset.manifest.VoteLine;
import dev.earshot.dataset.repository.DatasetRepository;
import dev.earshot.dataset.repository.ResponseRepository;
import dev.earshot.feature.service.ResponseFeatures;
import dev.earshot.judge.scoring.JudgeCatalog;
import dev.earshot.judge.scoring.JudgeKind;
import dev.earshot.judge.service.JudgeRegistry;
import dev.earshot.platform.concurrent.BackgroundTasks;
import dev.earshot.platform.config.EarshotConfig;
import dev.earshot.platform.djl.DjlSettings;
import dev.earshot.platform.error.DomainException;
import dev.earshot.platform.startup.WarmUp;
import dev.earshot.preference.repository.PreferencePairRepository;
import dev.earshot.preference.repository.PreferencePairRepository.DecidedPair;
import dev.earshot.preference.repository.PreferencePairRepository.Selection;
import dev.earshot.preference.repository.PreferencePairRepository.Source;
import dev.earshot.reward.RewardModelConfig;
import dev.earshot.reward.RewardModelTraining;
import dev.earshot.reward.TrainingMetrics;
import dev.earshot.reward.TrainingMetrics.Accuracy;
import dev.earshot.reward.TrainingMetrics.FeatureWeight;
import dev.earshot.reward.model.HeldOutSplit;
import dev.earshot.reward.model.PreferencePair;
import dev.earshot.reward.model.ResponseFeatureVector;
import dev.earshot.reward.model.RewardModelTrainer;
import dev.earshot.reward.model.RewardNetwork;
import dev.earshot.reward.model.TrainingResult;
import dev.earshot.reward.model.TrainingSettings;
import dev.earshot.reward.repository.RewardModelTrainingRepository;
import dev.earshot.reward.service.RewardModelViews.NewRewardModel;
import dev.earshot.reward.service.RewardModelViews.TrainingView;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.jboss.logging.Logger;

/**
 * Trains reward models from stored preference pairs in the background (one training at a time per
 * name), reports their progress, and publishes each trained network as a new version of a {@code
 * reward-model} judge.
 */
@ApplicationScoped
public class RewardModelTrainingService {

  private static final Logger LOG = Logger.getLogger(RewardModelTrainingService.class);

  public static final String DEFAULT_DIMENSION = "overall";
  public static final String DEFAULT_SOURCE = "humans";
  public static final int DEFAULT_STEPS = 200;
  public static final int MAX_STEPS = 100_000;
  public static final int DEFAULT_HIDDEN_UNITS = 32;
  public static final int MAX_HIDDEN_UNITS = 1024;
  public static final double DEFAULT_LEARNING_RATE = 0.01;
  public static final double DEFAULT_HOLDOUT_FRACTION = 0.2;
  public static final double MAX_HOLDOUT_FRACTION = 0.9;
  public static final long DEFAULT_SEED = 1;

  /** The step counter in the database moves about this many times per training. */
  private static final int PROGRESS_UPDATES = 100;

  private final RewardModelTrainingRepository trainings;
  private final PreferencePairRepository pairs;
  private final DatasetRepository datasets;
  private final ResponseRepository responses;
  private final ResponseFeatures features;
  private final JudgeRegistry judges;
  private final RewardModelPublisher publisher;
  private final BackgroundTasks background;
  private final EarshotConfig config;
  private final EntityManager entityManager;
  private final WarmUp warmUp;
  private final Object publishing = new Object();

  public RewardModelTrainingService(
      RewardModelTrainingRepository trainings,
      PreferencePairRepository pairs,
      DatasetRepository datasets,
      ResponseRepository responses,
      ResponseFeatures features,
      JudgeRegistry judges,
      RewardModelPublisher publisher,
      BackgroundTasks background,
      EarshotConfig config,
      EntityManager entityManager,
      WarmUp warmUp) {
    this.trainings = trainings;
    this.pairs = pairs;
    this.datasets = datasets;
    this.responses = responses;
    this.features = features;
    this.judges = judges;
    this.publisher = publisher;
    this.background = background;
    this.config = config;
    this.entityManager = entityManager;
    this.warmUp = warmUp;
  }

  /**
   * Before anything loads PyTorch: its natives unpack under the data folder. After the port opened,
   * trainings that a stopped service left unfinished (queued before this start) are marked failed;
   * they are not resumed.
   */
  void onStart(@Observes @Priority(1) StartupEvent event) {
    DjlSettings.cacheDirUnlessConfigured(config.dataDir().resolve("djl"));
    OffsetDateTime started = OffsetDateTime.now();
    warmUp.submit("interrupted trainings", () -> failInterrupted(started));
  }

  @Transactional
  void failInterrupted(OffsetDateTime queuedBefore) {
    int interrupted =
        trainings.update(
            "status = ?1, error = ?2, finishedAt = ?3 where status in ?4 and createdAt < ?5",
            RewardModelTraining.FAILED,
            "interrupted: the service stopped during training; start it again",
            OffsetDateTime.now(),
            List.of(RewardModelTraining.QUEUED, RewardModelTraining.RUNNING),
            queuedBefore);
    if (interrupted > 0) {
      LOG.warnf("%d reward model training(s) were interrupted by a restart", interrupted);
    }
  }

  /**
   * Checks the request, records the training and starts it in the background.
   *
   * @throws DomainException {@code INVALID_REQUEST} for invalid settings, {@code CONFLICT} when the
   *     name belongs to another judge or is being trained, {@code INVALID_VALUE} for an unknown
   *     dataset or too few pairs
   */
  public TrainingView start(NewRewardModel request) {
    RewardModelConfig settings = settings(request);
    TrainingView queued = QuarkusTransaction.requiringNew().call(() -> record(settings));
    background.run(() -> train(queued.id()));
    return queued;
  }

  /** A training by id. */
  @Transactional
  public TrainingView get(long id) {
    return trainings
        .findByIdOptional(id)
        .map(RewardModelTrainingService::view)
        .orElseThrow(() -> DomainException.notFound("No reward model training " + id));
  }

  /** Every training, newest first. */
  @Transactional
  public List<TrainingView> list() {
    return trainings.listAll(Sort.descending("id")).stream()
        .map(RewardModelTrainingService::view)
        .toList();
  }

  private static RewardModelConfig settings(NewRewardModel request) {
    if (request == null) {
      throw DomainException.invalidRequest("send a JSON object with at least \"name\"");
    }
    String name = request.name();
    if (name == null
        || !JudgeCatalog.ID.matcher(name).matches()
        || name.length() > JudgeCatalog.MAX_ID_LENGTH) {
      throw DomainException.invalidRequest(
          "name must be a judge id: up to "
              + JudgeCatalog.MAX_ID_LENGTH
              + " lower-case letters, digits and inner hyphens; got "
              + name);
    }
    String dimension = orDefault(request.dimension(), DEFAULT_DIMENSION);
    if (!VoteLine.DIMENSIONS.contains(dimension)) {
      throw DomainException.invalidRequest(
          "dimension must be one of " + new TreeSet<>(VoteLine.DIMENSIONS) + "; got " + dimension);
    }
    String source = orDefault(request.source(), DEFAULT_SOURCE);
    try {
      Source.parse(source);
    } catch (IllegalArgumentException e) {
      throw DomainException.invalidRequest(e.getMessage());
    }
    int steps = request.steps() == null ? DEFAULT_STEPS : request.steps();
    int hiddenUnits = request.hiddenUnits() == null ? DEFAULT_HIDDEN_UNITS : request.hiddenUnits();
    double learningRate =
        request.learningRate() == null ? DEFAULT_LEARNING_RATE : request.learningRate();
    double holdout =
        request.holdoutFraction() == null ? DEFAULT_HOLDOUT_FRACTION : request.holdoutFraction();
    requireWithin("steps", steps, 1, MAX_STEPS);
    requireWithin("hiddenUnits", hiddenUnits, 1, MAX_HIDDEN_UNITS);
    if (!(learningRate > 0 && learningRate <= 1)) {
      throw DomainException.invalidRequest("learningRate must lie in (0, 1]; got " + learningRate);
    }
    if (!(holdout >= 0 && holdout <= MAX_HOLDOUT_FRACTION)) {
      throw DomainException.invalidRequest(
          "holdoutFraction must lie in [0, " + MAX_HOLDOUT_FRACTION + "]; got " + holdout);
    }
    return new RewardModelConfig(
        name,
        request.dataset(),
        dimension,
        source,
        steps,
        hiddenUnits,
        learningRate,
        holdout,
        request.seed() == null ? DEFAULT_SEED : request.seed());
  }

  private TrainingView record(RewardModelConfig settings) {
    judges.current().stream()
        .filter(judge -> judge.id().equals(settings.name()))
        .filter(judge -> !judge.kind().equals(JudgeKind.REWARD_MODEL.fileName()))
        .findFirst()
        .ifPresent(
            other -> {
              throw DomainException.conflict(
                  "Name taken",
                  "'"
                      + settings.name()
                      + "' is a "
                      + other.kind()
                      + " judge; choose another name for the reward model");
            });
    boolean busy =
        trainings.listUnfinished().stream()
            .anyMatch(training -> training.config.name().equals(settings.name()));
    if (busy) {
      throw DomainException.conflict(
          "Already training",
          "A reward model called '"
              + settings.name()
              + "' is being trained; wait for it (GET /api/reward-models)");
    }
    if (settings.dataset() != null && datasets.findByName(settings.dataset()).isEmpty()) {
      throw DomainException.invalid(
          "Unknown dataset", "No dataset '" + settings.dataset() + "'; GET /api/datasets");
    }
    Selection selection = select(settings);
    long prompts = selection.decided().stream().map(DecidedPair::promptId).distinct().count();
    if (selection.decided().isEmpty() || (settings.holdoutFraction() > 0 && prompts < 2)) {
      throw DomainException.invalid(
          "Too few preferences",
          "Found "
              + selection.decided().size()
              + " preference pairs with a winner on "
              + prompts
              + " prompts for source '"
              + settings.source()
              + "', dimension '"
              + settings.dimension()
              + "'"
              + (settings.dataset() == null ? "" : " and dataset '" + settings.dataset() + "'")
              + "; training needs at least one, and pairs of two prompts for a held-out set"
              + (DEFAULT_SOURCE.equals(settings.source())
                  ? ". humans counts people's votes only: simulated raters' votes (such as the"
                      + " demo's) need source=simulated"
                  : ""));
    }
    RewardModelTraining training = new RewardModelTraining();
    training.config = settings;
    training.status = RewardModelTraining.QUEUED;
    training.totalSteps = settings.steps();
    trainings.persist(training);
    trainings.flush();
    entityManager.refresh(training);
    return view(training);
  }

  private Selection select(RewardModelConfig settings) {
    return pairs.select(settings.dataset(), settings.dimension(), Source.parse(settings.source()));
  }

  /** The whole training; any failure is recorded on the training, never thrown. */
  void train(long id) {
    try {
      RewardModelConfig settings =
          QuarkusTransaction.requiringNew()
              .call(
                  () -> {
                    RewardModelTraining training = trainings.findById(id);
                    training.status = RewardModelTraining.RUNNING;
                    training.startedAt = OffsetDateTime.now();
                    return training.config;
                  });
      Selection selection = QuarkusTransaction.requiringNew().call(() -> select(settings));
      long measuring = System.nanoTime();
      ResponseFeatureVector vector = new ResponseFeatureVector();
      Map<Long, double[]> measured = measure(selection.decided(), vector);
      double featureSeconds = seconds(measuring);
      List<PreferencePair> preferencePairs = new ArrayList<>();
      for (DecidedPair pair : selection.decided()) {
        preferencePairs.add(
            new PreferencePair(
                Long.toString(pair.promptId()),
                measured.get(pair.chosenResponseId()),
                measured.get(pair.rejectedResponseId())));
      }
      HeldOutSplit split =
          HeldOutSplit.byGroup(preferencePairs, settings.holdoutFraction(), settings.seed());
      Path output = config.dataDir().resolve("reward-models").resolve(Long.toString(id));
      long training = System.nanoTime();
      int every = Math.max(1, settings.steps() / PROGRESS_UPDATES);
      TrainingResult result =
          RewardModelTrainer.train(
              split,
              vector.size(),
              new TrainingSettings(
                  settings.steps(),
                  settings.hiddenUnits(),
                  settings.learningRate(),
                  TrainingSettings.DEFAULT_BATCH_SIZE,
                  settings.seed()),
              output,
              (done, total, loss) -> {
                if (done % every == 0 || done == total) {
                  QuarkusTransaction.requiringNew().run(() -> trainings.recordStep(id, done));
                }
              });
      double trainingSeconds = seconds(training);
      String version;
      // Two trainings finishing together would otherwise both record each other's new version.
      synchronized (publishing) {
        publisher.publish(
            id, settings, result, vector.names(), output.resolve(RewardNetwork.PARAMETERS_FILE));
        judges.reload();
        version = judges.currentJudge(settings.name()).version();
      }
      TrainingMetrics metrics =
          metrics(selection, measured.size(), result, vector, featureSeconds, trainingSeconds);
      QuarkusTransaction.requiringNew()
          .run(
              () -> {
                RewardModelTraining done = trainings.findById(id);
                done.status = RewardModelTraining.SUCCEEDED;
                done.metrics = metrics;
                done.judgeId = settings.name();
                done.judgeVersion = version;
                done.finishedAt = OffsetDateTime.now();
              });
      LOG.infof(
          "Reward model %s@%s trained: held-out accuracy %s, linear baseline %s",
          settings.name(),
          version,
          result.networkHeldOutAccuracy(),
          result.linearHeldOutAccuracy());
    } catch (RuntimeException e) {
      LOG.errorf(e, "Reward model training %d failed", id);
      QuarkusTransaction.requiringNew()
          .run(
              () -> {
                RewardModelTraining failed = trainings.findById(id);
                failed.status = RewardModelTraining.FAILED;
                failed.error = String.valueOf(e.getMessage());
                failed.finishedAt = OffsetDateTime.now();
              });
    }
  }

  /** Raw features of every response in the pairs, measured once each. */
  private Map<Long, double[]> measure(List<DecidedPair> decided, ResponseFeatureVector vector) {
    List<Long> ids = new ArrayList<>(new TreeSet<>(responseIds(decided)));
    List<Subject> subjects =
        QuarkusTransaction.requiringNew()
            .call(() -> responses.byIds(ids).stream().map(Subject::of).toList());
    Map<Long, double[]> measured = new LinkedHashMap<>();
    for (Subject subject : subjects) {
      measured.put(
          subject.responseId(),
          vector.extract(
              features.judgeInput(
                  subject.expectations(),
                  subject.reference(),
                  subject.text(),
                  subject.audioSha256())));
    }
    return measured;
  }

  private static List<Long> responseIds(List<DecidedPair> decided) {
    List<Long> ids = new ArrayList<>();
    decided.forEach(
        pair -> {
          ids.add(pair.chosenResponseId());
          ids.add(pair.rejectedResponseId());
        });
    return ids;
  }

  /** The stored facts of one response that its features come from. */
  private record Subject(
      long responseId,
      PromptExpectations expectations,
      String reference,
      String text,
      String audioSha256) {

    static Subject of(Response response) {
      Prompt prompt = response.prompt;
      return new Subject(
          response.id,
          prompt.expectations == null ? PromptExpectations.none() : prompt.expectations,
          prompt.reference,
          response.textChannel,
          response.audioSha256);
    }
  }

  private static TrainingMetrics metrics(
      Selection selection,
      int responses,
      TrainingResult result,
      ResponseFeatureVector vector,
      double featureSeconds,
      double trainingSeconds) {
    List<FeatureWeight> weights = new ArrayList<>();
    List<String> names = vector.names();
    for (int i = 0; i < names.size(); i++) {
      weights.add(new FeatureWeight(names.get(i), result.linearWeights().get(i)));
    }
    return new TrainingMetrics(
        selection.decided().size(),
        selection.undecided(),
        result.trainingPairs(),
        result.heldOutPairs(),
        responses,
        new Accuracy(
            result.networkTrainingAccuracy(),
            result.networkHeldOutAccuracy(),
            result.networkTrainingLoss()),
        new Accuracy(
            result.linearTrainingAccuracy(),
            result.linearHeldOutAccuracy(),
            result.linearTrainingLoss()),
        weights,
        featureSeconds,
        trainingSeconds,
        result.device());
  }

  private static TrainingView view(RewardModelTraining training) {
    return new TrainingView(
        training.id,
        training.status,
        training.step,
        training.totalSteps,
        training.config,
        training.metrics,
        training.judgeId == null ? null : training.judgeId + "@" + training.judgeVersion,
        training.error,
        training.createdAt,
        training.startedAt,
        training.finishedAt);
  }

  private static String orDefault(String value, String defaultValue) {
    return value == null || value.isBlank() ? defaultValue : value;
  }

  private static void requireWithin(String name, int value, int min, int max) {
    if (value < min || value > max) {
      throw DomainException.invalidRequest(
          name + " must lie in [" + min + ", " + max + "]; got " + value);
    }
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }
}
