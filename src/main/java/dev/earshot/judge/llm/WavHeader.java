package dev.earshot.judge.llm;

import java.nio.charset.StandardCharsets;

/**
 * Judges send audio as WAV (the llm judge as {@code format: "wav"}, the transcription client as a
 * {@code .wav} upload); anything else would fail late on the server.
 */
public final class WavHeader {

  private WavHeader() {}

  public static void require(byte[] audio, String what) {
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
