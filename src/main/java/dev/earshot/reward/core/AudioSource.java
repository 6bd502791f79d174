package dev.earshot.reward.core;

import java.util.Arrays;
import java.util.Locale;

/** Where the response audio of a reward item comes from: inline WAV bytes or an earlier upload. */
public sealed interface AudioSource {

  /** Lowercase hex SHA-256 of the WAV bytes; the cache key and the audio store use it. */
  String sha256();

  /** WAV bytes sent inline as base64. */
  record Inline(byte[] wav) implements AudioSource {

    public Inline {
      wav = wav.clone();
    }

    @Override
    public byte[] wav() {
      return wav.clone();
    }

    @Override
    public String sha256() {
      return Sha256.hex(wav);
    }

    // Records compare arrays by reference; two inline sources with the same bytes are the same.
    @Override
    public boolean equals(Object other) {
      return other instanceof Inline inline && Arrays.equals(wav, inline.wav);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(wav);
    }

    @Override
    public String toString() {
      return "Inline[" + wav.length + " bytes]";
    }
  }

  /** Audio uploaded before, named by its SHA-256 (lowercase hex). */
  record Uploaded(String sha256) implements AudioSource {

    public Uploaded {
      if (!Sha256.isHexDigest(sha256) || !sha256.equals(sha256.toLowerCase(Locale.ROOT))) {
        throw new IllegalArgumentException("sha256 must be 64 lowercase hexadecimal characters");
      }
    }
  }
}
