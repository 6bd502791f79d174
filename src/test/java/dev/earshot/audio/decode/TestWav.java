package dev.earshot.audio.decode;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Builds WAV files byte by byte, including broken ones, for the tests. */
final class TestWav {

  static final int PCM = 1;
  static final int IEEE_FLOAT = 3;
  static final int EXTENSIBLE = 0xFFFE;

  private TestWav() {}

  /** RIFF/WAVE file whose RIFF size field is correct. */
  static byte[] riff(byte[]... chunks) {
    byte[] body = concat(chunks);
    return concat(ascii("RIFF"), u32(4 + body.length), ascii("WAVE"), body);
  }

  /** Chunk with its true size, plus the pad byte when the size is odd. */
  static byte[] chunk(String id, byte[] body) {
    byte[] pad = new byte[body.length % 2];
    return concat(ascii(id), u32(body.length), body, pad);
  }

  /** Chunk whose size field says {@code declaredSize} whatever the body holds; no pad byte. */
  static byte[] chunk(String id, long declaredSize, byte[] body) {
    return concat(ascii(id), u32(declaredSize), body);
  }

  static byte[] fmt(int formatTag, int channels, int sampleRate, int bits) {
    return fmt(formatTag, channels, sampleRate, bits, channels * (bits / 8));
  }

  static byte[] fmt(int formatTag, int channels, int sampleRate, int bits, int blockAlign) {
    return chunk("fmt ", fmtBody(formatTag, channels, sampleRate, bits, blockAlign));
  }

  static byte[] fmtBody(int formatTag, int channels, int sampleRate, int bits, int blockAlign) {
    return le(16)
        .putShort((short) formatTag)
        .putShort((short) channels)
        .putInt(sampleRate)
        .putInt(sampleRate * blockAlign)
        .putShort((short) blockAlign)
        .putShort((short) bits)
        .array();
  }

  /** WAVE_FORMAT_EXTENSIBLE fmt chunk whose sub-format GUID wraps {@code subFormatTag}. */
  static byte[] fmtExtensible(
      int subFormatTag, int channels, int sampleRate, int bits, int validBits) {
    byte[] guid = {
      0,
      0,
      0x00,
      0x00,
      0x00,
      0x00,
      0x10,
      0x00,
      (byte) 0x80,
      0x00,
      0x00,
      (byte) 0xAA,
      0x00,
      0x38,
      (byte) 0x9B,
      0x71
    };
    guid[0] = (byte) subFormatTag;
    guid[1] = (byte) (subFormatTag >> 8);
    return fmtExtensible(guid, channels, sampleRate, bits, validBits);
  }

  static byte[] fmtExtensible(
      byte[] subFormatGuid, int channels, int sampleRate, int bits, int validBits) {
    int blockAlign = channels * (bits / 8);
    byte[] body =
        concat(
            fmtBody(EXTENSIBLE, channels, sampleRate, bits, blockAlign),
            le(24)
                .putShort((short) 22)
                .putShort((short) validBits)
                .putInt(0)
                .put(subFormatGuid)
                .array());
    return chunk("fmt ", body);
  }

  static byte[] data(byte[] samples) {
    return chunk("data", samples);
  }

  static byte[] u8(int... values) {
    byte[] bytes = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      bytes[i] = (byte) values[i];
    }
    return bytes;
  }

  static byte[] s16(int... values) {
    ByteBuffer out = le(2 * values.length);
    for (int value : values) {
      out.putShort((short) value);
    }
    return out.array();
  }

  static byte[] s24(int... values) {
    ByteBuffer out = le(3 * values.length);
    for (int value : values) {
      out.put((byte) value).put((byte) (value >> 8)).put((byte) (value >> 16));
    }
    return out.array();
  }

  static byte[] s32(int... values) {
    ByteBuffer out = le(4 * values.length);
    for (int value : values) {
      out.putInt(value);
    }
    return out.array();
  }

  static byte[] f32(float... values) {
    ByteBuffer out = le(4 * values.length);
    for (float value : values) {
      out.putFloat(value);
    }
    return out.array();
  }

  static byte[] f64(double... values) {
    ByteBuffer out = le(8 * values.length);
    for (double value : values) {
      out.putDouble(value);
    }
    return out.array();
  }

  static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  static byte[] u32(long value) {
    return le(4).putInt((int) value).array();
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }

  private static ByteBuffer le(int size) {
    return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
  }
}
