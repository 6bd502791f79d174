package dev.earshot.judge.service;

import dev.earshot.judge.JudgeVersion;
import dev.earshot.judge.repository.JudgeVersionRepository;
import dev.earshot.judge.scoring.BuiltInJudges;
import dev.earshot.judge.scoring.Judge;
import dev.earshot.judge.scoring.JudgeCatalog;
import dev.earshot.judge.scoring.JudgeDefinition;
import dev.earshot.judge.scoring.JudgeKind;
import dev.earshot.judge.scoring.JudgeParameters;
import dev.earshot.platform.config.EarshotConfig;
import dev.earshot.platform.rest.ProblemException;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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

  private final JudgeVersionRepository versions;
  private final EarshotConfig config;
  private final Map<JudgeVersion.Key, Judge> instances = new ConcurrentHashMap<>();
  private volatile List<JudgeView> current = List.of();

  public JudgeRegistry(JudgeVersionRepository versions, EarshotConfig config) {
    this.versions = versions;
    this.config = config;
  }

  /** A declared judge as the API and the UI show it. */
  @Schema(name = "Judge")
  public record JudgeView(
      String id,
      String version,
      @Schema(enumeration = {"dsp", "text", "onnx", "llm"}) String kind,
      List<String> dimensions,
      String description,
      @Schema(description = "false when the judge needs a runtime or model that is not configured")
          boolean runnable,
      @Schema(description = "why it cannot run, when it cannot") String unavailableReason) {

    public JudgeVersion.Key key() {
      return new JudgeVersion.Key(id, version);
    }
  }

  @Transactional
  void onStart(@Observes StartupEvent event) {
    if (!Files.isDirectory(config.judges().dir())) {
      LOG.warnf(
          "No judges: folder %s not found (earshot.judges.dir)",
          config.judges().dir().toAbsolutePath());
      return;
    }
    List<JudgeView> loaded = new ArrayList<>();
    for (JudgeDefinition definition : JudgeCatalog.load(config.judges().dir())) {
      record(definition);
      loaded.add(view(definition));
    }
    current = List.copyOf(loaded);
    LOG.infof("Judges: %s", loaded.stream().map(j -> j.id() + "@" + j.version()).toList());
  }

  /** The judges declared now, in file-name order. */
  public List<JudgeView> current() {
    return current;
  }

  /** A currently declared judge by id. */
  public JudgeView currentJudge(String id) {
    return current.stream()
        .filter(j -> j.id().equals(id))
        .findFirst()
        .orElseThrow(
            () ->
                new ProblemException(
                    422,
                    "Unknown judge",
                    "No judge '"
                        + id
                        + "' in "
                        + config.judges().dir()
                        + "; GET /api/judges lists the judges"));
  }

  /** The judge of a recorded version, built from its recorded definition. */
  public Judge judge(JudgeVersion.Key key) {
    return instances.computeIfAbsent(
        key,
        k -> {
          JudgeVersion recorded =
              versions
                  .findByIdOptional(k)
                  .orElseThrow(
                      () ->
                          new IllegalStateException("judge version " + k + " was never recorded"));
          return BuiltInJudges.create(definition(recorded));
        });
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
        JudgeKind.valueOf(recorded.kind.toUpperCase(Locale.ROOT)),
        recorded.dimensions,
        recorded.description,
        new JudgeParameters(recorded.judgeId, recorded.definition),
        recorded.version);
  }

  private static JudgeView view(JudgeDefinition definition) {
    boolean builtIn = BuiltInJudges.isBuiltIn(definition.id());
    return new JudgeView(
        definition.id(),
        definition.version(),
        definition.kind().fileName(),
        definition.dimensions(),
        definition.description(),
        builtIn,
        builtIn
            ? null
            : "not configured: " + definition.kind().fileName() + " judges need their runtime");
  }
}
