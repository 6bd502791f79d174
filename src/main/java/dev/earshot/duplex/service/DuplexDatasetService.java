package dev.earshot.duplex.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.earshot.dataset.service.DatasetService;
import dev.earshot.duplex.core.DuplexMetric;
import dev.earshot.duplex.repository.DuplexScoreRepository;
import dev.earshot.duplex.repository.DuplexScoreRepository.DialogueScore;
import dev.earshot.stats.BootstrapSettings;
import dev.earshot.stats.MeanBootstrap;
import dev.earshot.stats.MeanBootstrap.MeanInterval;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Aggregates the turn-taking judges' per-dialogue scores of a dataset per system: each response's
 * newest duplex score counts once.
 */
@ApplicationScoped
public class DuplexDatasetService {

  static final int BOOTSTRAP_ROUNDS = 2000;
  static final double CONFIDENCE_LEVEL = 0.95;

  /** Seed fixed, so the same scores always give the same intervals. */
  private static final BootstrapSettings BOOTSTRAP =
      BootstrapSettings.seeded(20_261_206L)
          .withRounds(BOOTSTRAP_ROUNDS)
          .withConfidenceLevel(CONFIDENCE_LEVEL)
          .withThreads(1);

  private final DuplexScoreRepository scores;
  private final DatasetService datasets;
  private final ObjectMapper json = new ObjectMapper();

  public DuplexDatasetService(DuplexScoreRepository scores, DatasetService datasets) {
    this.scores = scores;
    this.datasets = datasets;
  }

  /**
   * The dataset's turn-taking per system; no systems until a duplex judge has scored its responses.
   *
   * @throws dev.earshot.platform.error.DomainException (not found) for an unknown dataset
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public DuplexDatasetReport report(String datasetName) {
    datasets.get(datasetName);
    List<DialogueScore> dialogues = scores.latestScores(datasetName);
    Map<String, List<DialogueScore>> bySystem =
        dialogues.stream()
            .collect(
                Collectors.groupingBy(
                    DialogueScore::system, LinkedHashMap::new, Collectors.toList()));
    List<DuplexDatasetReport.SystemTiming> systems = new ArrayList<>();
    bySystem.forEach((system, own) -> systems.add(system(system, own)));
    systems.sort(
        Comparator.comparingDouble((DuplexDatasetReport.SystemTiming s) -> -s.score().mean())
            .thenComparing(DuplexDatasetReport.SystemTiming::system));
    return new DuplexDatasetReport(
        datasetName,
        List.copyOf(
            dialogues.stream()
                .map(DialogueScore::judge)
                .collect(Collectors.toCollection(TreeSet::new))),
        CONFIDENCE_LEVEL,
        BOOTSTRAP_ROUNDS,
        systems);
  }

  private DuplexDatasetReport.SystemTiming system(String system, List<DialogueScore> dialogues) {
    List<JsonNode> details = dialogues.stream().map(d -> details(d.detailsJson())).toList();
    Map<String, MeanInterval> metrics = new LinkedHashMap<>();
    for (DuplexMetric metric : DuplexMetric.values()) {
      double[] values =
          details.stream()
              .map(d -> d.get(metric.key()))
              .filter(value -> value != null && value.isNumber())
              .mapToDouble(JsonNode::asDouble)
              .toArray();
      if (values.length > 0) {
        metrics.put(metric.key(), interval(values));
      }
    }
    return new DuplexDatasetReport.SystemTiming(
        system,
        dialogues.size(),
        interval(dialogues.stream().mapToDouble(DialogueScore::score).toArray()),
        metrics);
  }

  private static MeanInterval interval(double[] values) {
    return MeanBootstrap.of(values, BOOTSTRAP);
  }

  private JsonNode details(String detailsJson) {
    try {
      return json.readTree(detailsJson);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored judge details are not JSON: " + e.getMessage(), e);
    }
  }
}
