package dev.earshot.stats;

import java.util.List;

/**
 * The data do not pin down finite ratings: the comparison graph splits into groups where one group
 * never loses (or never wins, or never plays) against another, so the maximum likelihood lies at
 * infinity; or, for the Davidson model, there are no ties or only ties. Fit with a ridge ({@code
 * BradleyTerryModel.withRidge}) to get finite, prior-dominated values for such data anyway.
 */
public final class NonIdentifiableRatingsException extends IllegalArgumentException {

  private final List<List<String>> groups;

  NonIdentifiableRatingsException(String message, List<List<String>> groups) {
    super(message);
    this.groups = groups.stream().map(List::copyOf).toList();
  }

  /**
   * The strongly connected groups of systems (a single group when the problem is the tie
   * parameter).
   */
  public List<List<String>> groups() {
    return groups;
  }
}
