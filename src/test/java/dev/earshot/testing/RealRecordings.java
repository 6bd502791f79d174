package dev.earshot.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Real recordings from Debian packages, prepared under {@code target/real-audio/} by {@code
 * scripts/install-test-tools.sh} (which the Maven build runs before the tests):
 *
 * <ul>
 *   <li>{@code alsa/*.wav}: the speaker-test voice prompts of {@code alsa-utils}, copied unchanged
 *       (16-bit 48 kHz mono WAV). Eight are a man saying the channel name ("Front left", ...);
 *       {@code Noise.wav} is not speech but a burst of noise;
 *   <li>{@code freedesktop/*.wav}: every sound of {@code sound-theme-freedesktop} (Ogg Vorbis),
 *       converted by sox to 16-bit PCM WAV at its own rate (8 to 96 kHz) and channel count. The
 *       {@code audio-channel-*} files are the same eight voice prompts through Vorbis; the others
 *       are bells, alarms, phone tones, a camera shutter and other non-speech sounds.
 * </ul>
 *
 * A missing folder is a failure, not a skip, as a missing chromium is for the browser tests: these
 * tests must not pass without having looked at the recordings.
 */
public final class RealRecordings {

  public static final Path ROOT = Path.of("target/real-audio");

  /** Written last by the set-up script: its presence means the folder is complete. */
  public static final Path MANIFEST = ROOT.resolve("MANIFEST");

  /** The eight spoken channel names of alsa-utils' speaker test (a man's voice). */
  public static final List<String> ALSA_VOICE_PROMPTS =
      List.of(
          "alsa/Front_Center.wav",
          "alsa/Front_Left.wav",
          "alsa/Front_Right.wav",
          "alsa/Rear_Center.wav",
          "alsa/Rear_Left.wav",
          "alsa/Rear_Right.wav",
          "alsa/Side_Left.wav",
          "alsa/Side_Right.wav");

  /** The same voice prompts as shipped by sound-theme-freedesktop (Ogg Vorbis, converted). */
  public static final List<String> FREEDESKTOP_VOICE_PROMPTS =
      List.of(
          "freedesktop/audio-channel-front-center.wav",
          "freedesktop/audio-channel-front-left.wav",
          "freedesktop/audio-channel-front-right.wav",
          "freedesktop/audio-channel-rear-center.wav",
          "freedesktop/audio-channel-rear-left.wav",
          "freedesktop/audio-channel-rear-right.wav",
          "freedesktop/audio-channel-side-left.wav",
          "freedesktop/audio-channel-side-right.wav");

  private RealRecordings() {}

  /** Every prepared file, relative to {@link #ROOT}, in the manifest's (sorted) order. */
  public static List<String> all() {
    requirePrepared();
    try {
      return Files.readAllLines(MANIFEST).stream()
          .filter(line -> !line.isBlank() && !line.startsWith("#"))
          .map(line -> line.substring(line.indexOf("  ") + 2).trim())
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Both packages' voice prompts: a person speaking throughout. */
  public static List<String> voicePrompts() {
    return java.util.stream.Stream.concat(
            ALSA_VOICE_PROMPTS.stream(), FREEDESKTOP_VOICE_PROMPTS.stream())
        .toList();
  }

  /** Every prepared file that is not one of the {@link #voicePrompts()}. */
  public static List<String> nonSpeech() {
    List<String> speech = voicePrompts();
    return all().stream().filter(name -> !speech.contains(name)).toList();
  }

  /** The file's path; fails with what to run when the recordings have not been prepared. */
  public static Path path(String name) {
    requirePrepared();
    Path file = ROOT.resolve(name);
    if (!Files.isRegularFile(file)) {
      throw new AssertionError(
          "real recording "
              + file
              + " is missing although "
              + MANIFEST
              + " exists; delete "
              + ROOT
              + " and run scripts/install-test-tools.sh");
    }
    return file;
  }

  /** The file's bytes. */
  public static byte[] bytes(String name) {
    try {
      return Files.readAllBytes(path(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void requirePrepared() {
    if (!Files.isRegularFile(MANIFEST)) {
      throw new AssertionError(
          "The real recordings are missing: "
              + ROOT.toAbsolutePath()
              + " has not been prepared. Run scripts/install-test-tools.sh (the Maven build runs"
              + " it before the tests; as root it installs alsa-utils, sound-theme-freedesktop"
              + " and sox with apt-get, otherwise it says what to install).");
    }
  }
}
