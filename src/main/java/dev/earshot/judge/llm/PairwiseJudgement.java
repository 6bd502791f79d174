package dev.earshot.judge.llm;

/**
 * A comparison asked in both presentation orders.
 *
 * @param verdict the final verdict in the caller's labels: the shared verdict of both orders, or
 *     {@link PairwiseVerdict#TIE} when they disagree
 * @param positionConflict whether the two orders disagreed, a sign of position bias
 * @param forward the raw answer with A presented first
 * @param swapped the raw answer with B presented first, in the labels the judge saw
 */
public record PairwiseJudgement(
    PairwiseVerdict verdict,
    boolean positionConflict,
    PairwiseAnswer forward,
    PairwiseAnswer swapped) {

  /** Combines the answers of both orders. */
  static PairwiseJudgement of(PairwiseAnswer forward, PairwiseAnswer swapped) {
    PairwiseVerdict unswapped = swapped.verdict().swapped();
    boolean conflict = forward.verdict() != unswapped;
    return new PairwiseJudgement(
        conflict ? PairwiseVerdict.TIE : forward.verdict(), conflict, forward, swapped);
  }
}
