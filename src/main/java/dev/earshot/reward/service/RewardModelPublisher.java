package dev.earshot.reward.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.earshot.judge.scoring.JudgeKind;
import dev.earshot.platform.config.EarshotConfig;
import dev.earshot.reward.RewardModelConfig;
import dev.earshot.reward.model.RewardModelJudge;
import dev.earshot.reward.model.RewardNetwork;
import dev.earshot.reward.model.TrainingResult;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a trained network into a judge: its parameters go to {@code
 * <judges>/models/<name>/reward-model-0000.params}, its definition (features, scaling, how it was
 * trained) to {@code <judges>/<name>.json}. Each file is written beside its place and moved there
 * in one step, parameters first, so the judge registry never reads half a judge.
 */
@ApplicationScoped
public class RewardModelPublisher {

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final EarshotConfig config;

  public RewardModelPublisher(EarshotConfig config) {
    this.config = config;
  }

  /** The judge file a reward model of this name is written to. */
  public Path judgeFile(String name) {
    return config.judges().dir().resolve(name + ".json");
  }

  /**
   * Writes the judge files of a finished training.
   *
   * @param trainedParameters the network's parameter file as the trainer saved it
   */
  public void publish(
      long trainingId,
      RewardModelConfig settings,
      TrainingResult result,
      List<String> featureNames,
      Path trainedParameters) {
    Path judgesDir = config.judges().dir();
    String modelPath = "models/" + settings.name() + "/" + RewardNetwork.PARAMETERS_FILE;
    Map<String, Object> judge = new LinkedHashMap<>();
    judge.put("id", settings.name());
    judge.put("kind", JudgeKind.REWARD_MODEL.fileName());
    judge.put("dimensions", List.of(settings.dimension()));
    judge.put("description", description(trainingId, settings, result));
    judge.put(
        "parameters",
        RewardModelJudge.parameters(
            modelPath,
            settings.hiddenUnits(),
            featureNames,
            result.scaler(),
            training(trainingId, settings, result)));
    try {
      Path parameters = judgesDir.resolve(modelPath);
      Files.createDirectories(parameters.getParent());
      Path parametersDraft = parameters.resolveSibling(parameters.getFileName() + ".part");
      Files.copy(trainedParameters, parametersDraft, StandardCopyOption.REPLACE_EXISTING);
      Files.move(
          parametersDraft,
          parameters,
          StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
      // Not ending in .json, the draft is never read as a judge.
      Path file = judgeFile(settings.name());
      Path draft = file.resolveSibling(file.getFileName() + ".part");
      Files.write(draft, JSON.writeValueAsBytes(judge));
      Files.move(draft, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("could not write the judge files into " + judgesDir, e);
    }
  }

  private static String description(
      long trainingId, RewardModelConfig settings, TrainingResult result) {
    return String.format(
        Locale.ROOT,
        "Bradley–Terry reward model (training %d): a %d-unit network over measurements and"
            + " built-in judge scores, learnt from %d %s preference pairs on '%s'%s; held-out"
            + " pairwise accuracy %s (linear baseline %s). Scores are σ(utility).",
        trainingId,
        settings.hiddenUnits(),
        result.trainingPairs(),
        settings.source(),
        settings.dimension(),
        settings.dataset() == null ? "" : " of dataset " + settings.dataset(),
        accuracy(result.networkHeldOutAccuracy()),
        accuracy(result.linearHeldOutAccuracy()));
  }

  private static String accuracy(Double value) {
    return value == null ? "not measured" : String.format(Locale.ROOT, "%.3f", value);
  }

  /** How it was trained, for people reading the judge file; absent values left out. */
  private static Map<String, Object> training(
      long trainingId, RewardModelConfig settings, TrainingResult result) {
    Map<String, Object> training = new LinkedHashMap<>();
    training.put("id", trainingId);
    if (settings.dataset() != null) {
      training.put("dataset", settings.dataset());
    }
    training.put("dimension", settings.dimension());
    training.put("source", settings.source());
    training.put("steps", settings.steps());
    training.put("learningRate", settings.learningRate());
    training.put("holdoutFraction", settings.holdoutFraction());
    training.put("seed", settings.seed());
    training.put("trainingPairs", result.trainingPairs());
    training.put("heldOutPairs", result.heldOutPairs());
    if (result.networkHeldOutAccuracy() != null) {
      training.put("heldOutAccuracy", result.networkHeldOutAccuracy());
      training.put("linearHeldOutAccuracy", result.linearHeldOutAccuracy());
    }
    return training;
  }
}
