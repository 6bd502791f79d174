package dev.earshot.dataset.manifest;

import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A validated line of {@code votes.jsonl}: one person's pairwise verdict on the responses of
 * systems {@code systemA} (heard first) and {@code systemB} to a prompt, from A's point of view.
 */
public record VoteLine(
    int line,
    String rater,
    String promptId,
    String systemA,
    String systemB,
    String dimension,
    String verdict,
    boolean simulated) {

  /** The prompt dimensions plus {@code overall}. */
  public static final Set<String> DIMENSIONS =
      Stream.concat(PromptExpectations.DIMENSIONS.stream(), Stream.of("overall"))
          .collect(Collectors.toUnmodifiableSet());

  /** The verdicts the {@code preference} table stores. */
  public static final Set<String> VERDICTS =
      Set.of("a_much_better", "a_better", "tie", "b_better", "b_much_better", "both_bad");
}
