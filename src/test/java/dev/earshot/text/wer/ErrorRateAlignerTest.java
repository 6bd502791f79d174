package dev.earshot.text.wer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Hand-aligned cases. sclite scores correct 0, substitution 4, deletion 3, insertion 3; each cell
 * keeps the diagonal on a tie, else the deletion if strictly cheaper, else the insertion; the
 * back-trace starts at the end. Every expected step string was also checked against a build of NIST
 * sclite ({@code -o sgml}).
 */
class ErrorRateAlignerTest {

  @Test
  void shouldCountNoErrorsForIdenticalTokens() {
    Alignment alignment = align("the cat sat on the mat", "the cat sat on the mat");

    assertThat(stepsOf(alignment)).isEqualTo("CCCCCC");
    assertThat(alignment.errors()).isZero();
    assertThat(alignment.referenceLength()).isEqualTo(6);
    assertThat(alignment.rate()).isEqualTo(0.0);
  }

  @Test
  void shouldPreferOneSubstitutionToADeletionPlusAnInsertion() {
    // x for b: substitution costs 4, deleting b and inserting x costs 6.
    Alignment alignment = align("a b c", "a x c");

    assertThat(stepsOf(alignment)).isEqualTo("CSC");
    assertCounts(alignment, 1, 0, 0, 3);
    assertThat(alignment.steps().get(1))
        .isEqualTo(new AlignedPair(EditOperation.SUBSTITUTION, "b", "x"));
  }

  @Test
  void shouldSplitTwoSubstitutionsIntoDeletionAndInsertionWhenThatIsCheaper() {
    // With unit costs "S S" and "D C I" tie at 2 errors; sclite's weights make D C I cheaper (6 <
    // 8).
    Alignment alignment = align("a b", "b c");

    assertThat(stepsOf(alignment)).isEqualTo("DCI");
    assertCounts(alignment, 0, 1, 1, 2);
  }

  @Test
  void shouldGiveADeletionInsertionTieToTheInsertionWhenTracingBack() {
    // Swapped words: "D C I" (delete a, keep b, insert a) and "I C D" both cost 6. At the last cell
    // the
    // deletion and the insertion tie and sclite keeps the insertion, so the trace ends with I.
    Alignment alignment = align("a b", "b a");

    assertThat(stepsOf(alignment)).isEqualTo("DCI");
    assertThat(alignment.steps())
        .containsExactly(
            new AlignedPair(EditOperation.DELETION, "a", null),
            new AlignedPair(EditOperation.CORRECT, "b", "b"),
            new AlignedPair(EditOperation.INSERTION, null, "a"));
  }

  @Test
  void shouldDeleteTheFirstOfARepeatedReferenceWord() {
    // Either "the" could be the deleted one; the diagonal wins the tie at (the the | the), so the
    // second
    // reference "the" is matched and the first is deleted.
    assertThat(stepsOf(align("the the cat", "the cat"))).isEqualTo("DCC");
  }

  @Test
  void shouldInsertTheFirstOfARepeatedHypothesisWord() {
    // Mirror image: the reference "the" matches the second hypothesis "the", the first is inserted.
    assertThat(stepsOf(align("the cat", "the the cat"))).isEqualTo("ICC");
  }

  @Test
  void shouldPutInsertionsBeforeTheSubstitutionWhenOneWordBecomesThree() {
    // "911" read out as "nine one one": S+I+I in any order costs 10. At the cell (911 | second
    // "one") the
    // diagonal ties with the insertion and wins, so the substitution is last and the insertions
    // come first.
    Alignment alignment = align("call 911 now", "call nine one one now");

    assertThat(stepsOf(alignment)).isEqualTo("CIISC");
    assertThat(alignment.steps().get(3))
        .isEqualTo(new AlignedPair(EditOperation.SUBSTITUTION, "911", "one"));
  }

  @Test
  void shouldFollowScliteTieBreakingEvenWhenItReportsMoreErrorsThanTheEditDistance() {
    // "S S S C D" has 4 errors (the edit distance) and costs 4*3 + 3 = 15; "D D D C I C I" has 5
    // errors and
    // also costs 15. sclite's per-cell choices lead the back-trace to the second, so sclite reports
    // 5.
    Alignment alignment = align("a a a b c", "b c c b");

    assertThat(stepsOf(alignment)).isEqualTo("DDDCICI");
    assertCounts(alignment, 0, 3, 2, 5);
  }

  @Test
  void shouldDeleteAndInsertAWordMovedFromTheStartToTheEnd() {
    assertThat(stepsOf(align("a b c d", "b c d a"))).isEqualTo("DCCCI");
  }

  @Test
  void shouldDeleteEveryReferenceTokenForAnEmptyHypothesis() {
    Alignment alignment = align("a b c", "");

    assertThat(stepsOf(alignment)).isEqualTo("DDD");
    assertCounts(alignment, 0, 3, 0, 3);
    assertThat(alignment.rate()).isEqualTo(1.0);
  }

  @Test
  void shouldCountInsertionsAgainstAnEmptyReferenceWithUndefinedRate() {
    Alignment alignment = align("", "a b");

    assertThat(stepsOf(alignment)).isEqualTo("II");
    assertCounts(alignment, 0, 0, 2, 0);
    assertThat(alignment.errors()).isEqualTo(2);
    assertThat(alignment.rate()).isNull();
  }

  @Test
  void shouldAlignTwoEmptySequencesWithoutSteps() {
    Alignment alignment = align("", "");

    assertThat(alignment.steps()).isEmpty();
    assertThat(alignment.errors()).isZero();
    assertThat(alignment.rate()).isNull();
  }

  @Test
  void shouldRejectPairsAboveTheCellLimit() {
    List<String> reference = numberedTokens(5_001);
    List<String> hypothesis = numberedTokens(5_000);

    assertThatThrownBy(() -> ErrorRateAligner.align(reference, hypothesis))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("5001 reference tokens")
        .hasMessageContaining("5000 hypothesis tokens")
        .hasMessageContaining("limit of 25000000");
  }

  @Test
  void shouldAlignPairsAtTheCellLimit() {
    List<String> reference = numberedTokens(5_000);
    List<String> hypothesis = new ArrayList<>(reference);
    hypothesis.set(2_500, "changed");

    Alignment alignment = ErrorRateAligner.align(reference, hypothesis);

    assertCounts(alignment, 1, 0, 0, 5_000);
  }

  private static Alignment align(String reference, String hypothesis) {
    return ErrorRateAligner.align(split(reference), split(hypothesis));
  }

  private static List<String> split(String tokens) {
    return tokens.isEmpty() ? List.of() : Arrays.asList(tokens.split(" "));
  }

  private static List<String> numberedTokens(int count) {
    List<String> tokens = new ArrayList<>();
    for (int k = 0; k < count; k++) {
      tokens.add("w" + k);
    }
    return tokens;
  }

  static String stepsOf(Alignment alignment) {
    return alignment.steps().stream()
        .map(step -> step.operation().name().substring(0, 1))
        .collect(Collectors.joining());
  }

  static void assertCounts(
      Alignment alignment, int substitutions, int deletions, int insertions, int referenceLength) {
    assertThat(alignment.substitutions()).as("substitutions").isEqualTo(substitutions);
    assertThat(alignment.deletions()).as("deletions").isEqualTo(deletions);
    assertThat(alignment.insertions()).as("insertions").isEqualTo(insertions);
    assertThat(alignment.errors()).as("errors").isEqualTo(substitutions + deletions + insertions);
    assertThat(alignment.referenceLength()).as("reference length").isEqualTo(referenceLength);
  }
}
