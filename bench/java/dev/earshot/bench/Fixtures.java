package dev.earshot.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.ShortBuffer;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/**
 * Reads the 16-bit PCM WAV test fixtures (from the test classpath) with javax.sound.sampled,
 * independently of the decoder under test, and loops them to benchmark length.
 */
final class Fixtures {

  private Fixtures() {}

  /**
   * A fixture's samples, one array per channel, in [-1, 1) (value / 32768, so {@code WavWriter}
   * writes them back exactly).
   */
  record Pcm(float[][] channels, int sampleRate) {}

  static Pcm readPcm16(String resource) {
    try (InputStream raw = Fixtures.class.getResourceAsStream(resource)) {
      if (raw == null) {
        throw new IllegalStateException("Fixture not on the test classpath: " + resource);
      }
      try (AudioInputStream in = AudioSystem.getAudioInputStream(new BufferedInputStream(raw))) {
        AudioFormat format = in.getFormat();
        if (format.getEncoding() != AudioFormat.Encoding.PCM_SIGNED
            || format.getSampleSizeInBits() != 16
            || format.isBigEndian()) {
          throw new IllegalStateException(resource + " is not 16-bit little-endian PCM: " + format);
        }
        ShortBuffer pcm =
            ByteBuffer.wrap(in.readAllBytes()).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer();
        int channels = format.getChannels();
        int frames = pcm.remaining() / channels;
        float[][] samples = new float[channels][frames];
        for (int frame = 0; frame < frames; frame++) {
          for (int channel = 0; channel < channels; channel++) {
            samples[channel][frame] = pcm.get() / 32768f;
          }
        }
        return new Pcm(samples, Math.round(format.getSampleRate()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (UnsupportedAudioFileException e) {
      throw new IllegalStateException("Unreadable fixture " + resource, e);
    }
  }

  /** {@code source} played end to end, over and over, cut at exactly {@code length} samples. */
  static float[] loop(float[] source, int length) {
    float[] looped = new float[length];
    for (int offset = 0; offset < length; offset += source.length) {
      System.arraycopy(source, 0, looped, offset, Math.min(source.length, length - offset));
    }
    return looped;
  }

  /** The arrays one after another. */
  static float[] concatenate(float[]... parts) {
    int length = 0;
    for (float[] part : parts) {
      length += part.length;
    }
    float[] joined = new float[length];
    int offset = 0;
    for (float[] part : parts) {
      System.arraycopy(part, 0, joined, offset, part.length);
      offset += part.length;
    }
    return joined;
  }
}
