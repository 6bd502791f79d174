package dev.earshot.judge.onnx;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * A codec encoder's token ids for one waveform: {@code codebooks} rows of {@code frames} ids, kept
 * row by row (codebook by codebook) in one array.
 */
public record CodecCodes(int codebooks, int frames, long[] values) {

  public CodecCodes {
    if (codebooks < 1 || frames < 0 || values.length != (long) codebooks * frames) {
      throw new IllegalArgumentException(
          codebooks + " codebooks x " + frames + " frames do not fit " + values.length + " ids");
    }
  }

  /** The ids of one codebook, frame by frame. */
  public long[] codebook(int index) {
    return Arrays.copyOfRange(values, index * frames, (index + 1) * frames);
  }

  /** Every codebook's ids: {@code [codebooks][frames]}. */
  public long[][] perCodebook() {
    long[][] rows = new long[codebooks][];
    for (int codebook = 0; codebook < codebooks; codebook++) {
      rows[codebook] = codebook(codebook);
    }
    return rows;
  }

  /** The ids as big-endian int64, codebook by codebook (how the cache stores them). */
  public byte[] toBytes() {
    ByteBuffer bytes = ByteBuffer.allocate(values.length * Long.BYTES);
    bytes.asLongBuffer().put(values);
    return bytes.array();
  }

  public static CodecCodes fromBytes(int codebooks, int frames, byte[] bytes) {
    long[] values = new long[bytes.length / Long.BYTES];
    ByteBuffer.wrap(bytes).asLongBuffer().get(values);
    return new CodecCodes(codebooks, frames, values);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof CodecCodes codes
        && codebooks == codes.codebooks
        && frames == codes.frames
        && Arrays.equals(values, codes.values);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * codebooks + frames) + Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    return "CodecCodes" + Arrays.deepToString(perCodebook());
  }
}
