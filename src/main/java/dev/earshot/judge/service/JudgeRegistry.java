package dev.earshot.judge.service;

import dev.earshot.judge.JudgeVersion;
import dev.earshot.judge.llm.LlmJudge;
import dev.earshot.judge.onnx.ModelJudge;
import dev.earshot.judge.onnx.ModelJudges;
import dev.earshot.judge.repository.JudgeVersionRepository;
import dev.earshot.judge.scoring.BuiltInJudges;
import dev.earshot.judge.scoring.Judge;
import dev.earshot.judge.scoring.JudgeCatalog;
import dev.earshot.judge.scoring.JudgeDefinition;
import dev.earshot.judge.scoring.JudgeKind;
import dev.earshot.judge.scoring.JudgeParameters;
import dev.earshot.judge.scoring.TranscriptScoring;
import dev.earshot.platform.config.EarshotConfig;
import dev.earshot.platform.error.DomainException;
import dev.earshot.platform.io.FileDigests;
import dev.earshot.platform.startup.WarmUp;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.interceptor.Interceptor;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.logging.Logger;

/**
 * The judges declared in {@code judges/}: read at start-up, each version recorded in the database
 * once, and instantiated from the recorded definition, so that a run finishes with the judge
 * versions it started with even after a judge file changed.
 */
@ApplicationScoped
public class JudgeRegistry {

  private static final Logger LOG = Logger.getLogger(JudgeRegistry.class);
  private static final String MODEL_SHA256 = "modelSha256";
  private static final String LLM_MODE = "mode";
  private static final String MODEL = "model";
  private static final String POINTWISE = "pointwise";
  private static final String PAIRWISE = "pairwise";

  /** How long a request waits for the judge files to be read after a start. */
  private static final long CATALOG_WAIT_SECONDS = 60;

  private final JudgeVersionRepository versions;
  private final EarshotConfig config;
  private final LlmJudges llm;
  private final TranscriptionJudges transcription;
  private final Map<JudgeKind, JudgeKindProvider> providers;
  private final Map<JudgeVersion.Key, ExecutableJudge> instances = new ConcurrentHashMap<>();
  private final Map<JudgeVersion.Key, LlmPairwiseJudge> pairwiseInstances =
      new ConcurrentHashMap<>();

  /** Closes the models loaded by model judges, when the service stops. */
  private final List<Runnable> modelClosers = new CopyOnWriteArrayList<>();

  private volatile List<JudgeView> current = List.of();

  /** Open once the judge files have been read after the start (or that failed). */
  private final CountDownLatch catalogRead = new CountDownLatch(1);

  private final WarmUp warmUp;

  public JudgeRegistry(
      JudgeVersionRepository versions,
      EarshotConfig config,
      LlmJudges llm,
      TranscriptionJudges transcription,
      Instance<JudgeKindProvider> providers,
      WarmUp warmUp) {
    this.versions = versions;
    this.warmUp = warmUp;
    this.config = config;
    this.llm = llm;
    this.transcription = transcription;
    this.providers = new EnumMap<>(JudgeKind.class);
    providers.forEach(provider -> this.providers.put(provider.kind(), provider));
  }

  /** A declared judge as the API and the UI show it. */
  @Schema(name = "Judge")
  public record JudgeView(
      String id,
      String version,
      @Schema(
              enumeration = {
                "dsp",
                "text",
                "onnx",
                "llm",
                "transcription",
                "reward-model",
                "duplex"
              })
          String kind,
      List<String> dimensions,
      @Schema(
              description =
                  "per dimension it scores, why its measurement tells something about that"
                      + " dimension (the description when the judge file gives no rationale)")
          Map<String, String> rationale,
      String description,
      @Schema(description = "false when the judge needs a runtime or model that is not configured")
          boolean runnable,
      @Schema(description = "why it cannot run, when it cannot") String unavailableReason,
      @Schema(
              description =
                  "true for judges that compare two systems' responses to the same prompt and"
                      + " make preferences instead of scores")
          boolean pairwise) {

    public JudgeVersion.Key key() {
      return new JudgeVersion.Key(id, version);
    }
  }

