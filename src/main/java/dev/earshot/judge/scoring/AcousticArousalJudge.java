package dev.earshot.judge.scoring;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The emotion dimension without an emotion model: scores the {@link AcousticArousalEstimator
 * acoustic arousal estimate} of the response against the prompt's expected arousal (low / neutral /
 * high). It hears how activated the voice sounds, not which emotion it carries; prompts without an
 * expected arousal get no score from it.
 */
public final class AcousticArousalJudge implements Judge {

  public static final String ID = "acoustic-arousal";
  public static final String DIMENSION = "emotion";

  private final AcousticArousalEstimator estimator;

  public AcousticArousalJudge(JudgeParameters parameters) {
    JudgeParameters.Reader reader = parameters.reader();
    estimator = new AcousticArousalEstimator(reader);
    reader.requireAllRead();
  }

  @Override
  public String dimension() {
    return DIMENSION;
  }

  @Override
  public Optional<DimensionScore> score(JudgeInput input) {
    String expectedArousal = input.expectations().arousal();
    if (expectedArousal == null || input.prosody() == null || input.quality() == null) {
      return Optional.empty();
    }
    ArousalLevel expected = ArousalLevel.fromManifest(expectedArousal);
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("arousalExpected", expected.manifestName());
    String prefix = "acoustic arousal estimate (not an emotion classifier) ";
    Optional<AcousticArousalEstimate> estimate =
        estimator.estimate(input.prosody(), input.quality());
    if (estimate.isEmpty()) {
      return Optional.of(
          new DimensionScore(
              DIMENSION,
              0,
              prefix + "not measurable: no speech; expected " + expected.manifestName(),
              details));
    }
    details.putAll(estimate.get().details());
    return Optional.of(
        new DimensionScore(
            DIMENSION,
            estimator.agreement(estimate.get(), expected),
            prefix + estimate.get().describe() + "; expected " + expected.manifestName(),
            details));
  }
}
