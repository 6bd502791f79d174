package dev.earshot.duplex.service;

import dev.earshot.audio.decode.NativeAudio;
import dev.earshot.duplex.core.DuplexMetric;
import dev.earshot.duplex.core.DuplexTiming;
import dev.earshot.duplex.core.TurnTakingScore;
import dev.earshot.judge.onnx.SileroVad;
import dev.earshot.judge.scoring.DimensionScore;
import dev.earshot.judge.scoring.JudgeDefinition;
import dev.earshot.judge.scoring.JudgeKind;
import dev.earshot.judge.scoring.JudgeParameters;
import dev.earshot.judge.service.JudgeKindProvider;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Registers the judges of kind {@code duplex}: the turn-taking timing of a response that is a
 * two-channel dialogue (channel 1 the user, channel 2 the model), segmented by the Silero VAD file
 * the judge names, scored by {@link TurnTakingScore}. Other responses get no score. Unlike the
 * stateless endpoint, a judge never falls back to the level segmenter: scores of one version come
 * from one segmenter.
 */
@ApplicationScoped
public class TurnTakingJudgeKind implements JudgeKindProvider {

  /** The dimension duplex judges score. */
  public static final String DIMENSION = "turn-taking";

  /** Recorded with the definition by the registry, not read by the judge. */
  private static final List<String> MODEL_PARAMETERS = List.of("model", "modelSha256");

  @Override
  public JudgeKind kind() {
    return JudgeKind.DUPLEX;
  }

  @Override
  public String unavailableReason(JudgeDefinition definition, Path modelFile) {
    if (!definition.dimensions().equals(List.of(DIMENSION))) {
      return "not configured: a duplex judge scores exactly the dimension '" + DIMENSION + "'";
    }
    try {
      settings(definition);
    } catch (IllegalArgumentException e) {
      return "not configured: " + e.getMessage();
    }
    return Files.isRegularFile(modelFile)
        ? null
        : "not configured: VAD model file " + modelFile.toAbsolutePath() + " not found";
  }

  @Override
  public LoadedJudge load(JudgeDefinition definition, Path modelFile) {
    TurnTakingScore.Settings settings = settings(definition);
    SileroVad vad = SileroVad.load(modelFile);
    return new LoadedJudge(response -> score(response.original(), vad, settings), vad::close);
  }

  /** The score of one response; none unless it has exactly two channels and the user speaks. */
  static List<DimensionScore> score(
      NativeAudio recording, SileroVad vad, TurnTakingScore.Settings settings) {
    if (recording.channelCount() != 2) {
      return List.of();
    }
    DuplexTiming timing = DuplexAnalysisService.timing(recording, Optional.of(vad));
    return TurnTakingScore.of(timing, settings)
        .map(
            score ->
                new DimensionScore(
                    DIMENSION, score.score(), reason(timing), details(timing, score)))
        .stream()
        .toList();
  }

  private static TurnTakingScore.Settings settings(JudgeDefinition definition) {
    Map<String, Object> values = new LinkedHashMap<>(definition.parameters().values());
    MODEL_PARAMETERS.forEach(values::remove);
    JudgeParameters.Reader reader = new JudgeParameters(definition.id(), values).reader();
    TurnTakingScore.Settings settings =
        new TurnTakingScore.Settings(
            reader.number(
                "latencyMidSeconds", TurnTakingScore.Settings.DEFAULTS.latencyMidSeconds()),
            reader.positiveNumber(
                "latencyScaleSeconds", TurnTakingScore.Settings.DEFAULTS.latencyScaleSeconds()));
    reader.requireAllRead();
    return settings;
  }

  private static String reason(DuplexTiming timing) {
    String latency =
        timing.latencySeconds().median() == null
            ? "no answered turn"
            : String.format(
                Locale.ROOT,
                "median latency %.2f s over %d turns",
                timing.latencySeconds().median(),
                timing.latencySeconds().count());
    String yielding =
        timing.bargeIns() == 0
            ? "no barge-in"
            : String.format(
                Locale.ROOT,
                "stopped within 1 s after %.0f %% of %d barge-ins",
                100 * timing.yieldedWithin1s(),
                timing.bargeIns());
    return String.format(
        Locale.ROOT,
        "%s, %d interruptions of %d user segments, %s",
        latency,
        timing.interruptions(),
        timing.user().size(),
        yielding);
  }

  /** The measurements behind the score, by the names {@link DuplexMetric} aggregates. */
  private static Map<String, Object> details(DuplexTiming timing, TurnTakingScore score) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("segmenter", DuplexReport.Segmenter.SILERO_VAD);
    details.put("durationSeconds", timing.durationSeconds());
    details.put("userSegments", timing.user().size());
    details.put("modelSegments", timing.model().size());
    details.put("turns", timing.latencySeconds().count());
    putPresent(details, DuplexMetric.MEDIAN_LATENCY.key(), timing.latencySeconds().median());
    putPresent(details, DuplexMetric.P90_LATENCY.key(), timing.latencySeconds().p90());
    details.put(DuplexMetric.OVERLAP.key(), timing.overlapSeconds());
    details.put(DuplexMetric.INTERRUPTIONS.key(), timing.interruptions());
    details.put(DuplexMetric.BACKCHANNELS.key(), timing.backchannels());
    details.put(DuplexMetric.BARGE_INS.key(), timing.bargeIns());
    putPresent(details, DuplexMetric.YIELDED_WITHIN_1S.key(), timing.yieldedWithin1s());
    putPresent(details, DuplexMetric.MEAN_YIELD.key(), timing.meanYieldSeconds());
    putPresent(details, "latencyFactor", score.latencyFactor());
    details.put("interruptionFactor", score.interruptionFactor());
    putPresent(details, "yieldFactor", score.yieldFactor());
    return details;
  }

  private static void putPresent(Map<String, Object> details, String key, Double value) {
    if (value != null) {
      details.put(key, value);
    }
  }
}
