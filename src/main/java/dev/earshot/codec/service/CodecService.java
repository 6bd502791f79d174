package dev.earshot.codec.service;

import dev.earshot.audio.decode.AudioRejectedException;
import dev.earshot.audio.service.AudioService;
import dev.earshot.audit.service.AuditLog;
import dev.earshot.codec.Codec;
import dev.earshot.codec.core.CodecShape;
import dev.earshot.codec.repository.CodecRepository;
import dev.earshot.codec.repository.ResynthesisMetricsRepository;
import dev.earshot.codec.repository.ResynthesisMetricsRepository.Item;
import dev.earshot.codec.service.CodecViews.CodecLeaderboard;
import dev.earshot.codec.service.CodecViews.CodecRow;
import dev.earshot.codec.service.CodecViews.CodecView;
import dev.earshot.codec.service.CodecViews.MetricSummary;
import dev.earshot.codec.service.CodecViews.NewCodec;
import dev.earshot.codec.service.CodecViews.NewCodecRun;
import dev.earshot.dataset.Dataset;
import dev.earshot.dataset.repository.DatasetRepository;
import dev.earshot.dataset.service.DatasetService;
import dev.earshot.dataset.service.DatasetViews.NewResponse;
import dev.earshot.dataset.service.DatasetViews.PromptView;
import dev.earshot.dataset.service.DatasetViews.ResponseView;
import dev.earshot.dataset.service.DatasetViews.SystemView;
import dev.earshot.evaluation.service.EvaluationService;
import dev.earshot.evaluation.service.RunViews.RunView;
import dev.earshot.judge.dsp.paired.ResynthesisMetrics;
import dev.earshot.platform.error.DomainException;
import dev.earshot.stats.BootstrapSettings;
import dev.earshot.stats.MeanBootstrap;
import dev.earshot.stats.MeanBootstrap.MeanInterval;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Codecs under test: registration, their resyntheses (responses of the system of the same name),
 * codec runs on the evaluation queue and the codec leaderboard.
 */
