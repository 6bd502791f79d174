package dev.earshot.audio.decode;

import java.nio.ByteBuffer;

/**
 * The two CRCs of a FLAC frame: CRC-8 (polynomial 0x07) over the header, CRC-16 (0x8005) over the
 * frame.
 */
final class FlacCrc {

  private static final int[] CRC8_TABLE = table(0x07, 8);
  private static final int[] CRC16_TABLE = table(0x8005, 16);

  private FlacCrc() {}

  static int crc8(ByteBuffer data, int from, int to) {
    int crc = 0;
    for (int i = from; i < to; i++) {
      crc = CRC8_TABLE[(crc ^ data.get(i)) & 0xFF];
    }
    return crc;
  }

  static int crc16(ByteBuffer data, int from, int to) {
    int crc = 0;
    for (int i = from; i < to; i++) {
      crc = ((crc << 8) ^ CRC16_TABLE[((crc >>> 8) ^ data.get(i)) & 0xFF]) & 0xFFFF;
    }
    return crc;
  }

  /** MSB-first table for a CRC of {@code width} bits with initial value 0. */
  private static int[] table(int polynomial, int width) {
    int topBit = 1 << (width - 1);
    int mask = (1 << width) - 1;
    int[] table = new int[256];
    for (int b = 0; b < 256; b++) {
      int crc = b << (width - 8);
      for (int bit = 0; bit < 8; bit++) {
        crc = (crc & topBit) != 0 ? (crc << 1) ^ polynomial : crc << 1;
      }
      table[b] = crc & mask;
    }
    return table;
  }
}
