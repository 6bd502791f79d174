package dev.earshot.audio.decode;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Recognises the container by its magic bytes and names the formats we refuse. */
final class FormatSniffer {

  /** Where the accepted stream starts: FLAC may follow an ID3v2 tag. */
  record Detected(AudioFormat format, int offset) {}

  private static final String CONVERT_HINT = "; convert it to WAV or FLAC";
  private static final byte[] W64_RIFF_GUID = {
    'r',
    'i',
    'f',
    'f',
    0x2E,
    (byte) 0x91,
    (byte) 0xCF,
    0x11,
    (byte) 0xA5,
    (byte) 0xD6,
    0x28,
    (byte) 0xDB,
    0x04,
    (byte) 0xC1,
    0x00,
    0x00
  };
  private static final byte[] MATROSKA_MAGIC = {0x1A, 0x45, (byte) 0xDF, (byte) 0xA3};
  private static final int ID3_HEADER_BYTES = 10;

  private FormatSniffer() {}

  static Detected detect(ByteBuffer data) throws AudioRejectedException {
    if (startsWith(data, 0, "RIFF")) {
      if (data.limit() < 12) {
        throw AudioRejectedException.malformed(
            "the WAV header is truncated: only " + data.limit() + " bytes");
      }
      if (!startsWith(data, 8, "WAVE")) {
        throw AudioRejectedException.unsupported(
            "RIFF file of type '" + ascii(data, 8, 4) + "' is not WAV audio" + CONVERT_HINT);
      }
      return new Detected(AudioFormat.WAV, 0);
    }
    if (startsWith(data, 0, "fLaC")) {
      return new Detected(AudioFormat.FLAC, 0);
    }
    if (startsWith(data, 0, "ID3")) {
      int flacStart = endOfId3Tag(data);
      if (flacStart >= 0 && startsWith(data, flacStart, "fLaC")) {
        return new Detected(AudioFormat.FLAC, flacStart);
      }
      throw AudioRejectedException.unsupported(
          "MP3 audio (ID3 tag) is not supported" + CONVERT_HINT);
    }
    throw AudioRejectedException.unsupported(describeRefused(data));
  }

  private static String describeRefused(ByteBuffer data) {
    if (startsWith(data, 0, "RF64") || startsWith(data, 0, "BW64")) {
      return "RF64 (64-bit WAV) is not supported" + CONVERT_HINT;
    }
    if (startsWith(data, 0, W64_RIFF_GUID)) {
      return "Sony Wave64 (W64) is not supported" + CONVERT_HINT;
    }
    if (startsWith(data, 0, "RIFX")) {
      return "big-endian WAV (RIFX) is not supported" + CONVERT_HINT;
    }
    if (startsWith(data, 0, "OggS")) {
      return "Ogg audio (Vorbis/Opus/Ogg FLAC) is not supported" + CONVERT_HINT;
    }
    if (startsWith(data, 0, "FORM")) {
      return "AIFF audio is not supported" + CONVERT_HINT;
    }
    if (startsWith(data, 4, "ftyp")) {
      return "MP4/M4A audio is not supported" + CONVERT_HINT;
    }
    if (startsWith(data, 0, MATROSKA_MAGIC)) {
      return "WebM/Matroska audio is not supported" + CONVERT_HINT;
    }
    if (data.limit() >= 2 && (data.get(0) & 0xFF) == 0xFF && (data.get(1) & 0xE0) == 0xE0) {
      boolean adtsAac = (data.get(1) & 0x06) == 0;
      return (adtsAac ? "AAC (ADTS) audio" : "MP3/MPEG audio") + " is not supported" + CONVERT_HINT;
    }
    return "not a WAV or FLAC audio file";
  }

  /**
   * Offset just past an ID3v2 tag (header, syncsafe size, optional footer), or -1 if the size is
   * not syncsafe.
   */
  private static int endOfId3Tag(ByteBuffer data) {
    if (data.limit() < ID3_HEADER_BYTES) {
      return -1;
    }
    int size = 0;
    for (int i = 6; i < 10; i++) {
      int b = data.get(i) & 0xFF;
      if (b > 0x7F) {
        return -1;
      }
      size = (size << 7) | b;
    }
    boolean hasFooter = (data.get(5) & 0x10) != 0;
    return ID3_HEADER_BYTES + size + (hasFooter ? ID3_HEADER_BYTES : 0);
  }

  private static boolean startsWith(ByteBuffer data, int offset, String magic) {
    return startsWith(data, offset, magic.getBytes(StandardCharsets.US_ASCII));
  }

  private static boolean startsWith(ByteBuffer data, int offset, byte[] magic) {
    if (offset < 0 || data.limit() - offset < magic.length) {
      return false;
    }
    for (int i = 0; i < magic.length; i++) {
      if (data.get(offset + i) != magic[i]) {
        return false;
      }
    }
    return true;
  }

  /** Printable rendering of a four-character code for messages. */
  static String ascii(ByteBuffer data, int offset, int length) {
    StringBuilder text = new StringBuilder(length);
    for (int i = offset; i < offset + length && i < data.limit(); i++) {
      int b = data.get(i) & 0xFF;
      text.append(b >= 0x20 && b < 0x7F ? (char) b : '?');
    }
    return text.toString();
  }
}
