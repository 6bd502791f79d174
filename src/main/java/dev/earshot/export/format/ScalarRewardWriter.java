package dev.earshot.export.format;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Scalar rewards, one row per response:
 *
 * <pre>{@code
 * {"prompt_id","response_id","prompt","completion","prompt_audio","completion_audio",
 *  "scores":{dimension: score, ...},"reward":total[,"reward_normalized":z]}
 * }</pre>
 *
 * The reward is the weighted sum of the weighted dimensions' scores (each must be present).
 * Normalisation is the GRPO group baseline: subtract the prompt's mean reward and divide by the
 * prompt's sample standard deviation (n - 1, as TRL's GRPO computes it) when that is above zero.
 * Only one prompt's responses are held at a time.
 */
public final class ScalarRewardWriter implements RecordWriter<ScoredResponse> {

  private final Map<String, Double> weights;
  private final boolean normalisePerPrompt;
  private final JsonlWriter<RewardRow> rows;
  private final List<RewardRow> currentPrompt = new ArrayList<>();

  public ScalarRewardWriter(
      Map<String, Double> weights, boolean normalisePerPrompt, OutputStream out)
      throws IOException {
    if (weights.isEmpty()) {
      throw new IllegalArgumentException("at least one dimension needs a weight");
    }
    weights.forEach((dimension, weight) -> JsonLines.requireFinite(weight, dimension));
    this.weights = new TreeMap<>(weights);
    this.normalisePerPrompt = normalisePerPrompt;
    this.rows = new JsonlWriter<>(new RewardRowFormat(normalisePerPrompt), out);
  }

  @Override
  public void write(ScoredResponse scored) throws IOException {
    if (!currentPrompt.isEmpty()
        && !currentPrompt.get(0).scored().prompt().id().equals(scored.prompt().id())) {
      flushPrompt();
    }
    currentPrompt.add(new RewardRow(scored, weightedTotal(scored), 0));
  }

  @Override
  public void close() throws IOException {
    flushPrompt();
    rows.close();
  }

  private double weightedTotal(ScoredResponse scored) {
    double total = 0;
    for (Map.Entry<String, Double> weight : weights.entrySet()) {
      Double score = scored.scores().get(weight.getKey());
      if (score == null) {
        throw new IllegalArgumentException(
            "response " + scored.response().id() + " has no score for " + weight.getKey());
      }
      total += weight.getValue() * score;
    }
    return total;
  }

  private void flushPrompt() throws IOException {
    double mean = currentPrompt.stream().mapToDouble(RewardRow::reward).average().orElse(0);
    double std = sampleStandardDeviation(mean);
    for (RewardRow row : currentPrompt) {
      double centred = row.reward() - mean;
      rows.write(
          normalisePerPrompt
              ? new RewardRow(row.scored(), row.reward(), std > 0 ? centred / std : centred)
              : row);
    }
    currentPrompt.clear();
  }

  private double sampleStandardDeviation(double mean) {
    if (currentPrompt.size() < 2) {
      return 0;
    }
    double squares = 0;
    for (RewardRow row : currentPrompt) {
      squares += (row.reward() - mean) * (row.reward() - mean);
    }
    return Math.sqrt(squares / (currentPrompt.size() - 1));
  }

  private record RewardRow(ScoredResponse scored, double reward, double normalized) {}

  private record RewardRowFormat(boolean withNormalized) implements JsonlFormat<RewardRow> {

    @Override
    public Comparator<RewardRow> order() {
      return Comparator.comparing(RewardRow::scored, ScoredResponse.ORDER);
    }

    @Override
    public void writeObject(RewardRow row, JsonGenerator json) throws IOException {
      ScoredResponse scored = row.scored();
      json.writeStartObject();
      json.writeStringField("prompt_id", scored.prompt().id());
      json.writeStringField("response_id", scored.response().id());
      json.writeStringField("prompt", scored.prompt().text());
      json.writeStringField("completion", scored.response().text());
      JsonLines.writeStringOrNull(json, "prompt_audio", scored.prompt().audioPath());
      JsonLines.writeStringOrNull(json, "completion_audio", scored.response().audioPath());
      json.writeObjectFieldStart("scores");
      for (Map.Entry<String, Double> score : scored.scores().entrySet()) {
        json.writeFieldName(score.getKey());
        JsonLines.writeFixed(json, score.getValue());
      }
      json.writeEndObject();
      json.writeFieldName("reward");
      JsonLines.writeFixed(json, row.reward());
      if (withNormalized) {
        json.writeFieldName("reward_normalized");
        JsonLines.writeFixed(json, row.normalized());
      }
      json.writeEndObject();
    }
  }
}