  /**
   * Queued before the start-up steps that use the judges (they observe at the default priority or
   * later, and steps run in the order they were queued).
   */
  void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION) StartupEvent event) {
    warmUp.submit(
        "judge catalog",
        () -> {
          try {
            reload();
          } finally {
            catalogRead.countDown();
          }
        });
  }

  /**
   * Reads the judges folder again and records every new version; called at start-up and when a
   * judge file was written (a trained reward model), so the new version can run without a restart.
   */
  @Transactional
  public void reload() {
    if (!Files.isDirectory(config.judges().dir())) {
      LOG.warnf(
          "No judges: folder %s not found (earshot.judges.dir)",
          config.judges().dir().toAbsolutePath());
      return;
    }
    List<JudgeView> loaded = new ArrayList<>();
    for (JudgeDefinition declared : JudgeCatalog.load(config.judges().dir())) {
      JudgeDefinition definition = withModelVersion(declared);
      record(definition);
      loaded.add(view(definition));
    }
    current = List.copyOf(loaded);
    LOG.infof("Judges: %s", loaded.stream().map(j -> j.id() + "@" + j.version()).toList());
  }

  /** The judges declared now, in file-name order. */
  public List<JudgeView> current() {
    awaitCatalog();
    return current;
  }

  /** Right after a start the judge files are read in the background: callers wait for that. */
  private void awaitCatalog() {
    try {
      if (!catalogRead.await(CATALOG_WAIT_SECONDS, TimeUnit.SECONDS)) {
        throw DomainException.unavailable(
            "Judges not read yet",
            "The service is still reading the judge files after its start; try again shortly");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw DomainException.unavailable("Judges not read yet", "Interrupted while waiting");
    }
  }

  /** A currently declared judge by id. */
  public JudgeView currentJudge(String id) {
    return current().stream()
        .filter(j -> j.id().equals(id))
        .findFirst()
        .orElseThrow(
            () ->
                DomainException.invalid(
                    "Unknown judge",
                    "No judge '"
                        + id
                        + "' in "
                        + config.judges().dir()
                        + "; GET /api/judges lists the judges"));
  }

  /**
   * The judge of a recorded version, built once from its recorded definition; model judges load
   * their model here, once per version.
   */
  @Transactional
  public ExecutableJudge judge(JudgeVersion.Key key) {
    return instances.computeIfAbsent(
        key,
        k -> {
          JudgeVersion recorded = recorded(k);
          JudgeDefinition definition = definition(recorded);
          if (definition.kind() == JudgeKind.LLM) {
            if (isPairwise(definition)) {
              throw new IllegalStateException(k + " compares pairs; it does not score responses");
            }
            return new LlmPointwiseJudge(llmClient(recorded), definition.dimensions());
          }
          if (definition.kind() == JudgeKind.TRANSCRIPTION) {
            requireRecordedModel(recorded, transcription.model());
            return new TranscriptionJudge(
                transcription.client(), transcriptScoring(definition.parameters()));
          }
          if (definition.kind() == JudgeKind.DSP || definition.kind() == JudgeKind.TEXT) {
            Judge judge = BuiltInJudges.create(definition);
            return response -> judge.score(response.measured()).stream().toList();
          }
          if (!modelSha256(definition).equals(recorded.definition.get(MODEL_SHA256))) {
            throw new IllegalStateException(
                "the model file of "
                    + k
                    + " changed since this version was recorded; start a new run");
          }
          JudgeKindProvider provider = providers.get(definition.kind());
          if (provider != null) {
            JudgeKindProvider.LoadedJudge loaded =
                provider.load(definition, ModelJudges.modelPath(definition, config.judges().dir()));
            modelClosers.add(loaded.close());
            return loaded.judge();
          }
          ModelJudge model = ModelJudges.create(definition, config.judges().dir());
          modelClosers.add(model::close);
          return response ->
              model.score(response.measured(), response.audio16k()).stream().toList();
        });
  }

  /** The pairwise llm judge of a recorded version. */
  @Transactional
  public LlmPairwiseJudge pairwiseJudge(JudgeVersion.Key key) {
    return pairwiseInstances.computeIfAbsent(
        key,
        k -> {
          JudgeVersion recorded = recorded(k);
          JudgeDefinition definition = definition(recorded);
          if (definition.kind() != JudgeKind.LLM || !isPairwise(definition)) {
            throw new IllegalStateException(k + " scores responses; it does not compare pairs");
          }
          return new LlmPairwiseJudge(llmClient(recorded), definition.dimensions());
        });
  }

  private JudgeVersion recorded(JudgeVersion.Key key) {
    return versions
        .findByIdOptional(key)
        .orElseThrow(
            () -> new IllegalStateException("judge version " + key + " was never recorded"));
  }

  /** The shared client, if the configured model is still the one this version was recorded with. */
  private LlmJudge llmClient(JudgeVersion recorded) {
    requireRecordedModel(recorded, llm.model());
    return llm.client();
  }

  /**
   * A judge whose version covers a configured model (llm, transcription) runs only with that model.
   */
  private static void requireRecordedModel(JudgeVersion recorded, Optional<String> configured) {
    Object recordedModel = recorded.definition.get(MODEL);
    if (recordedModel == null || !configured.map(recordedModel::equals).orElse(false)) {
      throw new IllegalStateException(
          "judge "
              + recorded.key()
              + " was recorded with model "
              + recordedModel
              + ", but the configured model is "
              + configured.orElse("none")
              + "; start a new run");
    }
  }

  /** A transcription judge's scoring, from its parameters less the recorded model name. */
  private static TranscriptScoring transcriptScoring(JudgeParameters parameters) {
    Map<String, Object> scoring = new LinkedHashMap<>(parameters.values());
    scoring.remove(MODEL);
    return new TranscriptScoring(new JudgeParameters(parameters.judgeId(), scoring));
  }

  private static boolean isPairwise(JudgeDefinition definition) {
    return PAIRWISE.equals(definition.parameters().values().get(LLM_MODE));
  }

  @PreDestroy
  void closeModels() {
    modelClosers.forEach(Runnable::run);
  }

  /**
   * A model judge's (onnx, or a kind of a {@link JudgeKindProvider}) version covers its model file
   * too: new weights under the same file name must not be mixed up with scores of the old ones. The
   * model's hash is kept in the recorded parameters.
   */
  private JudgeDefinition withModelVersion(JudgeDefinition declared) {
    if (declared.kind() == JudgeKind.LLM && llm.model().isPresent()) {
      return withModel(declared, MODEL, llm.model().get());
    }
    if (declared.kind() == JudgeKind.TRANSCRIPTION) {
      return transcription.model().map(model -> withModel(declared, MODEL, model)).orElse(declared);
    }
    if ((declared.kind() != JudgeKind.ONNX && !providers.containsKey(declared.kind()))
        || !Files.isRegularFile(ModelJudges.modelPath(declared, config.judges().dir()))) {
      return declared;
    }
    return withModel(declared, MODEL_SHA256, modelSha256(declared));
  }

  /**
   * The definition with the model kept in the recorded parameters and a version that covers it. An
   * llm or transcription judge names the configured model, so a different model behind the same
   * endpoint is a new version too.
   */
  private static JudgeDefinition withModel(
      JudgeDefinition declared, String parameter, String model) {
    Map<String, Object> parameters = new LinkedHashMap<>(declared.parameters().values());
    parameters.put(parameter, model);
    return new JudgeDefinition(
        declared.id(),
        declared.kind(),
        declared.dimensions(),
        declared.description(),
        new JudgeParameters(declared.id(), parameters),
        sha256(declared.version() + ":" + model).substring(0, 12));
  }

  private String modelSha256(JudgeDefinition definition) {
    return FileDigests.sha256Hex(ModelJudges.modelPath(definition, config.judges().dir()));
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  private void record(JudgeDefinition definition) {
    JudgeVersion.Key key = new JudgeVersion.Key(definition.id(), definition.version());
    if (versions.findByIdOptional(key).isPresent()) {
      return;
    }
    JudgeVersion version = new JudgeVersion();
    version.judgeId = definition.id();
    version.version = definition.version();
    version.kind = definition.kind().fileName();
    version.dimensions = definition.dimensions();
    version.description = definition.description();
    version.definition = definition.parameters().values();
    versions.persist(version);
  }

  private static JudgeDefinition definition(JudgeVersion recorded) {
    return new JudgeDefinition(
        recorded.judgeId,
        JudgeKind.fromFileName(recorded.kind)
            .orElseThrow(() -> new IllegalStateException("unknown judge kind " + recorded.kind)),
        recorded.dimensions,
        recorded.description,
        new JudgeParameters(recorded.judgeId, recorded.definition),
        recorded.version);
  }

  private JudgeView view(JudgeDefinition definition) {
    String unavailable = unavailableReason(definition);
    return new JudgeView(
        definition.id(),
        definition.version(),
        definition.kind().fileName(),
        definition.dimensions(),
        rationale(definition),
        definition.description(),
        unavailable == null,
        unavailable,
        definition.kind() == JudgeKind.LLM && isPairwise(definition));
  }

  private static Map<String, String> rationale(JudgeDefinition definition) {
    Map<String, String> rationale = new LinkedHashMap<>();
    definition
        .dimensions()
        .forEach(
            dimension ->
                rationale.put(
                    dimension,
                    definition.rationale().getOrDefault(dimension, definition.description())));
    return rationale;
  }

  private String unavailableReason(JudgeDefinition definition) {
    return switch (definition.kind()) {
      case DSP, TEXT ->
          BuiltInJudges.isBuiltIn(definition.id())
              ? null
              : "not configured: no built-in judge is called '" + definition.id() + "'";
      case ONNX -> {
        Path model = ModelJudges.modelPath(definition, config.judges().dir());
        yield Files.isRegularFile(model)
            ? null
            : "not configured: model file " + model.toAbsolutePath() + " not found";
      }
      case LLM -> {
        Object mode = definition.parameters().values().get(LLM_MODE);
        if (!POINTWISE.equals(mode) && !PAIRWISE.equals(mode)) {
          yield "not configured: parameter 'mode' must be \"pointwise\" or \"pairwise\", not "
              + mode;
        }
        yield llm.model().isPresent() ? null : LlmJudges.NOT_CONFIGURED;
      }
      case TRANSCRIPTION -> {
        try {
          transcriptScoring(definition.parameters());
        } catch (IllegalArgumentException e) {
          yield "not configured: " + e.getMessage();
        }
        yield transcription.model().isPresent() ? null : TranscriptionJudges.NOT_CONFIGURED;
      }
      default -> {
        JudgeKindProvider provider = providers.get(definition.kind());
        yield provider == null
            ? "not configured: no feature of this service provides judges of kind '"
                + definition.kind().fileName()
                + "'"
            : provider.unavailableReason(
                definition, ModelJudges.modelPath(definition, config.judges().dir()));
      }
    };
  }
}