@ApplicationScoped
public class CodecService {

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,100}");

  /** Names that {@code GET /api/codecs/{name}} could not reach. */
  private static final Set<String> RESERVED_NAMES = Set.of("runs", "leaderboard");

  /** Upper bounds the table enforces; beyond them a shape is a typo, not a codec. */
  private static final double MAX_FRAME_RATE = 100_000;

  private static final int MAX_CODEBOOKS = 1024;

  private final CodecRepository codecs;
  private final ResynthesisMetricsRepository metrics;
  private final DatasetRepository datasetRepository;
  private final DatasetService datasets;
  private final AudioService audio;
  private final EvaluationService evaluation;
  private final AuditLog audit;

  public CodecService(
      CodecRepository codecs,
      ResynthesisMetricsRepository metrics,
      DatasetRepository datasetRepository,
      DatasetService datasets,
      AudioService audio,
      EvaluationService evaluation,
      AuditLog audit) {
    this.codecs = codecs;
    this.metrics = metrics;
    this.datasetRepository = datasetRepository;
    this.datasets = datasets;
    this.audio = audio;
    this.evaluation = evaluation;
    this.audit = audit;
  }

  /** Registers a codec; its name must be new. */
  @Transactional
  public CodecView register(NewCodec request) {
    if (request == null) {
      throw DomainException.invalidRequest(
          "send {\"name\", \"frameRate\", \"codebooks\", \"codebookSize\"}");
    }
    List<Map<String, String>> errors = new ArrayList<>();
    if (request.name() == null || !NAME.matcher(request.name()).matches()) {
      errors.add(error("name", "use 1-100 letters, digits, '.', '_' or '-'"));
    } else if (RESERVED_NAMES.contains(request.name())) {
      errors.add(error("name", "'" + request.name() + "' names a path of the codec API"));
    }
    if (request.frameRate() == null
        || !(request.frameRate() > 0)
        || request.frameRate() > MAX_FRAME_RATE) {
      errors.add(error("frameRate", "frames per second: a number above 0, at most 100000"));
    }
    if (request.codebooks() == null
        || request.codebooks() < 1
        || request.codebooks() > MAX_CODEBOOKS) {
      errors.add(error("codebooks", "a whole number from 1 to 1024"));
    }
    if (request.codebookSize() == null || request.codebookSize() < 2) {
      errors.add(error("codebookSize", "a whole number of codes, at least 2"));
    }
    if (!errors.isEmpty()) {
      throw DomainException.invalid(
          "Invalid codec",
          errors.stream()
              .map(e -> e.get("field") + ": " + e.get("message"))
              .collect(Collectors.joining("; ")),
          errors);
    }
    if (codecs.findByName(request.name()).isPresent()) {
      throw DomainException.conflict(
          "Codec exists", "A codec named '" + request.name() + "' is registered already");
    }
    Codec codec = new Codec();
    codec.name = request.name();
    codec.frameRate = request.frameRate();
    codec.codebooks = request.codebooks();
    codec.codebookSize = request.codebookSize();
    codec.description = request.description();
    codecs.persist(codec);
    audit.record("codec.registered", codec.name);
    return view(codec);
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<CodecView> list() {
    return codecs.allByName().stream().map(CodecService::view).toList();
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public CodecView get(String name) {
    return view(codec(name));
  }

  /**
   * Stores {@code file} as the codec's resynthesis of a prompt's audio: a response of the system
   * named like the codec. Nothing is stored when the prompt has no audio or the file is not audio
   * of at least {@link ResynthesisMetrics#MIN_SECONDS} s.
   */
  @Transactional
  public Registered uploadResynthesis(
      String codecName, String datasetName, String prompt, Path file)
      throws AudioRejectedException {
    Codec codec = codec(codecName);
    PromptView original = datasets.prompt(datasetName, prompt);
    if (original.audioSha256() == null) {
      throw DomainException.invalid(
          "Prompt without audio",
          "Prompt '" + prompt + "' has only text; a codec resynthesises audio prompts");
    }
    AudioService.Ingested ingested = audio.ingest(file);
    if (ingested.info().durationSeconds() < ResynthesisMetrics.MIN_SECONDS) {
      throw DomainException.invalid(
          "Audio too short",
          String.format(
              Locale.ROOT,
              "The resynthesis lasts %.3f s; it must last at least %.1f s",
              ingested.info().durationSeconds(),
              ResynthesisMetrics.MIN_SECONDS));
    }
    DatasetService.Registered registered =
        datasets.register(
            datasetName, new NewResponse(prompt, codec.name, ingested.info().sha256(), null, null));
    return new Registered(registered.response(), registered.created());
  }

  /** A stored resynthesis and whether the call created it. */
  public record Registered(ResponseView response, boolean created) {}

  /**
   * Starts a codec run: one resynthesis job per response of the chosen codecs in the dataset (every
   * registered codec with responses there when none are chosen), on the evaluation queue.
   */
  @Transactional
  public RunView startRun(NewCodecRun request) {
    if (request == null || request.dataset() == null) {
      throw DomainException.invalidRequest("send {\"dataset\", \"codecs\": [...]}");
    }
    List<String> answering =
        datasets.systems(request.dataset()).stream().map(SystemView::name).toList();
    List<String> chosen;
    if (request.codecs() == null || request.codecs().isEmpty()) {
      chosen = codecs.allByName().stream().map(c -> c.name).filter(answering::contains).toList();
      if (chosen.isEmpty()) {
        throw DomainException.invalid(
            "Nothing to evaluate",
            "No registered codec has resyntheses in dataset '" + request.dataset() + "'");
      }
    } else {
      request.codecs().forEach(this::codecForRun);
      chosen = request.codecs();
    }
    RunView run = evaluation.startJobs(ResynthesisJobs.KIND, request.dataset(), chosen);
    audit.record("codec.run.started", String.valueOf(run.id()), "dataset", request.dataset());
    return run;
  }

  private void codecForRun(String name) {
    if (name == null || codecs.findByName(name).isEmpty()) {
      throw DomainException.invalid("Unknown codec", "No codec named '" + name + "'");
    }
  }

  /** The codec runs of a dataset, newest first. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<RunView> runs(String datasetName) {
    return evaluation.list().stream()
        .filter(run -> run.dataset().equals(datasetName))
        .filter(run -> run.judges().equals(List.of(ResynthesisJobs.KIND)))
        .toList();
  }

  /**
   * Each measured codec of the dataset with every metric's mean and seeded 95 % percentile
   * bootstrap interval over its items, by ascending bitrate.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public CodecLeaderboard leaderboard(String datasetName, long seed) {
    Dataset dataset =
        datasetRepository
            .findByName(datasetName)
            .orElseThrow(() -> DomainException.notFound("No dataset named '" + datasetName + "'"));
    BootstrapSettings settings = BootstrapSettings.seeded(seed).withThreads(1);
    Map<String, List<Item>> byCodec =
        metrics.items(dataset.id).stream()
            .collect(Collectors.groupingBy(Item::codec, LinkedHashMap::new, Collectors.toList()));
    Map<String, Codec> registered =
        codecs.allByName().stream().collect(Collectors.toMap(c -> c.name, c -> c));
    List<CodecRow> rows =
        byCodec.entrySet().stream()
            .map(entry -> row(registered.get(entry.getKey()), entry.getValue(), settings))
            .sorted(Comparator.comparingDouble(CodecRow::bitrateBps).thenComparing(CodecRow::codec))
            .toList();
    return new CodecLeaderboard(
        dataset.name,
        settings.rounds(),
        seed,
        Arrays.stream(ResynthesisMetric.values()).map(ResynthesisMetric::info).toList(),
        rows);
  }

  private static CodecRow row(Codec codec, List<Item> items, BootstrapSettings settings) {
    Map<String, MetricSummary> summaries = new LinkedHashMap<>();
    for (ResynthesisMetric metric : ResynthesisMetric.values()) {
      double[] values =
          items.stream().map(metric::of).filter(Objects::nonNull).mapToDouble(v -> v).toArray();
      if (values.length > 0) {
        MeanInterval interval = MeanBootstrap.of(values, settings);
        summaries.put(
            metric.info().key(),
            new MetricSummary(interval.mean(), interval.lower(), interval.upper(), interval.n()));
      }
    }
    return new CodecRow(
        codec.name,
        codec.shape().bitsPerSecond(),
        codec.frameRate,
        codec.codebooks,
        codec.codebookSize,
        items.size(),
        summaries);
  }

  private Codec codec(String name) {
    return codecs
        .findByName(name)
        .orElseThrow(() -> DomainException.notFound("No codec named '" + name + "'"));
  }

  private static CodecView view(Codec codec) {
    CodecShape shape = codec.shape();
    return new CodecView(
        codec.name,
        codec.frameRate,
        codec.codebooks,
        codec.codebookSize,
        shape.bitsPerSecond(),
        codec.description);
  }

  private static Map<String, String> error(String field, String message) {
    return Map.of("field", field, "message", message);
  }
}
