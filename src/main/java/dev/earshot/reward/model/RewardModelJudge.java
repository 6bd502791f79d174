package dev.earshot.reward.model;

import dev.earshot.judge.scoring.DimensionScore;
import dev.earshot.judge.scoring.JudgeDefinition;
import dev.earshot.judge.scoring.JudgeInput;
import dev.earshot.judge.scoring.JudgeKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A judge of kind {@code reward-model}: the trained {@link RewardNetwork} scores one response from
 * its {@link ResponseFeatureVector}, scaled as the training data was. The score is {@code σ(s)} of
 * the utility {@code s}, in (0, 1); only differences of utilities have a meaning (the Bradley–Terry
 * probability that one response is preferred to another is {@code σ(s_a − s_b)}), so compare scores
 * of one reward model with each other, not with other judges' absolute values. Holds its loaded
 * network; close it when done.
 */
public final class RewardModelJudge implements AutoCloseable {

  /** Parameter: the network's parameter file, relative to the judges folder. */
  public static final String MODEL = "model";

  /** Parameter: the hidden layer's width. */
  public static final String HIDDEN_UNITS = "hiddenUnits";

  /** Parameter: the feature names the network was trained on, in order. */
  public static final String FEATURES = "features";

  /** Parameter: the training set's mean per feature. */
  public static final String FEATURE_MEAN = "featureMean";

  /** Parameter: the training set's standard deviation per feature. */
  public static final String FEATURE_SD = "featureSd";

  /** Parameter: how it was trained (settings, data, accuracies), for people. */
  public static final String TRAINING = "training";

  private final String dimension;
  private final ResponseFeatureVector features;
  private final FeatureScaler scaler;
  private final RewardNetwork network;

  private RewardModelJudge(
      String dimension,
      ResponseFeatureVector features,
      FeatureScaler scaler,
      RewardNetwork network) {
    this.dimension = dimension;
    this.features = features;
    this.scaler = scaler;
    this.network = network;
  }

  /** The parameters of a judge file for a trained network, in the order they are written. */
  public static Map<String, Object> parameters(
      String modelPath,
      int hiddenUnits,
      List<String> featureNames,
      FeatureScaler scaler,
      Map<String, Object> training) {
    Map<String, Object> parameters = new LinkedHashMap<>();
    parameters.put(MODEL, modelPath);
    parameters.put(HIDDEN_UNITS, hiddenUnits);
    parameters.put(FEATURES, featureNames);
    parameters.put(FEATURE_MEAN, scaler.mean());
    parameters.put(FEATURE_SD, scaler.sd());
    parameters.put(TRAINING, training);
    return parameters;
  }

  /**
   * Why the judge cannot run in this service, or {@code null} when it can: its parameter file is
   * missing, or it was trained on other features than this service computes.
   */
  public static String unavailableReason(JudgeDefinition definition, Path modelFile) {
    if (!Files.isRegularFile(modelFile)) {
      return "not configured: model file " + modelFile.toAbsolutePath() + " not found";
    }
    Object trainedOn = definition.parameters().values().get(FEATURES);
    List<String> computed = new ResponseFeatureVector().names();
    if (!computed.equals(trainedOn)) {
      return "not configured: trained on the features "
          + trainedOn
          + ", but this service computes "
          + computed
          + "; train it again";
    }
    return null;
  }

  /**
   * Loads the network of a {@code reward-model} judge.
   *
   * @param modelFile its {@link #MODEL} parameter resolved against the judges folder
   * @throws IllegalArgumentException when the definition is incomplete or cannot run here
   */
  public static RewardModelJudge load(JudgeDefinition definition, Path modelFile) {
    if (definition.kind() != JudgeKind.REWARD_MODEL) {
      throw new IllegalArgumentException(
          "judge '" + definition.id() + "' is not a reward-model judge");
    }
    String problem = unavailableReason(definition, modelFile);
    if (problem != null) {
      throw new IllegalArgumentException("judge '" + definition.id() + "': " + problem);
    }
    FeatureScaler scaler =
        new FeatureScaler(numbers(definition, FEATURE_MEAN), numbers(definition, FEATURE_SD));
    ResponseFeatureVector features = new ResponseFeatureVector();
    if (scaler.size() != features.size()) {
      throw new IllegalArgumentException(
          "judge '"
              + definition.id()
              + "': "
              + FEATURE_MEAN
              + " and "
              + FEATURE_SD
              + " need one value per feature ("
              + features.size()
              + ")");
    }
    if (!(definition.parameters().values().get(HIDDEN_UNITS) instanceof Integer hiddenUnits)
        || hiddenUnits < 1) {
      throw new IllegalArgumentException(
          "judge '" + definition.id() + "' needs '" + HIDDEN_UNITS + "': a whole number above 0");
    }
    return new RewardModelJudge(
        definition.dimensions().get(0),
        features,
        scaler,
        RewardNetwork.load(modelFile, hiddenUnits));
  }

  /** The score of one response; every response with or without audio gets one. */
  public DimensionScore score(JudgeInput input) {
    double[] raw = features.extract(input);
    double utility = network.utility(scaler.scale(raw));
    double score = LinearBradleyTerry.sigmoid(utility);
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("utility", utility);
    List<String> names = features.names();
    for (int i = 0; i < raw.length; i++) {
      // JSON has no NaN: a feature that could not be measured is null.
      details.put(names.get(i), Double.isFinite(raw[i]) ? raw[i] : null);
    }
    return new DimensionScore(
        dimension,
        score,
        String.format(
            Locale.ROOT,
            "learnt utility %.3f (σ = %.3f) from %d measurements and judge scores",
            utility,
            score,
            raw.length),
        details);
  }

  @Override
  public void close() {
    network.close();
  }

  private static List<Double> numbers(JudgeDefinition definition, String name) {
    Object value = definition.parameters().values().get(name);
    if (value instanceof List<?> list && list.stream().allMatch(Number.class::isInstance)) {
      return list.stream().map(number -> ((Number) number).doubleValue()).toList();
    }
    throw new IllegalArgumentException(
        "judge '" + definition.id() + "' needs '" + name + "': a list of numbers");
  }
}
