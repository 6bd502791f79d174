package dev.earshot.text.wer;

import java.util.Objects;

/**
 * One step of an alignment: a reference token against a hypothesis token.
 *
 * @param operation what the step is
 * @param reference the reference token; {@code null} for an insertion
 * @param hypothesis the hypothesis token; {@code null} for a deletion
 */
public record AlignedPair(EditOperation operation, String reference, String hypothesis) {

  public AlignedPair {
    Objects.requireNonNull(operation, "operation");
    if ((reference == null) != (operation == EditOperation.INSERTION)) {
      throw new IllegalArgumentException("only an insertion has no reference token: " + operation);
    }
    if ((hypothesis == null) != (operation == EditOperation.DELETION)) {
      throw new IllegalArgumentException("only a deletion has no hypothesis token: " + operation);
    }
  }
}
