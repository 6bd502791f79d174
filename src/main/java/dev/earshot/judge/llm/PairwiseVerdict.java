package dev.earshot.judge.llm;

/** Which of two responses the judge prefers. */
public enum PairwiseVerdict {
  A,
  B,
  TIE;

  /** The same preference told with the two responses' labels exchanged. */
  public PairwiseVerdict swapped() {
    return switch (this) {
      case A -> B;
      case B -> A;
      case TIE -> TIE;
    };
  }
}
