package dev.earshot.export.selection;

import dev.earshot.export.format.RecordWriter;
import dev.earshot.export.format.ScoredResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Scores to one row per response for scalar rewards. Rows must arrive sorted by prompt id, then
 * response id; a response lacking a score on a weighted dimension is dropped and counted.
 */
public final class ScoredResponses {

  /** (response, dimension) scores read. */
  public static final String SCORES = "scores";

  /** Responses with at least one score. */
  public static final String RESPONSES = "responses";

  /** Responses without a score on some weighted dimension, left out. */
  public static final String DROPPED_MISSING_SCORE = "droppedMissingWeightedScore";

  private final Set<String> weightedDimensions;
  private final SelectionCounts counts;
  private final RecordWriter<ScoredResponse> out;
  private final GroupOrder order = new GroupOrder();
  private final Map<String, Double> scores = new TreeMap<>();
  private ScoreRow current;

  public ScoredResponses(
      Set<String> weightedDimensions, SelectionCounts counts, RecordWriter<ScoredResponse> out) {
    this.weightedDimensions = Set.copyOf(weightedDimensions);
    this.counts = counts.register(SCORES, RESPONSES, DROPPED_MISSING_SCORE);
    this.out = out;
  }

  public void accept(ScoreRow score) throws IOException {
    if (order.startsNewGroup(score.prompt().id(), score.response().id())) {
      flush();
      current = score;
    }
    if (scores.put(score.dimension(), score.score()) != null) {
      throw new IllegalArgumentException(
          "response " + score.response().id() + " scored twice on " + score.dimension());
    }
    counts.increment(SCORES);
  }

  public void finish() throws IOException {
    flush();
  }

  private void flush() throws IOException {
    if (current == null) {
      return;
    }
    counts.increment(RESPONSES);
    if (scores.keySet().containsAll(weightedDimensions)) {
      out.write(new ScoredResponse(current.prompt(), current.response(), scores));
    } else {
      counts.increment(DROPPED_MISSING_SCORE);
    }
    scores.clear();
    current = null;
  }
}
