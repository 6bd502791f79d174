package dev.earshot.export.format;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One side of an exchange: a prompt or a response, with its text (the text channel or transcript;
 * may be empty for audio-only turns) and the SHA-256 of its audio, or null when it has none.
 */
public record Turn(String id, String text, String audioSha256) {

  private static final Pattern SHA_256_HEX = Pattern.compile("[0-9a-f]{64}");

  public Turn {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(text, "text");
    if (audioSha256 != null && !SHA_256_HEX.matcher(audioSha256).matches()) {
      throw new IllegalArgumentException(
          "audio SHA-256 must be 64 lowercase hex digits: " + audioSha256);
    }
    if (text.isEmpty() && audioSha256 == null) {
      throw new IllegalArgumentException("turn " + id + " has neither text nor audio");
    }
  }

  /** The audio file's path relative to the export root, or null when the turn has no audio. */
  public String audioPath() {
    return audioSha256 == null ? null : audioPathFor(audioSha256);
  }

  /** Content-addressed location of an audio file inside an export. */
  public static String audioPathFor(String sha256) {
    return "audio/" + sha256 + ".wav";
  }
}
