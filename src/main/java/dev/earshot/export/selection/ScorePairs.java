package dev.earshot.export.selection;

import dev.earshot.export.format.PreferencePair;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Pairs derived from pointwise scores: for every prompt and dimension, every two responses (all
 * pairs, not only best against worst); the higher score is chosen and the score difference is the
 * margin. Equal scores are a tie. Rows must arrive sorted by prompt id, dimension, then response
 * id.
 */
public final class ScorePairs {

  /** (response, dimension) scores read. */
  public static final String SCORES = "scores";

  /** Response pairs compared. */
  public static final String PAIRS = "pairs";

  private final PairRules rules;
  private final SelectionCounts counts;
  private final PairSink sink;
  private final GroupOrder order = new GroupOrder();
  private final List<ScoreRow> group = new ArrayList<>();

  public ScorePairs(PairRules rules, SelectionCounts counts, PairSink sink) {
    this.rules = rules;
    this.counts = counts.register(SCORES, PAIRS).register(PairRules.dropCounters());
    this.sink = sink;
  }

  public void accept(ScoreRow score) throws IOException {
    if (order.startsNewGroup(score.prompt().id(), score.dimension())) {
      flush();
    } else if (group.get(group.size() - 1).response().id().compareTo(score.response().id()) >= 0) {
      throw new IllegalArgumentException(
          "scores of one prompt and dimension must arrive sorted by response, each once: "
              + score.response().id());
    }
    counts.increment(SCORES);
    group.add(score);
  }

  public void finish() throws IOException {
    flush();
  }

  private void flush() throws IOException {
    if (group.isEmpty()) {
      return;
    }
    List<PreferencePair> kept = new ArrayList<>();
    for (int i = 0; i < group.size(); i++) {
      for (int j = i + 1; j < group.size(); j++) {
        ScoreRow first = group.get(i);
        ScoreRow second = group.get(j);
        counts.increment(PAIRS);
        rules
            .keep(
                first.prompt(),
                first.dimension(),
                first.response(),
                second.response(),
                Judgement.ofScores(first.score(), second.score()),
                counts)
            .ifPresent(kept::add);
      }
    }
    group.clear();
    kept.sort(PreferencePair.ORDER);
    sink.accept(kept);
  }
}
