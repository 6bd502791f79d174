package dev.earshot.audio.decode;

import java.nio.ByteBuffer;

/**
 * Big-endian bit reader over a region of a buffer, with a 64-bit cache. Running out of bytes is a
 * {@link AudioRejectedException}, never an index exception.
 */
final class FlacBitReader {

  private final ByteBuffer data;
  private final int end;

  /** Next byte to load into the cache. */
  private int nextByte;

  /** The low {@code cachedBits} bits are unread; higher bits are stale. */
  private long cache;

  private int cachedBits;

  FlacBitReader(ByteBuffer data, int start) {
    this.data = data;
    this.end = data.limit();
    this.nextByte = start;
  }

  /** Offset of the next unread byte; only meaningful when byte-aligned. */
  int bytePosition() {
    return nextByte - cachedBits / 8;
  }

  /** Skips to the next byte boundary (FLAC frames end with zero padding up to it). */
  void alignToByte() {
    cachedBits -= cachedBits % 8;
  }

  /** Reads {@code count} (0 to 32) bits as an unsigned value. */
  long readBits(int count) throws AudioRejectedException {
    if (count == 0) {
      return 0;
    }
    if (cachedBits < count) {
      refill();
      if (cachedBits < count) {
        throw AudioRejectedException.malformed("the bitstream ends unexpectedly");
      }
    }
    cachedBits -= count;
    return (cache >>> cachedBits) & ((1L << count) - 1);
  }

  int readInt(int count) throws AudioRejectedException {
    return (int) readBits(count);
  }

  /** Reads a two's complement value of {@code count} (0 to 33) bits. */
  long readSigned(int count) throws AudioRejectedException {
    if (count == 0) {
      return 0;
    }
    long value = count > 32 ? readBits(count - 32) << 32 | readBits(32) : readBits(count);
    int unused = 64 - count;
    return value << unused >> unused;
  }

  /** Counts zero bits up to and including the next one bit; returns the number of zeros. */
  long readUnary() throws AudioRejectedException {
    long zeros = 0;
    while (true) {
      if (cachedBits == 0) {
        refill();
        if (cachedBits == 0) {
          throw AudioRejectedException.malformed("the bitstream ends unexpectedly");
        }
      }
      long unread = cache << (64 - cachedBits);
      if (unread == 0) {
        zeros += cachedBits;
        cachedBits = 0;
      } else {
        int leading = Long.numberOfLeadingZeros(unread);
        cachedBits -= leading + 1;
        return zeros + leading;
      }
    }
  }

  private void refill() {
    while (cachedBits <= 56 && nextByte < end) {
      cache = cache << 8 | (data.get(nextByte++) & 0xFF);
      cachedBits += 8;
    }
  }
}
