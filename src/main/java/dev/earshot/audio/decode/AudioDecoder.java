package dev.earshot.audio.decode;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Objects;

/**
 * Validates and decodes uploaded WAV and FLAC audio. Hostile or broken input ends in an {@link
 * AudioRejectedException} with a reason a person can act on; nothing is allocated from what a
 * header claims before it has been checked against the bytes present and the {@link AudioLimits}.
 *
 * <p>The buffer may be a memory-mapped file: it is read in place through a slice (its position and
 * limit are left untouched) and never copied.
 */
public final class AudioDecoder {

  /** Sample rate of the audio that analysis works on. */
  public static final int ANALYSIS_SAMPLE_RATE = 16_000;

  /** Plausible sample rates; anything outside is a corrupt header rather than real audio. */
  static final int MIN_SAMPLE_RATE = 1_000;

  static final int MAX_SAMPLE_RATE = 768_000;

  private final AudioLimits limits;

  public AudioDecoder(AudioLimits limits) {
    this.limits = Objects.requireNonNull(limits, "limits");
  }

  /**
   * Validates the whole file (header and every sample or frame) and returns its metadata; uses only
   * small buffers.
   */
  public AudioInfo inspect(ByteBuffer data) throws AudioRejectedException {
    return open(data).inspect();
  }

  /**
   * Every channel at the file's own rate, as stored (see {@link NativeAudio}): what level, clipping
   * and loudness are measured on.
   */
  public NativeAudio decodeNative(ByteBuffer data) throws AudioRejectedException {
    return open(data).decodeNative();
  }

  /** The original samples together with the 16 kHz mono analysis copy made from them. */
  public DecodedAudio decode(ByteBuffer data) throws AudioRejectedException {
    return DecodedAudio.of(decodeNative(data));
  }

  /** Mono view (channel average, samples in [-1, 1]) at the file's own rate. */
  public MonoAudio decodeMono(ByteBuffer data) throws AudioRejectedException {
    return decodeNative(data).mono();
  }

  /**
   * Mono view resampled to {@link #ANALYSIS_SAMPLE_RATE} with the band-limited {@link Resampler}.
   */
  public MonoAudio decodeForAnalysis(ByteBuffer data) throws AudioRejectedException {
    return decodeNative(data).forAnalysis();
  }

  private FormatDecoder open(ByteBuffer data) throws AudioRejectedException {
    Objects.requireNonNull(data, "data");
    if (!data.hasRemaining()) {
      throw AudioRejectedException.malformed("the file is empty");
    }
    if (data.remaining() > limits.maxBytes()) {
      throw AudioRejectedException.tooLarge(
          "the file is "
              + data.remaining()
              + " bytes; the limit is "
              + limits.maxBytes()
              + " bytes");
    }
    ByteBuffer view = data.slice().order(ByteOrder.LITTLE_ENDIAN);
    FormatSniffer.Detected detected = FormatSniffer.detect(view);
    return switch (detected.format()) {
      case WAV -> new WavDecoder(view, limits);
      case FLAC ->
          new FlacDecoder(view.slice(detected.offset(), view.limit() - detected.offset()), limits);
    };
  }

  /** The two operations every container decoder offers. */
  interface FormatDecoder {
    AudioInfo inspect() throws AudioRejectedException;

    NativeAudio decodeNative() throws AudioRejectedException;
  }
}
