package dev.earshot.judge.llm;

import java.nio.charset.StandardCharsets;

/** The judge sends audio as {@code format: "wav"}; anything else would fail late on the server. */
final class WavHeader {

  private WavHeader() {}

  static void require(byte[] audio, String what) {
    if (audio == null) {
      throw new IllegalArgumentException(what + " is missing");
    }
    if (audio.length < 12
        || !"RIFF".equals(new String(audio, 0, 4, StandardCharsets.US_ASCII))
        || !"WAVE".equals(new String(audio, 8, 4, StandardCharsets.US_ASCII))) {
      throw new IllegalArgumentException(what + " is not a WAV file (no RIFF/WAVE header)");
    }
  }
}
