package dev.earshot.text.wer;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Aligns hypothesis tokens to reference tokens exactly as NIST sclite does (SCTK {@code
 * src/sclite/net_dp.c}, {@code Network_dpalign} with the cost function {@code wwd_WORD} from {@code
 * word.c}).
 *
 * <p>sclite's dynamic programme, reproduced here, scores a correct pair 0, a substitution 4, a
 * deletion 3 and an insertion 3, so one substitution (4) always beats a deletion plus an insertion
 * (6). Every cell keeps one back-pointer, chosen when the cell is filled:
 *
 * <ol>
 *   <li>the diagonal (correct or substitution) when its cost is &le; both the deletion and the
 *       insertion cost;
 *   <li>otherwise the deletion when it is strictly cheaper than the insertion;
 *   <li>otherwise the insertion (so a deletion/insertion tie goes to the insertion).
 * </ol>
 *
 * The back-trace starts at the last reference and last hypothesis token and follows these pointers,
 * so the S/D/I split matches sclite's on equal-cost alternatives too. Example: reference {@code a
 * b}, hypothesis {@code b a} gives deletion of {@code a}, correct {@code b}, insertion of {@code
 * a}.
 *
 * <p>sclite gives special costs to the null token {@code @} and to optionally deletable words in
 * parentheses; {@link TextNormalizer} never produces either (both {@code @} and parentheses become
 * spaces), so they are not reproduced. sclite sums costs in {@code float}, which is exact below
 * 2<sup>24</sup>; the integer sums here can only differ beyond that, i.e. when one side has
 * millions of tokens.
 *
 * <p>Time is O(n&middot;m); memory is one byte per cell for the back-pointers plus two cost rows.
 * Pairs with more than {@link #MAX_CELLS} cells are rejected.
 */
public final class ErrorRateAligner {

  /**
   * The largest reference-length &times; hypothesis-length product accepted (about 25 MB of
   * back-pointers).
   */
  public static final long MAX_CELLS = 25_000_000L;

  private static final int SUBSTITUTION_COST = 4;
  private static final int DELETION_COST = 3;
  private static final int INSERTION_COST = 3;

  private static final byte FROM_DIAGONAL = 0;
  private static final byte FROM_DELETION = 1;
  private static final byte FROM_INSERTION = 2;

  private ErrorRateAligner() {}

  /**
   * Aligns {@code hypothesis} against {@code reference}.
   *
   * @throws IllegalArgumentException when {@code reference.size() * hypothesis.size()} exceeds
   *     {@link #MAX_CELLS}
   */
  public static Alignment align(List<String> reference, List<String> hypothesis) {
    int n = reference.size();
    int m = hypothesis.size();
    long cells = (long) n * m;
    if (cells > MAX_CELLS) {
      throw new IllegalArgumentException(
          String.format(
              "Aligning %d reference tokens against %d hypothesis tokens needs %d cells, more than the limit of %d",
              n, m, cells, MAX_CELLS));
    }
    byte[] backPointers = fillBackPointers(reference, hypothesis);
    return traceBack(reference, hypothesis, backPointers);
  }

  /** Back-pointer of internal cell (i, j), i and j from 1, is at {@code (i - 1) * m + (j - 1)}. */
  private static byte[] fillBackPointers(List<String> reference, List<String> hypothesis) {
    int n = reference.size();
    int m = hypothesis.size();
    byte[] backPointers = new byte[n * m];
    int[] previousRow = new int[m + 1];
    int[] currentRow = new int[m + 1];
    for (int j = 0; j <= m; j++) {
      previousRow[j] = j * INSERTION_COST;
    }
    for (int i = 1; i <= n; i++) {
      currentRow[0] = i * DELETION_COST;
      String referenceToken = reference.get(i - 1);
      for (int j = 1; j <= m; j++) {
        int diagonal =
            previousRow[j - 1]
                + (referenceToken.equals(hypothesis.get(j - 1)) ? 0 : SUBSTITUTION_COST);
        int deletion = previousRow[j] + DELETION_COST;
        int insertion = currentRow[j - 1] + INSERTION_COST;
        int cell = (i - 1) * m + (j - 1);
        if (diagonal <= deletion && diagonal <= insertion) {
          currentRow[j] = diagonal;
          backPointers[cell] = FROM_DIAGONAL;
        } else if (deletion < insertion) {
          currentRow[j] = deletion;
          backPointers[cell] = FROM_DELETION;
        } else {
          currentRow[j] = insertion;
          backPointers[cell] = FROM_INSERTION;
        }
      }
      int[] swap = previousRow;
      previousRow = currentRow;
      currentRow = swap;
    }
    return backPointers;
  }

  private static Alignment traceBack(
      List<String> reference, List<String> hypothesis, byte[] backPointers) {
    int m = hypothesis.size();
    List<AlignedPair> steps = new ArrayList<>();
    int substitutions = 0;
    int deletions = 0;
    int insertions = 0;
    int i = reference.size();
    int j = m;
    while (i > 0 || j > 0) {
      // The first row holds only insertions and the first column only deletions, as in sclite's
      // margins.
      byte from =
          i == 0 ? FROM_INSERTION : j == 0 ? FROM_DELETION : backPointers[(i - 1) * m + (j - 1)];
      if (from == FROM_DIAGONAL) {
        String referenceToken = reference.get(--i);
        String hypothesisToken = hypothesis.get(--j);
        boolean correct = referenceToken.equals(hypothesisToken);
        if (!correct) {
          substitutions++;
        }
        steps.add(
            new AlignedPair(
                correct ? EditOperation.CORRECT : EditOperation.SUBSTITUTION,
                referenceToken,
                hypothesisToken));
      } else if (from == FROM_DELETION) {
        deletions++;
        steps.add(new AlignedPair(EditOperation.DELETION, reference.get(--i), null));
      } else {
        insertions++;
        steps.add(new AlignedPair(EditOperation.INSERTION, null, hypothesis.get(--j)));
      }
    }
    Collections.reverse(steps);
    return new Alignment(
        substitutions + deletions + insertions,
        substitutions,
        deletions,
        insertions,
        reference.size(),
        steps);
  }
}
