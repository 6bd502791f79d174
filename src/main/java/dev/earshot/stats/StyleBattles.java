package dev.earshot.stats;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Votes with per-battle style covariates for style-controlled ratings, aggregated into cells of
 * identical (system pair, covariate vector). Each covariate is a difference "system A minus system
 * B" (e.g. duration of A's response minus duration of B's). Scale them to order one, e.g.
 * standardise them: the fit moves a coefficient by at most a few units per Newton iteration, so
 * coefficients in the hundreds (covariates in milliseconds, say) would exhaust the iterations. A
 * vote stored under the pair's other orientation gets negated covariates and the swapped outcome.
 */
public final class StyleBattles {

  private final List<String> covariateNames;
  private final List<String> systems;
  private final List<Cell> cells;

  private StyleBattles(List<String> covariateNames, List<String> systems, List<Cell> cells) {
    this.covariateNames = List.copyOf(covariateNames);
    this.systems = List.copyOf(systems);
    this.cells = List.copyOf(cells);
  }

  public static Builder builder(List<String> covariateNames) {
    return new Builder(covariateNames);
  }

  public List<String> covariateNames() {
    return covariateNames;
  }

  public List<String> systems() {
    return systems;
  }

  /** Number of distinct (pair, covariate vector) cells. */
  public int cellCount() {
    return cells.size();
  }

  /** The same votes without covariates, e.g. for the uncontrolled ratings. */
  public PairwiseCounts toPairwiseCounts() {
    PairwiseCounts.Builder builder = PairwiseCounts.builder();
    systems.forEach(builder::addSystem);
    for (Cell cell : cells) {
      String a = systems.get(cell.first());
      String b = systems.get(cell.second());
      long[] counts = cell.counts();
      for (Outcome outcome : Outcome.values()) {
        builder.add(a, b, outcome, counts[outcome.ordinal()]);
      }
    }
    return builder.build();
  }

  List<Cell> cells() {
    return cells;
  }

  /** Votes of one cell, counts indexed by {@link Outcome#ordinal()} seen from {@code first}. */
  record Cell(int first, int second, double[] covariates, long[] counts) {}

  /** Accumulates votes; identical covariate vectors of a pair share a cell. */
  public static final class Builder {
    private final List<String> covariateNames;
    private final Map<String, Integer> index = new LinkedHashMap<>();
    private final Map<CellKey, long[]> counts = new LinkedHashMap<>();

    private Builder(List<String> covariateNames) {
      this.covariateNames = List.copyOf(covariateNames);
    }

    /**
     * @param covariateDifferences one value per covariate name, system A minus system B
     */
    public Builder add(
        String systemA, String systemB, Outcome outcome, double... covariateDifferences) {
      if (covariateDifferences.length != covariateNames.size()) {
        throw new IllegalArgumentException(
            "Expected "
                + covariateNames.size()
                + " covariates, got "
                + covariateDifferences.length);
      }
      if (systemA.equals(systemB)) {
        throw new IllegalArgumentException("A system cannot battle itself: " + systemA);
      }
      int a = index.computeIfAbsent(systemA, unused -> index.size());
      int b = index.computeIfAbsent(systemB, unused -> index.size());
      boolean canonical = a < b;
      List<Double> covariates = new ArrayList<>(covariateDifferences.length);
      for (double difference : covariateDifferences) {
        if (!Double.isFinite(difference)) {
          throw new IllegalArgumentException("Covariates must be finite");
        }
        // + 0.0 turns −0.0 into 0.0 so that both land in the same cell.
        covariates.add((canonical ? difference : -difference) + 0.0);
      }
      Outcome stored = canonical ? outcome : outcome.swapped();
      CellKey key = new CellKey(Math.min(a, b), Math.max(a, b), covariates);
      counts.computeIfAbsent(key, unused -> new long[Outcome.values().length])[stored.ordinal()]++;
      return this;
    }

    public StyleBattles build() {
      List<Cell> cells = new ArrayList<>(counts.size());
      counts.forEach(
          (key, cellCounts) ->
              cells.add(
                  new Cell(
                      key.first(),
                      key.second(),
                      key.covariates().stream().mapToDouble(Double::doubleValue).toArray(),
                      cellCounts)));
      return new StyleBattles(covariateNames, new ArrayList<>(index.keySet()), cells);
    }

    private record CellKey(int first, int second, List<Double> covariates) {}
  }
}
