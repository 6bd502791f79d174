package dev.earshot.export.selection;

import dev.earshot.export.format.PreferencePair;
import dev.earshot.export.format.Turn;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Votes to preference pairs. Rows must arrive grouped by prompt id, then dimension, both ascending;
 * the votes of one group are tallied per unordered response pair, judged by the rules' aggregation
 * and filtered, and the group's kept pairs go to the sink sorted. One group is held at a time.
 */
public final class VotePairs {

  /** Votes read. */
  public static final String VOTES = "votes";

  /** Distinct (prompt, response pair, dimension) judged. */
  public static final String PAIRS = "pairs";

  private final PairRules rules;
  private final SelectionCounts counts;
  private final PairSink sink;
  private final GroupOrder order = new GroupOrder();
  private final Map<PairKey, Item> items = new HashMap<>();
  private Turn prompt;
  private String dimension;

  public VotePairs(PairRules rules, SelectionCounts counts, PairSink sink) {
    this.rules = rules;
    this.counts = counts.register(VOTES, PAIRS).register(PairRules.dropCounters());
    this.sink = sink;
  }

  public void accept(VoteRow vote) throws IOException {
    if (order.startsNewGroup(vote.prompt().id(), vote.dimension())) {
      flush();
      prompt = vote.prompt();
      dimension = vote.dimension();
    }
    counts.increment(VOTES);
    boolean aFirst = vote.responseA().id().compareTo(vote.responseB().id()) < 0;
    Turn first = aFirst ? vote.responseA() : vote.responseB();
    Turn second = aFirst ? vote.responseB() : vote.responseA();
    items
        .computeIfAbsent(new PairKey(first.id(), second.id()), key -> new Item(first, second))
        .votes()
        .add(vote.verdict(), aFirst);
  }

  /** Judges and hands on the last group. */
  public void finish() throws IOException {
    flush();
  }

  private void flush() throws IOException {
    if (items.isEmpty()) {
      return;
    }
    List<PreferencePair> kept = new ArrayList<>(items.size());
    for (Item item : items.values()) {
      counts.increment(PAIRS);
      rules
          .keep(
              prompt,
              dimension,
              item.first(),
              item.second(),
              rules.aggregation().aggregate(item.votes()),
              counts)
          .ifPresent(kept::add);
    }
    items.clear();
    kept.sort(PreferencePair.ORDER);
    sink.accept(kept);
  }

  private record PairKey(String first, String second) {}

  private record Item(Turn first, Turn second, VoteTally votes) {
    Item(Turn first, Turn second) {
      this(first, second, new VoteTally());
    }
  }
}
