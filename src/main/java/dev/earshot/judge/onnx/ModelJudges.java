package dev.earshot.judge.onnx;

import dev.earshot.judge.scoring.JudgeDefinition;
import dev.earshot.judge.scoring.JudgeKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Builds the judges of kind {@code onnx} from their files. Parameters: {@code model} (path relative
 * to the judges folder), {@code task} ({@code silero-vad}, {@code classifier} or {@code ctc}), and
 * per task {@code labels}, {@code vocabulary}, {@code blankIndex}, {@code wordDelimiter}, {@code
 * sampleRate}. A missing model file makes the judge "not configured"; it never falls back to a
 * fake.
 */
public final class ModelJudges {

  private ModelJudges() {}

  /** Thrown when a judge's model file is not there; the message says which file. */
  public static final class NotConfiguredException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NotConfiguredException(String message) {
      super(message);
    }
  }

  /** The model file a definition names, resolved against the judges folder. */
  public static Path modelPath(JudgeDefinition definition, Path judgesDir) {
    Object model = definition.parameters().values().get("model");
    if (!(model instanceof String name) || name.isBlank()) {
      throw new IllegalArgumentException(
          "judge '" + definition.id() + "' needs a 'model' parameter: the ONNX file's path");
    }
    return judgesDir.resolve(name).normalize();
  }

  /**
   * Loads the model of an {@code onnx} judge.
   *
   * @throws NotConfiguredException when the model file is missing
   */
  public static ModelJudge create(JudgeDefinition definition, Path judgesDir) {
    if (definition.kind() != JudgeKind.ONNX) {
      throw new IllegalArgumentException("judge '" + definition.id() + "' is not an onnx judge");
    }
    Path model = modelPath(definition, judgesDir);
    if (!Files.isRegularFile(model)) {
      throw new NotConfiguredException(
          "not configured: model file " + model.toAbsolutePath() + " not found");
    }
    Map<String, Object> values = definition.parameters().values();
    String dimension = definition.dimensions().get(0);
    return switch (String.valueOf(values.get("task"))) {
      case "silero-vad" ->
          new SpeechActivityJudge(
              definition.id(), dimension, SileroVad.load(model), definition.parameters());
      case "classifier" ->
          new EmotionModelJudge(
              definition.id(),
              dimension,
              OnnxAudioModel.loadClassifier(
                  OnnxModelSpec.classifier(model, strings(definition, "labels"))
                      .withInputSampleRate(sampleRate(definition))));
      case "ctc" ->
          new AsrContentJudge(
              definition.id(),
              dimension,
              OnnxAudioModel.loadTranscriber(
                  OnnxModelSpec.ctc(
                          model,
                          strings(definition, "vocabulary"),
                          (int) definition.parameters().reader().nonNegativeNumber("blankIndex", 0),
                          String.valueOf(values.getOrDefault("wordDelimiter", "|")))
                      .withInputSampleRate(sampleRate(definition))));
      default ->
          throw new IllegalArgumentException(
              "judge '"
                  + definition.id()
                  + "': 'task' must be silero-vad, classifier or ctc, got "
                  + values.get("task"));
    };
  }

  private static int sampleRate(JudgeDefinition definition) {
    return (int)
        definition
            .parameters()
            .reader()
            .positiveNumber("sampleRate", OnnxModelSpec.DEFAULT_SAMPLE_RATE);
  }

  private static List<String> strings(JudgeDefinition definition, String name) {
    Object value = definition.parameters().values().get(name);
    if (value instanceof List<?> list && list.stream().allMatch(String.class::isInstance)) {
      return list.stream().map(String.class::cast).toList();
    }
    throw new IllegalArgumentException(
        "judge '" + definition.id() + "' needs '" + name + "': a list of strings");
  }
}
