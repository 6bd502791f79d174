package dev.earshot.export.selection;

import dev.earshot.export.format.JsonlFormat;
import dev.earshot.export.format.PreferencePair;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Drops, before writing, the pairs that would teach a trainer nothing in the chosen format, and
 * counts them:
 *
 * <ul>
 *   <li>{@value #WITHOUT_SIGNAL}: the record would be written the same with chosen and rejected
 *       exchanged (two responses with identical text in a format that writes only their text,
 *       LLaMA-Factory's; identical text and audio in the others). Kept when asked to.
 *   <li>{@value #DUPLICATES}: a record byte for byte identical to one already written (the same
 *       pair judged on several dimensions, in a format that does not write the dimension). None of
 *       the pair formats' trainers reads a per-record weight, so the copy is dropped, not weighted.
 * </ul>
 */
public final class PairsWithSignal implements PairSink {

  /** Counter of pairs whose chosen and rejected sides would be written identically. */
  public static final String WITHOUT_SIGNAL = "pairsWithoutSignal";

  /** Counter of records identical to one written before. */
  public static final String DUPLICATES = "duplicateRecords";

  private final JsonlFormat<PreferencePair> format;
  private final boolean keepWithoutSignal;
  private final SelectionCounts counts;
  private final PairSink next;
  private final Set<ByteBuffer> written = new HashSet<>();

  public PairsWithSignal(
      JsonlFormat<PreferencePair> format,
      boolean keepWithoutSignal,
      SelectionCounts counts,
      PairSink next) {
    this.format = format;
    this.keepWithoutSignal = keepWithoutSignal;
    this.counts = counts.register(WITHOUT_SIGNAL, DUPLICATES);
    this.next = next;
  }

  @Override
  public void accept(List<PreferencePair> pairs) throws IOException {
    List<PreferencePair> kept = new ArrayList<>(pairs.size());
    for (PreferencePair pair : pairs) {
      byte[] record = format.render(pair);
      if (!keepWithoutSignal && Arrays.equals(record, format.render(pair.swapped()))) {
        counts.increment(WITHOUT_SIGNAL);
      } else if (!written.add(ByteBuffer.wrap(sha256(record)))) {
        counts.increment(DUPLICATES);
      } else {
        kept.add(pair);
      }
    }
    if (!kept.isEmpty()) {
      next.accept(kept);
    }
  }

  /** A digest stands in for the record, so memory grows by 32 bytes per record, not its size. */
  private static byte[] sha256(byte[] record) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(record);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
