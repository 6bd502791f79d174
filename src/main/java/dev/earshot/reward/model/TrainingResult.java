package dev.earshot.reward.model;

import java.util.List;

/**
 * What a training produced and how well it ranks pairs. Accuracies are the share of pairs whose
 * chosen response gets the higher utility (a tie counts half); held-out ones are {@code null}
 * without held-out pairs.
 *
 * @param scaler the training set's feature scaling, needed to score new responses
 * @param trainingPairs pairs fitted on
 * @param heldOutPairs pairs measured on only
 * @param networkTrainingAccuracy the network on the training pairs
 * @param networkHeldOutAccuracy the network on the held-out pairs
 * @param networkTrainingLoss mean {@code −log σ(s_chosen − s_rejected)} over the training pairs
 * @param linearTrainingAccuracy the linear baseline on the training pairs
 * @param linearHeldOutAccuracy the linear baseline on the held-out pairs
 * @param linearTrainingLoss the linear baseline's loss over the training pairs
 * @param linearWeights the linear baseline's weight per scaled feature
 * @param device where the network was trained, as DJL names it ({@code cpu()}, {@code gpu(0)})
 */
public record TrainingResult(
    FeatureScaler scaler,
    int trainingPairs,
    int heldOutPairs,
    double networkTrainingAccuracy,
    Double networkHeldOutAccuracy,
    double networkTrainingLoss,
    double linearTrainingAccuracy,
    Double linearHeldOutAccuracy,
    double linearTrainingLoss,
    List<Double> linearWeights,
    String device) {

  public TrainingResult {
    linearWeights = List.copyOf(linearWeights);
  }
}
