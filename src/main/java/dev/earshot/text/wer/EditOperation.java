package dev.earshot.text.wer;

/** What one step of an alignment does to a reference token. */
public enum EditOperation {
  CORRECT,
  SUBSTITUTION,
  /** A reference token with no hypothesis token. */
  DELETION,
  /** A hypothesis token with no reference token. */
  INSERTION
}
