package dev.earshot.audio.decode;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;

/**
 * Hand-built FLAC streams for cases no encoder writes: escape codes, out-of-range samples, reserved
 * codes.
 */
final class TestFlac {

  private TestFlac() {}

  /** Big-endian bit writer. */
  static final class Bits {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private long pending;
    private int pendingBits;

    Bits put(int width, long value) {
      for (int bit = width - 1; bit >= 0; bit--) {
        pending = pending << 1 | ((value >>> bit) & 1);
        if (++pendingBits == 8) {
          out.write((int) pending);
          pending = 0;
          pendingBits = 0;
        }
      }
      return this;
    }

    /** Rice code of a signed residual with parameter {@code k}. */
    Bits rice(int k, long residual) {
      long folded = residual >= 0 ? residual << 1 : ((-residual) << 1) - 1;
      put((int) (folded >>> k), 0).put(1, 1);
      return put(k, folded & ((1L << k) - 1));
    }

    byte[] toBytesPadded() {
      while (pendingBits != 0) {
        put(1, 0);
      }
      return out.toByteArray();
    }
  }

  /** "fLaC" and a lone STREAMINFO block with no MD5. */
  static byte[] header(int blockSize, int sampleRate, int channels, int bits, long totalSamples) {
    Bits info =
        new Bits()
            .put(1, 1)
            .put(7, 0)
            .put(24, 34)
            .put(16, blockSize)
            .put(16, blockSize)
            .put(24, 0)
            .put(24, 0)
            .put(20, sampleRate)
            .put(3, channels - 1)
            .put(5, bits - 1)
            .put(36, totalSamples)
            .put(64, 0)
            .put(64, 0);
    return TestWav.concat(TestWav.ascii("fLaC"), info.toBytesPadded());
  }

  /**
   * A fixed-blocking frame with an explicit 16-bit block size, the STREAMINFO rate and a one-byte
   * frame number, correct CRC-8 and CRC-16; {@code subframes} writes everything after the header.
   */
  static byte[] frame(
      int frameNumber, int blockSize, int channelCode, int bitsCode, Bits subframes) {
    Bits header =
        new Bits()
            .put(15, 0x7FFC)
            .put(1, 0)
            .put(4, 7)
            .put(4, 0)
            .put(4, channelCode)
            .put(3, bitsCode)
            .put(1, 0)
            .put(8, frameNumber)
            .put(16, blockSize - 1);
    byte[] head = header.toBytesPadded();
    byte[] withCrc8 =
        TestWav.concat(
            head, new byte[] {(byte) FlacCrc.crc8(ByteBuffer.wrap(head), 0, head.length)});
    byte[] body = TestWav.concat(withCrc8, subframes.toBytesPadded());
    int crc16 = FlacCrc.crc16(ByteBuffer.wrap(body), 0, body.length);
    return TestWav.concat(body, new byte[] {(byte) (crc16 >> 8), (byte) crc16});
  }
}
