package dev.earshot.judge.onnx;

import dev.earshot.judge.scoring.DimensionScore;
import dev.earshot.judge.scoring.JudgeInput;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An emotion classifier's view of the response: the score is the probability the model gives to the
 * emotion the prompt expects. No score when the prompt expects no emotion or one the model does not
 * know.
 */
final class EmotionModelJudge implements ModelJudge {

  private final String id;
  private final String dimension;
  private final OnnxAudioModel<ClassificationResult> model;

  EmotionModelJudge(String id, String dimension, OnnxAudioModel<ClassificationResult> model) {
    this.id = id;
    this.dimension = dimension;
    this.model = model;
  }

  @Override
  public String dimension() {
    return dimension;
  }

  @Override
  public Optional<DimensionScore> score(JudgeInput input, float[] samples16k) {
    String expected = input.expectations().emotion();
    if (expected == null) {
      return Optional.empty();
    }
    String label = expected.toLowerCase(Locale.ROOT);
    if (!model.spec().labels().contains(label)) {
      return Optional.empty();
    }
    ClassificationResult result = model.predict(samples16k);
    double probability = result.distribution().get(label);
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("label", result.label());
    details.put("confidence", result.confidence());
    details.put("distribution", result.distribution());
    String reason =
        String.format(
            Locale.ROOT,
            "%s: model hears '%s' (%.2f); expected '%s' has %.2f",
            id,
            result.label(),
            result.confidence(),
            label,
            probability);
    return Optional.of(new DimensionScore(dimension, probability, reason, details));
  }

  @Override
  public void close() {
    model.close();
  }
}
