package dev.earshot.audio.decode;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Writes canonical 16-bit PCM WAV files (RIFF header, fmt, data) from float samples in [-1, 1]. */
public final class WavWriter {

  private static final int HEADER_BYTES = 44;
  private static final int BYTES_PER_SAMPLE = 2;

  private WavWriter() {}

  /** Mono 16-bit PCM WAV; samples are clipped to [-1, 1] and rounded. */
  public static byte[] pcm16(float[] mono, int sampleRate) {
    return pcm16(new float[][] {mono}, sampleRate);
  }

  /** Multi-channel 16-bit PCM WAV from one array per channel, all of the same length. */
  public static byte[] pcm16(float[][] channels, int sampleRate) {
    if (channels.length == 0 || channels.length > 0xFFFF) {
      throw new IllegalArgumentException("channel count must be 1 to 65535: " + channels.length);
    }
    if (sampleRate <= 0) {
      throw new IllegalArgumentException("sample rate must be positive: " + sampleRate);
    }
    int frames = channels[0].length;
    for (float[] channel : channels) {
      if (channel.length != frames) {
        throw new IllegalArgumentException("all channels must have the same length");
      }
    }
    int blockAlign = channels.length * BYTES_PER_SAMPLE;
    long dataBytes = (long) frames * blockAlign;
    if (dataBytes > Integer.MAX_VALUE - HEADER_BYTES) {
      throw new IllegalArgumentException(
          "too much audio for one WAV file: " + dataBytes + " bytes");
    }
    ByteBuffer out =
        ByteBuffer.allocate(HEADER_BYTES + (int) dataBytes).order(ByteOrder.LITTLE_ENDIAN);
    out.put(new byte[] {'R', 'I', 'F', 'F'})
        .putInt(HEADER_BYTES - 8 + (int) dataBytes)
        .put(new byte[] {'W', 'A', 'V', 'E', 'f', 'm', 't', ' '})
        .putInt(16)
        .putShort((short) 1)
        .putShort((short) channels.length)
        .putInt(sampleRate)
        .putInt(sampleRate * blockAlign)
        .putShort((short) blockAlign)
        .putShort((short) 16)
        .put(new byte[] {'d', 'a', 't', 'a'})
        .putInt((int) dataBytes);
    for (int frame = 0; frame < frames; frame++) {
      for (float[] channel : channels) {
        out.putShort(toPcm16(channel[frame]));
      }
    }
    return out.array();
  }

  /**
   * Scales by 32768 so that decoding (value / 32768) gives back every exactly representable sample.
   */
  private static short toPcm16(float sample) {
    long scaled = Math.round(sample * 32768.0);
    return (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, scaled));
  }
}
