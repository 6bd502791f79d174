package dev.earshot.stats.agreement;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Immutable items × raters table of verdicts, with missing cells where a rater did not rate an
 * item.
 *
 * <p>An item is one response pair on one dimension; the caller gives it one id (e.g. {@code
 * "pair17/clarity"}). Items and raters are indexed in the order they were first added. A rater
 * rates an item at most once.
 */
public final class RatingMatrix {

  private final List<String> items;
  private final List<String> raters;
  private final Map<String, Integer> itemIndex;
  private final Map<String, Integer> raterIndex;

  /** cells[item][rater], null where missing. */
  private final Verdict[][] cells;

  private RatingMatrix(
      Map<String, Integer> itemIndex, Map<String, Integer> raterIndex, Verdict[][] cells) {
    this.items = List.copyOf(itemIndex.keySet());
    this.raters = List.copyOf(raterIndex.keySet());
    this.itemIndex = itemIndex;
    this.raterIndex = raterIndex;
    this.cells = cells;
  }

  public static Builder builder() {
    return new Builder();
  }

  public List<String> items() {
    return items;
  }

  public List<String> raters() {
    return raters;
  }

  public int itemCount() {
    return items.size();
  }

  public int raterCount() {
    return raters.size();
  }

  /** The verdict of {@code raterId} on {@code itemId}; empty when unknown or not rated. */
  public Optional<Verdict> verdict(String itemId, String raterId) {
    Integer item = itemIndex.get(itemId);
    Integer rater = raterIndex.get(raterId);
    return item == null || rater == null
        ? Optional.empty()
        : Optional.ofNullable(cells[item][rater]);
  }

  /** Verdict by index, null where missing. */
  Verdict cell(int item, int rater) {
    return cells[item][rater];
  }

  int raterIndex(String raterId) {
    Integer rater = raterIndex.get(raterId);
    if (rater == null) {
      throw new IllegalArgumentException("Unknown rater: " + raterId);
    }
    return rater;
  }

  /** Index of {@code itemId}, or −1 when the matrix has no such item. */
  int itemIndexOrMissing(String itemId) {
    return itemIndex.getOrDefault(itemId, -1);
  }

  /**
   * Counts of the three directions (A, tie, B) among the item's verdicts, leaving out rater {@code
   * skip} (−1: none).
   */
  int[] directionCounts(int item, int skip) {
    int[] counts = new int[Directions.COUNT];
    for (int rater = 0; rater < raters.size(); rater++) {
      Verdict verdict = cells[item][rater];
      if (verdict != null && rater != skip) {
        counts[Directions.index(verdict.direction())]++;
      }
    }
    return counts;
  }

  /** Collects (item, rater, verdict) triples. */
  public static final class Builder {

    private record Cell(int item, int rater, Verdict verdict) {}

    private final Map<String, Integer> itemIndex = new LinkedHashMap<>();
    private final Map<String, Integer> raterIndex = new LinkedHashMap<>();
    private final List<Cell> cells = new ArrayList<>();
    private final Set<Long> filled = new HashSet<>();

    private Builder() {}

    /**
     * @throws IllegalArgumentException when the rater already rated the item
     */
    public Builder add(String itemId, String raterId, Verdict verdict) {
      Objects.requireNonNull(itemId, "itemId");
      Objects.requireNonNull(raterId, "raterId");
      Objects.requireNonNull(verdict, "verdict");
      int item = itemIndex.computeIfAbsent(itemId, id -> itemIndex.size());
      int rater = raterIndex.computeIfAbsent(raterId, id -> raterIndex.size());
      if (!filled.add(((long) item << 32) | rater)) {
        throw new IllegalArgumentException("Rater " + raterId + " rated item " + itemId + " twice");
      }
      cells.add(new Cell(item, rater, verdict));
      return this;
    }

    public RatingMatrix build() {
      Verdict[][] table = new Verdict[itemIndex.size()][raterIndex.size()];
      for (Cell cell : cells) {
        table[cell.item()][cell.rater()] = cell.verdict();
      }
      return new RatingMatrix(
          new LinkedHashMap<>(itemIndex), new LinkedHashMap<>(raterIndex), table);
    }
  }
}
