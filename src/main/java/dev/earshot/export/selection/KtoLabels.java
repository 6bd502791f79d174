package dev.earshot.export.selection;

import dev.earshot.export.format.LabeledCompletion;
import dev.earshot.export.format.PreferencePair;
import dev.earshot.export.format.RecordWriter;
import dev.earshot.export.format.Turn;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Unpaired KTO labels. From preference pairs (a {@link PairSink}): within one prompt and dimension,
 * a response is desirable when it was chosen in more kept pairs than it was rejected in,
 * undesirable when the reverse; as many wins as losses is undecided and dropped. Ties never count.
 * From scores: desirable when the score reaches the threshold.
 */
public final class KtoLabels implements PairSink {

  /** Responses with as many wins as losses, left out. */
  public static final String DROPPED_UNDECIDED = "droppedUndecided";

  private final SelectionCounts counts;
  private final RecordWriter<LabeledCompletion> out;

  public KtoLabels(SelectionCounts counts, RecordWriter<LabeledCompletion> out) {
    this.counts = counts.register(DROPPED_UNDECIDED);
    this.out = out;
  }

  @Override
  public void accept(List<PreferencePair> pairs) throws IOException {
    Map<String, Turn> responses = new TreeMap<>();
    Map<String, Integer> net = new TreeMap<>();
    Turn prompt = null;
    for (PreferencePair pair : pairs) {
      if (pair.margin() == 0) {
        continue;
      }
      prompt = pair.prompt();
      responses.put(pair.chosen().id(), pair.chosen());
      responses.put(pair.rejected().id(), pair.rejected());
      net.merge(pair.chosen().id(), 1, Integer::sum);
      net.merge(pair.rejected().id(), -1, Integer::sum);
    }
    for (Map.Entry<String, Integer> response : net.entrySet()) {
      if (response.getValue() == 0) {
        counts.increment(DROPPED_UNDECIDED);
      } else {
        out.write(
            new LabeledCompletion(
                prompt, responses.get(response.getKey()), response.getValue() > 0));
      }
    }
  }

  /** The label of a scored response: desirable when the score is at least the threshold. */
  public static LabeledCompletion ofScore(ScoreRow score, double threshold) {
    return new LabeledCompletion(score.prompt(), score.response(), score.score() >= threshold);
  }
}
