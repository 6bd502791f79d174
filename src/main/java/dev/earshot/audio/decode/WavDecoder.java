package dev.earshot.audio.decode;

import java.nio.ByteBuffer;
import java.util.Map;

/**
 * RIFF/WAVE reader: PCM 8/16/24/32-bit, IEEE float 32/64-bit and WAVE_FORMAT_EXTENSIBLE with a PCM
 * or float sub-format, chunks in any order. The buffer must be little-endian and start at "RIFF".
 */
final class WavDecoder implements AudioDecoder.FormatDecoder {

  private static final int RIFF_HEADER_BYTES = 12;
  private static final int CHUNK_HEADER_BYTES = 8;
  private static final int FMT_MIN_BYTES = 16;
  private static final int FMT_EXTENSIBLE_BYTES = 40;
  private static final long UNKNOWN_DATA_SIZE = 0xFFFF_FFFFL;
  private static final int MAX_CHANNELS = 32;
  private static final int TAG_PCM = 0x0001;
  private static final int TAG_IEEE_FLOAT = 0x0003;
  private static final int TAG_EXTENSIBLE = 0xFFFE;

  /** Bytes 2..15 of every KSDATAFORMAT_SUBTYPE GUID that wraps a classic format tag. */
  private static final byte[] SUBTYPE_GUID_TAIL = {
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

  private static final Map<Integer, String> CODEC_NAMES =
      Map.ofEntries(
          Map.entry(0x0002, "Microsoft ADPCM"),
          Map.entry(0x0006, "A-law"),
          Map.entry(0x0007, "\u00b5-law"),
          Map.entry(0x0011, "IMA ADPCM"),
          Map.entry(0x0031, "GSM 6.10"),
          Map.entry(0x0050, "MPEG"),
          Map.entry(0x0055, "MP3"),
          Map.entry(0x00FF, "AAC"),
          Map.entry(0x0161, "WMA"),
          Map.entry(0x2000, "AC-3"));

  private final ByteBuffer data;
  private final AudioLimits limits;

  /** Where the samples are and how to read them, all checked against the file. */
  private record Layout(
      SampleEncoding encoding,
      int channels,
      int sampleRate,
      int bitsPerSample,
      int blockAlign,
      int dataOffset,
      long frames) {}

  /**
   * How one sample is stored; {@link #read} scales it to [-1, 1] (floats are returned as stored).
   */
  private enum SampleEncoding {
    PCM_U8(8, false) {
      @Override
      double read(ByteBuffer data, int offset) {
        return ((data.get(offset) & 0xFF) - 128) / 128.0;
      }
    },
    PCM_S16(16, false) {
      @Override
      double read(ByteBuffer data, int offset) {
        return data.getShort(offset) / 32768.0;
      }
    },
    PCM_S24(24, false) {
      @Override
      double read(ByteBuffer data, int offset) {
        int value =
            (data.get(offset) & 0xFF)
                | (data.get(offset + 1) & 0xFF) << 8
                | data.get(offset + 2) << 16;
        return value / 8388608.0;
      }
    },
    PCM_S32(32, false) {
      @Override
      double read(ByteBuffer data, int offset) {
        return data.getInt(offset) / 2147483648.0;
      }
    },
    FLOAT32(32, true) {
      @Override
      double read(ByteBuffer data, int offset) {
        return data.getFloat(offset);
      }
    },
    FLOAT64(64, true) {
      @Override
      double read(ByteBuffer data, int offset) {
        return data.getDouble(offset);
      }
    };

    final int bits;
    final boolean isFloat;

    SampleEncoding(int bits, boolean isFloat) {
      this.bits = bits;
      this.isFloat = isFloat;
    }

    abstract double read(ByteBuffer data, int offset);

    static SampleEncoding of(boolean isFloat, int bits) throws AudioRejectedException {
      for (SampleEncoding encoding : values()) {
        if (encoding.isFloat == isFloat && encoding.bits == bits) {
          return encoding;
        }
      }
      throw AudioRejectedException.malformed(
          "impossible WAV header: "
              + bits
              + " bits per sample for "
              + (isFloat ? "float (supported: 32, 64)" : "PCM (supported: 8, 16, 24, 32)"));
    }
  }

  WavDecoder(ByteBuffer littleEndianData, AudioLimits limits) {
    this.data = littleEndianData;
    this.limits = limits;
  }

  @Override
  public AudioInfo inspect() throws AudioRejectedException {
    Layout layout = parseHeader();
    decodeSamples(layout, null);
    return new AudioInfo(
        AudioFormat.WAV,
        layout.sampleRate(),
        layout.channels(),
        layout.bitsPerSample(),
        layout.frames());
  }

  @Override
  public NativeAudio decodeNative() throws AudioRejectedException {
    Layout layout = parseHeader();
    // frames came from a data size already checked against the bytes present, so this fits the
    // buffer.
    float[][] channels = new float[layout.channels()][(int) layout.frames()];
    decodeSamples(layout, channels);
    return new NativeAudio(channels, layout.sampleRate());
  }

  /**
   * De-interleaves the samples into {@code channels}, or only validates them when {@code channels}
   * is null.
   */
  private void decodeSamples(Layout layout, float[][] channels) throws AudioRejectedException {
    SampleEncoding encoding = layout.encoding();
    if (channels == null && !encoding.isFloat) {
      return; // every bit pattern is a valid integer sample: nothing to check
    }
    int bytesPerSample = encoding.bits / 8;
    int channelCount = layout.channels();
    int offset = layout.dataOffset();
    for (int frame = 0; frame < layout.frames(); frame++) {
      for (int channel = 0; channel < channelCount; channel++) {
        double sample = encoding.read(data, offset);
        offset += bytesPerSample;
        if (encoding.isFloat && !Double.isFinite(sample)) {
          throw AudioRejectedException.malformed(
              "float sample at frame "
                  + frame
                  + ", channel "
                  + channel
                  + " is "
                  + sample
                  + "; samples must be finite");
        }
        if (channels != null) {
          // Float WAV may legitimately exceed full scale; it is kept (the mono view limits it).
          channels[channel][frame] = (float) sample;
        }
      }
    }
  }

  private Layout parseHeader() throws AudioRejectedException {
    // The RIFF size at offset 4 is ignored on purpose: streaming writers leave 0 or 0xFFFFFFFF
    // there,
    // and walking the chunks against the real length of the file is the safer bound anyway.
    int end = data.limit();
    int fmtOffset = -1;
    long fmtSize = 0;
    int dataOffset = -1;
    long dataSize = 0;
    long offset = RIFF_HEADER_BYTES;
    // Fewer than 8 bytes after the last chunk cannot hold a chunk; some writers pad files, so they
    // are ignored.
    while (end - offset >= CHUNK_HEADER_BYTES) {
      int header = (int) offset;
      String id = FormatSniffer.ascii(data, header, 4);
      long size = Integer.toUnsignedLong(data.getInt(header + 4));
      int body = header + CHUNK_HEADER_BYTES;
      long remaining = end - body;
      if (id.equals("data")) {
        if (dataOffset >= 0) {
          throw AudioRejectedException.malformed("the WAV file has more than one data chunk");
        }
        dataOffset = body;
        if (size == UNKNOWN_DATA_SIZE) {
          // Writers that cannot seek back (ffmpeg to a pipe) leave 0xFFFFFFFF: the data runs to the
          // end.
          dataSize = remaining;
          break;
        }
        if (size > remaining) {
          throw AudioRejectedException.malformed(
              "truncated: data chunk declares "
                  + size
                  + " bytes but only "
                  + remaining
                  + " remain");
        }
        dataSize = size;
      } else if (id.equals("fmt ")) {
        if (fmtOffset >= 0) {
          throw AudioRejectedException.malformed("the WAV file has more than one fmt chunk");
        }
        if (size > remaining) {
          throw AudioRejectedException.malformed(
              "truncated: fmt chunk declares " + size + " bytes but only " + remaining + " remain");
        }
        fmtOffset = body;
        fmtSize = size;
      } else if (size > remaining) {
        if (fmtOffset >= 0 && dataOffset >= 0) {
          break; // a damaged trailing metadata chunk (LIST, id3, ...) does not touch the audio
        }
        throw AudioRejectedException.malformed(
            "truncated: '"
                + id
                + "' chunk declares "
                + size
                + " bytes but only "
                + remaining
                + " remain");
      }
      // Odd-sized chunks are followed by a pad byte; a missing pad at the end of the file just ends
      // the walk.
      offset = body + size + (size & 1);
    }
    if (fmtOffset < 0) {
      throw AudioRejectedException.malformed("the WAV file has no fmt chunk");
    }
    if (dataOffset < 0) {
      throw AudioRejectedException.malformed("the WAV file has no data chunk");
    }
    return layout(fmtOffset, fmtSize, dataOffset, dataSize);
  }

  private Layout layout(int fmt, long fmtSize, int dataOffset, long dataSize)
      throws AudioRejectedException {
    if (fmtSize < FMT_MIN_BYTES) {
      throw AudioRejectedException.malformed(
          "the fmt chunk is too short: " + fmtSize + " bytes, need at least " + FMT_MIN_BYTES);
    }
    int formatTag = unsignedShort(fmt);
    int channels = unsignedShort(fmt + 2);
    long sampleRate = Integer.toUnsignedLong(data.getInt(fmt + 4));
    // The byte rate at fmt + 8 is derivable and often wrong in the wild, so it is not checked.
    int blockAlign = unsignedShort(fmt + 12);
    int bits = unsignedShort(fmt + 14);
    if (formatTag == TAG_EXTENSIBLE) {
      formatTag = extensibleSubFormat(fmt, fmtSize, bits);
    }
    boolean isFloat =
        switch (formatTag) {
          case TAG_PCM -> false;
          case TAG_IEEE_FLOAT -> true;
          default ->
              throw AudioRejectedException.unsupported(
                  "WAV with " + codecName(formatTag) + " is not supported; export PCM WAV or FLAC");
        };
    if (channels == 0 || channels > MAX_CHANNELS) {
      throw AudioRejectedException.malformed(
          "impossible WAV header: "
              + channels
              + " channels (supported: 1 to "
              + MAX_CHANNELS
              + ")");
    }
    if (sampleRate < AudioDecoder.MIN_SAMPLE_RATE || sampleRate > AudioDecoder.MAX_SAMPLE_RATE) {
      throw AudioRejectedException.malformed(
          "impossible WAV header: sample rate "
              + sampleRate
              + " Hz (supported: "
              + AudioDecoder.MIN_SAMPLE_RATE
              + " to "
              + AudioDecoder.MAX_SAMPLE_RATE
              + ")");
    }
    SampleEncoding encoding = SampleEncoding.of(isFloat, bits);
    int bytesPerSample = bits / 8;
    if (blockAlign != channels * bytesPerSample) {
      throw AudioRejectedException.malformed(
          "impossible WAV header: block align "
              + blockAlign
              + " is not "
              + channels
              + " channels \u00d7 "
              + bytesPerSample
              + " bytes");
    }
    // A trailing partial frame (a writer cut off mid-frame) carries no complete sample set: it is
    // ignored.
    long frames = dataSize / blockAlign;
    if (frames == 0) {
      throw AudioRejectedException.malformed("the WAV data chunk holds no audio frames");
    }
    limits.checkDuration(frames, (int) sampleRate);
    return new Layout(encoding, channels, (int) sampleRate, bits, blockAlign, dataOffset, frames);
  }

  /** The classic format tag inside a WAVE_FORMAT_EXTENSIBLE sub-format GUID. */
  private int extensibleSubFormat(int fmt, long fmtSize, int containerBits)
      throws AudioRejectedException {
    if (fmtSize < FMT_EXTENSIBLE_BYTES) {
      throw AudioRejectedException.malformed(
          "the WAVE_FORMAT_EXTENSIBLE fmt chunk is too short: "
              + fmtSize
              + " bytes, need "
              + FMT_EXTENSIBLE_BYTES);
    }
    int validBits = unsignedShort(fmt + 18);
    int guid = fmt + 24;
    for (int i = 0; i < SUBTYPE_GUID_TAIL.length; i++) {
      if (data.get(guid + 2 + i) != SUBTYPE_GUID_TAIL[i]) {
        throw AudioRejectedException.unsupported(
            "WAV with extensible sub-format "
                + formatGuid(guid)
                + " is not supported; export PCM WAV or FLAC");
      }
    }
    // Valid bits below the container width (20 in 24) are fine: padding bits are zero, so the
    // container width scales correctly. More valid bits than the container holds is impossible.
    if (validBits > containerBits) {
      throw AudioRejectedException.malformed(
          "impossible WAV header: "
              + validBits
              + " valid bits in a "
              + containerBits
              + "-bit container");
    }
    return unsignedShort(guid);
  }

  private static String codecName(int formatTag) {
    String name = CODEC_NAMES.get(formatTag);
    return name != null ? name + " compression" : String.format("format tag 0x%04X", formatTag);
  }

  /**
   * Registry-style rendering of a GUID stored little-endian:
   * {01234567-89AB-CDEF-0123-456789ABCDEF}.
   */
  private String formatGuid(int offset) {
    return String.format(
        "{%08X-%04X-%04X-%02X%02X-%02X%02X%02X%02X%02X%02X}",
        data.getInt(offset),
        unsignedShort(offset + 4),
        unsignedShort(offset + 6),
        data.get(offset + 8),
        data.get(offset + 9),
        data.get(offset + 10),
        data.get(offset + 11),
        data.get(offset + 12),
        data.get(offset + 13),
        data.get(offset + 14),
        data.get(offset + 15));
  }

  private int unsignedShort(int offset) {
    return data.getShort(offset) & 0xFFFF;
  }
}
