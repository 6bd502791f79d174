package dev.earshot.audio.decode;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * FLAC decoder written for Earshot from the format specification (RFC 9639); it uses no codec
 * library.
 *
 * <p>Covers STREAMINFO (validated) and skipping of the other metadata blocks, frame headers with
 * every block size / sample rate / bit depth code, header CRC-8 and frame CRC-16, CONSTANT,
 * VERBATIM, FIXED and LPC subframes with wasted bits, the stereo decorrelation modes and Rice
 * residuals with escape codes, and finally the STREAMINFO MD5 of the decoded samples. Samples are
 * held in {@code long} so that 32-bit streams (33-bit side channels) and their LPC sums cannot
 * overflow. Buffers are sized by the STREAMINFO maximum block size (at most 65535 samples per
 * channel), never by the stream length.
 *
 * <p>Deliberately strict: parameters may not change mid-stream, frame numbers must be in sequence
 * and frames may not exceed the STREAMINFO maximum block size. The one leniency is an ID3v1 tag
 * (128 bytes starting "TAG") after the last frame, which some taggers append to any file.
 */
final class FlacDecoder implements AudioDecoder.FormatDecoder {

  private static final int MAGIC_BYTES = 4;
  private static final int METADATA_HEADER_BYTES = 4;
  private static final int STREAMINFO_TYPE = 0;
  private static final int INVALID_METADATA_TYPE = 127;
  private static final int STREAMINFO_BYTES = 34;
  private static final int MIN_BLOCK_SIZE = 16;
  private static final int MIN_BITS = 4;
  private static final int MAX_LPC_ORDER = 32;
  private static final int FRAME_SYNC_15_BITS = 0x7FFC;
  private static final int ID3V1_BYTES = 128;
  private static final int[] SAMPLE_RATE_CODES = {
    0, 88_200, 176_400, 192_000, 8_000, 16_000, 22_050, 24_000, 32_000, 44_100, 48_000, 96_000
  };
  private static final int[] BITS_CODES = {0, 8, 12, -1, 16, 20, 24, 32};
  private static final int LEFT_SIDE = 8;
  private static final int RIGHT_SIDE = 9;
  private static final int MID_SIDE = 10;

  private final ByteBuffer data;
  private final AudioLimits limits;

  /** Validated STREAMINFO plus where the first frame starts. */
  private record StreamInfo(
      int maxBlockSize,
      int sampleRate,
      int channels,
      int bitsPerSample,
      long totalSamples,
      byte[] md5,
      int firstFrameOffset) {

    boolean hasMd5() {
      for (byte b : md5) {
        if (b != 0) {
          return true;
        }
      }
      return false;
    }
  }

  /** Receives each decoded frame: {@code channels[c][0 .. blockSize)}. */
  private interface FrameSink {
    void accept(long[][] channels, int blockSize) throws AudioRejectedException;
  }

  FlacDecoder(ByteBuffer flacStream, AudioLimits limits) {
    this.data = flacStream;
    this.limits = limits;
  }

  @Override
  public AudioInfo inspect() throws AudioRejectedException {
    StreamInfo info = readMetadata();
    long frames = new FrameReader(info).decodeAll(null);
    return new AudioInfo(
        AudioFormat.FLAC, info.sampleRate(), info.channels(), info.bitsPerSample(), frames);
  }

  @Override
  public NativeAudio decodeNative() throws AudioRejectedException {
    StreamInfo info = readMetadata();
    ChannelCollector collector = new ChannelCollector(info.channels(), info.bitsPerSample());
    new FrameReader(info).decodeAll(collector);
    return new NativeAudio(collector.toArrays(), info.sampleRate());
  }

  private StreamInfo readMetadata() throws AudioRejectedException {
    int end = data.limit();
    int offset = MAGIC_BYTES;
    StreamInfo info = null;
    boolean last = false;
    while (!last) {
      if (end - offset < METADATA_HEADER_BYTES) {
        throw AudioRejectedException.malformed("the FLAC metadata is truncated");
      }
      int flagAndType = data.get(offset) & 0xFF;
      last = (flagAndType & 0x80) != 0;
      int type = flagAndType & 0x7F;
      int length =
          (data.get(offset + 1) & 0xFF) << 16
              | (data.get(offset + 2) & 0xFF) << 8
              | (data.get(offset + 3) & 0xFF);
      int body = offset + METADATA_HEADER_BYTES;
      if (length > end - body) {
        throw AudioRejectedException.malformed(
            "truncated: FLAC metadata block of type "
                + type
                + " declares "
                + length
                + " bytes but only "
                + (end - body)
                + " remain");
      }
      if (info == null) {
        if (type != STREAMINFO_TYPE) {
          throw AudioRejectedException.malformed(
              "the FLAC stream does not start with a STREAMINFO block");
        }
        info = parseStreamInfo(body, length);
      } else if (type == STREAMINFO_TYPE || type == INVALID_METADATA_TYPE) {
        throw AudioRejectedException.malformed("invalid FLAC metadata block of type " + type);
      }
      offset = body + length;
    }
    return new StreamInfo(
        info.maxBlockSize(),
        info.sampleRate(),
        info.channels(),
        info.bitsPerSample(),
        info.totalSamples(),
        info.md5(),
        offset);
  }

  private StreamInfo parseStreamInfo(int body, int length) throws AudioRejectedException {
    if (length != STREAMINFO_BYTES) {
      throw AudioRejectedException.malformed(
          "the FLAC STREAMINFO block is " + length + " bytes; it must be " + STREAMINFO_BYTES);
    }
    FlacBitReader reader = new FlacBitReader(data, body);
    int minBlockSize = reader.readInt(16);
    int maxBlockSize = reader.readInt(16);
    reader.readBits(24); // minimum frame size: informative only
    reader.readBits(24); // maximum frame size: informative only
    int sampleRate = reader.readInt(20);
    int channels = reader.readInt(3) + 1;
    int bits = reader.readInt(5) + 1;
    long totalSamples = reader.readBits(4) << 32 | reader.readBits(32);
    byte[] md5 = new byte[16];
    for (int i = 0; i < md5.length; i++) {
      md5[i] = (byte) reader.readInt(8);
    }
    if (sampleRate < AudioDecoder.MIN_SAMPLE_RATE || sampleRate > AudioDecoder.MAX_SAMPLE_RATE) {
      throw AudioRejectedException.malformed(
          "impossible FLAC STREAMINFO: sample rate "
              + sampleRate
              + " Hz (supported: "
              + AudioDecoder.MIN_SAMPLE_RATE
              + " to "
              + AudioDecoder.MAX_SAMPLE_RATE
              + ")");
    }
    if (bits < MIN_BITS) {
      throw AudioRejectedException.malformed(
          "impossible FLAC STREAMINFO: " + bits + " bits per sample (supported: 4 to 32)");
    }
    if (minBlockSize < MIN_BLOCK_SIZE || maxBlockSize < minBlockSize) {
      throw AudioRejectedException.malformed(
          "impossible FLAC STREAMINFO: block sizes "
              + minBlockSize
              + " to "
              + maxBlockSize
              + " (need 16 <= minimum <= maximum)");
    }
    if (totalSamples > 0) {
      limits.checkDuration(totalSamples, sampleRate);
    }
    return new StreamInfo(maxBlockSize, sampleRate, channels, bits, totalSamples, md5, -1);
  }

  /** Decodes frames one at a time into buffers sized by the STREAMINFO maximum block size. */
  private final class FrameReader {

    private final StreamInfo info;
    private final FlacBitReader reader;
    private final long[][] channelSamples;
    private final long[] lpcCoefficients = new long[MAX_LPC_ORDER];
    private final MessageDigest md5;
    private final byte[] md5Bytes;
    private final int bytesPerSample;
    private final long maxFrames;
    private int blockingStrategy = -1;

    FrameReader(StreamInfo info) {
      this.info = info;
      this.reader = new FlacBitReader(data, info.firstFrameOffset());
      this.channelSamples = new long[info.channels()][info.maxBlockSize()];
      this.bytesPerSample = (info.bitsPerSample() + 7) / 8;
      this.md5 = info.hasMd5() ? newMd5() : null;
      this.md5Bytes =
          md5 != null ? new byte[info.maxBlockSize() * info.channels() * bytesPerSample] : null;
      this.maxFrames = limits.maxFrames(info.sampleRate());
    }

    /** Decodes and checks every frame; returns the number of samples per channel. */
    long decodeAll(FrameSink sink) throws AudioRejectedException {
      long decoded = 0;
      int frameIndex = 0;
      int end = data.limit();
      while (reader.bytePosition() < end && !isTrailingId3v1(reader.bytePosition())) {
        int blockSize;
        try {
          blockSize = decodeFrame(frameIndex, decoded);
        } catch (AudioRejectedException e) {
          throw new AudioRejectedException(
              e.reason(), "FLAC frame " + frameIndex + ": " + e.getMessage());
        }
        if (md5 != null) {
          updateMd5(blockSize);
        }
        if (sink != null) {
          sink.accept(channelSamples, blockSize);
        }
        decoded += blockSize;
        frameIndex++;
      }
      if (frameIndex == 0) {
        throw AudioRejectedException.malformed("the FLAC stream has no audio frames");
      }
      if (info.totalSamples() != 0 && decoded != info.totalSamples()) {
        throw AudioRejectedException.malformed(
            (decoded < info.totalSamples() ? "truncated: " : "")
                + "FLAC STREAMINFO declares "
                + info.totalSamples()
                + " samples but the frames hold "
                + decoded);
      }
      if (md5 != null && !MessageDigest.isEqual(md5.digest(), info.md5())) {
        throw AudioRejectedException.malformed(
            "FLAC MD5 mismatch: the decoded audio differs from the signature the encoder stored");
      }
      return decoded;
    }

    private boolean isTrailingId3v1(int offset) {
      return data.limit() - offset == ID3V1_BYTES
          && data.get(offset) == 'T'
          && data.get(offset + 1) == 'A'
          && data.get(offset + 2) == 'G';
    }

    private int decodeFrame(int frameIndex, long decodedSoFar) throws AudioRejectedException {
      int frameStart = reader.bytePosition();
      if (reader.readInt(15) != FRAME_SYNC_15_BITS) {
        throw AudioRejectedException.malformed("no frame sync code at byte " + frameStart);
      }
      int blocking = reader.readInt(1);
      if (blockingStrategy >= 0 && blocking != blockingStrategy) {
        throw AudioRejectedException.malformed("the blocking strategy changes mid-stream");
      }
      blockingStrategy = blocking;
      int blockSizeCode = reader.readInt(4);
      int sampleRateCode = reader.readInt(4);
      int channelCode = reader.readInt(4);
      int bitsCode = reader.readInt(3);
      if (reader.readInt(1) != 0) {
        throw AudioRejectedException.malformed("reserved frame header bit is set");
      }
      long codedNumber = readUtf8Number();
      int blockSize = blockSize(blockSizeCode);
      int sampleRate = sampleRate(sampleRateCode);
      int channels = channelCode <= 7 ? channelCode + 1 : 2;
      if (channelCode > MID_SIDE) {
        throw AudioRejectedException.malformed("reserved channel assignment " + channelCode);
      }
      int bits = bitsCode == 0 ? info.bitsPerSample() : BITS_CODES[bitsCode];
      if (bits < 0) {
        throw AudioRejectedException.malformed("reserved bits-per-sample code " + bitsCode);
      }
      int headerEnd = reader.bytePosition();
      int storedCrc8 = reader.readInt(8);
      if (storedCrc8 != FlacCrc.crc8(data, frameStart, headerEnd)) {
        throw AudioRejectedException.malformed("header CRC-8 mismatch");
      }
      checkHeaderAgainstStreamInfo(blockSize, sampleRate, channels, bits);
      long expectedNumber = blocking == 0 ? frameIndex : decodedSoFar;
      if (codedNumber != expectedNumber) {
        throw AudioRejectedException.malformed(
            (blocking == 0 ? "frame" : "sample")
                + " number "
                + codedNumber
                + " is out of sequence (expected "
                + expectedNumber
                + ")");
      }
      if (decodedSoFar + blockSize > maxFrames) {
        limits.checkDuration(decodedSoFar + blockSize, info.sampleRate());
      }
      for (int channel = 0; channel < channels; channel++) {
        int sampleBits = isSideChannel(channelCode, channel) ? bits + 1 : bits;
        decodeSubframe(channelSamples[channel], blockSize, sampleBits);
      }
      decorrelate(channelCode, blockSize);
      checkSampleRange(blockSize, bits);
      reader.alignToByte();
      int frameEnd = reader.bytePosition();
      int storedCrc16 = reader.readInt(16);
      if (storedCrc16 != FlacCrc.crc16(data, frameStart, frameEnd)) {
        throw AudioRejectedException.malformed("CRC-16 mismatch");
      }
      return blockSize;
    }

    private void checkHeaderAgainstStreamInfo(int blockSize, int sampleRate, int channels, int bits)
        throws AudioRejectedException {
      if (blockSize > info.maxBlockSize()) {
        throw AudioRejectedException.malformed(
            "block size " + blockSize + " exceeds the STREAMINFO maximum " + info.maxBlockSize());
      }
      if (sampleRate != info.sampleRate()) {
        throw AudioRejectedException.malformed(
            "sample rate "
                + sampleRate
                + " Hz differs from the STREAMINFO rate "
                + info.sampleRate()
                + " Hz");
      }
      if (channels != info.channels()) {
        throw AudioRejectedException.malformed(
            channels + " channels differ from the STREAMINFO " + info.channels());
      }
      if (bits != info.bitsPerSample()) {
        throw AudioRejectedException.malformed(
            bits + " bits per sample differ from the STREAMINFO " + info.bitsPerSample());
      }
    }

    /** The frame or sample number: UTF-8-style coding of up to 36 bits in up to 7 bytes. */
    private long readUtf8Number() throws AudioRejectedException {
      int first = reader.readInt(8);
      int continuation = Integer.numberOfLeadingZeros(~first << 24);
      if (first < 0x80) {
        return first;
      }
      if (continuation < 2 || continuation > 7) {
        throw AudioRejectedException.malformed("invalid coded frame number");
      }
      long value = first & (0x7F >> continuation);
      for (int i = 1; i < continuation; i++) {
        int next = reader.readInt(8);
        if ((next & 0xC0) != 0x80) {
          throw AudioRejectedException.malformed("invalid coded frame number");
        }
        value = value << 6 | (next & 0x3F);
      }
      return value;
    }

    private int blockSize(int code) throws AudioRejectedException {
      return switch (code) {
        case 0 -> throw AudioRejectedException.malformed("reserved block size code 0");
        case 1 -> 192;
        case 2, 3, 4, 5 -> 576 << (code - 2);
        case 6 -> reader.readInt(8) + 1;
        case 7 -> reader.readInt(16) + 1;
        default -> 256 << (code - 8);
      };
    }

    private int sampleRate(int code) throws AudioRejectedException {
      return switch (code) {
        case 0 -> info.sampleRate();
        case 12 -> reader.readInt(8) * 1000;
        case 13 -> reader.readInt(16);
        case 14 -> reader.readInt(16) * 10;
        case 15 -> throw AudioRejectedException.malformed("invalid sample rate code 15");
        default -> SAMPLE_RATE_CODES[code];
      };
    }

    private boolean isSideChannel(int channelCode, int channel) {
      return switch (channelCode) {
        case LEFT_SIDE, MID_SIDE -> channel == 1;
        case RIGHT_SIDE -> channel == 0;
        default -> false;
      };
    }

    private void decodeSubframe(long[] samples, int blockSize, int sampleBits)
        throws AudioRejectedException {
      if (reader.readInt(1) != 0) {
        throw AudioRejectedException.malformed("subframe padding bit is set");
      }
      int type = reader.readInt(6);
      int wasted = 0;
      if (reader.readInt(1) == 1) {
        long wastedBits = reader.readUnary() + 1;
        if (wastedBits >= sampleBits) {
          throw AudioRejectedException.malformed(
              wastedBits + " wasted bits leave no bits of a " + sampleBits + "-bit sample");
        }
        wasted = (int) wastedBits;
      }
      int bits = sampleBits - wasted;
      if (type == 0) {
        Arrays.fill(samples, 0, blockSize, reader.readSigned(bits));
      } else if (type == 1) {
        for (int i = 0; i < blockSize; i++) {
          samples[i] = reader.readSigned(bits);
        }
      } else if (type >= 8 && type <= 12) {
        decodeFixed(samples, blockSize, bits, type - 8);
      } else if (type >= 32) {
        decodeLpc(samples, blockSize, bits, type - 31);
      } else {
        throw AudioRejectedException.malformed("reserved subframe type " + type);
      }
      if (wasted > 0) {
        for (int i = 0; i < blockSize; i++) {
          samples[i] <<= wasted;
        }
      }
    }

    private void readWarmUp(long[] samples, int blockSize, int bits, int order)
        throws AudioRejectedException {
      if (order > blockSize) {
        throw AudioRejectedException.malformed(
            "predictor order " + order + " exceeds the block size " + blockSize);
      }
      for (int i = 0; i < order; i++) {
        samples[i] = reader.readSigned(bits);
      }
    }

    private void decodeFixed(long[] samples, int blockSize, int bits, int order)
        throws AudioRejectedException {
      readWarmUp(samples, blockSize, bits, order);
      readResidual(samples, blockSize, order);
      long min = -(1L << (bits - 1));
      long max = (1L << (bits - 1)) - 1;
      for (int i = order; i < blockSize; i++) {
        long prediction =
            switch (order) {
              case 0 -> 0;
              case 1 -> samples[i - 1];
              case 2 -> 2 * samples[i - 1] - samples[i - 2];
              case 3 -> 3 * samples[i - 1] - 3 * samples[i - 2] + samples[i - 3];
              default ->
                  4 * samples[i - 1] - 6 * samples[i - 2] + 4 * samples[i - 3] - samples[i - 4];
            };
        samples[i] = checkedSample(samples[i] + prediction, min, max, bits);
      }
    }

    private void decodeLpc(long[] samples, int blockSize, int bits, int order)
        throws AudioRejectedException {
      readWarmUp(samples, blockSize, bits, order);
      int precision = reader.readInt(4) + 1;
      if (precision == 16) {
        throw AudioRejectedException.malformed("invalid LPC coefficient precision code 15");
      }
      int shift = (int) reader.readSigned(5);
      if (shift < 0) {
        throw AudioRejectedException.malformed("negative LPC shift " + shift);
      }
      long[] coefficients = lpcCoefficients;
      for (int j = 0; j < order; j++) {
        coefficients[j] = reader.readSigned(precision);
      }
      readResidual(samples, blockSize, order);
      long min = -(1L << (bits - 1));
      long max = (1L << (bits - 1)) - 1;
      // Samples are at most 33 bits and coefficients 15 bits, so 32 products stay far inside a
      // long.
      for (int i = order; i < blockSize; i++) {
        long sum = 0;
        for (int j = 0; j < order; j++) {
          sum += coefficients[j] * samples[i - 1 - j];
        }
        samples[i] = checkedSample(samples[i] + (sum >> shift), min, max, bits);
      }
    }

    private long checkedSample(long value, long min, long max, int bits)
        throws AudioRejectedException {
      if (value < min || value > max) {
        throw AudioRejectedException.malformed(
            "predicted sample " + value + " does not fit in " + bits + " bits");
      }
      return value;
    }

    /** Rice-coded residual into {@code samples[order .. blockSize)}. */
    private void readResidual(long[] samples, int blockSize, int order)
        throws AudioRejectedException {
      int method = reader.readInt(2);
      if (method > 1) {
        throw AudioRejectedException.malformed("reserved residual coding method " + method);
      }
      int parameterBits = method == 0 ? 4 : 5;
      int escape = (1 << parameterBits) - 1;
      int partitionOrder = reader.readInt(4);
      int partitionSize = blockSize >> partitionOrder;
      if (partitionSize << partitionOrder != blockSize || partitionSize < order) {
        throw AudioRejectedException.malformed(
            "block size "
                + blockSize
                + " cannot be split into 2^"
                + partitionOrder
                + " residual partitions with predictor order "
                + order);
      }
      int i = order;
      for (int partitionEnd = partitionSize;
          partitionEnd <= blockSize;
          partitionEnd += partitionSize) {
        int parameter = reader.readInt(parameterBits);
        if (parameter == escape) {
          int rawBits = reader.readInt(5);
          for (; i < partitionEnd; i++) {
            samples[i] = reader.readSigned(rawBits);
          }
          continue;
        }
        long maxQuotient = 0xFFFF_FFFFL >>> parameter;
        for (; i < partitionEnd; i++) {
          long quotient = reader.readUnary();
          if (quotient > maxQuotient) {
            throw AudioRejectedException.malformed("a residual does not fit in 32 bits");
          }
          long folded = quotient << parameter | reader.readBits(parameter);
          samples[i] = (folded >>> 1) ^ -(folded & 1);
        }
      }
    }

    private void decorrelate(int channelCode, int blockSize) {
      if (channelCode < LEFT_SIDE) {
        return;
      }
      long[] first = channelSamples[0];
      long[] second = channelSamples[1];
      for (int i = 0; i < blockSize; i++) {
        long a = first[i];
        long b = second[i];
        switch (channelCode) {
          case LEFT_SIDE -> second[i] = a - b;
          case RIGHT_SIDE -> first[i] = a + b;
          default -> {
            long mid = a << 1 | (b & 1);
            first[i] = (mid + b) >> 1;
            second[i] = (mid - b) >> 1;
          }
        }
      }
    }

    private void checkSampleRange(int blockSize, int bits) throws AudioRejectedException {
      long min = -(1L << (bits - 1));
      long max = (1L << (bits - 1)) - 1;
      for (long[] samples : channelSamples) {
        for (int i = 0; i < blockSize; i++) {
          if (samples[i] < min || samples[i] > max) {
            throw AudioRejectedException.malformed(
                "sample value " + samples[i] + " is beyond the declared " + bits + " bits");
          }
        }
      }
    }

    /** The MD5 covers interleaved little-endian samples of (bits + 7) / 8 bytes each. */
    private void updateMd5(int blockSize) {
      int n = 0;
      for (int i = 0; i < blockSize; i++) {
        for (long[] samples : channelSamples) {
          long value = samples[i];
          for (int b = 0; b < bytesPerSample; b++) {
            md5Bytes[n++] = (byte) (value >> (8 * b));
          }
        }
      }
      md5.update(md5Bytes, 0, n);
    }
  }

  private static MessageDigest newMd5() {
    try {
      return MessageDigest.getInstance("MD5");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform must provide MD5", e);
    }
  }

  /** Appends frames as floats, one array per channel, growing with what was actually decoded. */
  private static final class ChannelCollector implements FrameSink {

    private static final int INITIAL_CAPACITY = 1 << 16;
    private static final int MAX_ARRAY = Integer.MAX_VALUE - 8;

    private final double scale;
    private final float[][] channels;
    private int size;

    ChannelCollector(int channelCount, int bitsPerSample) {
      this.scale = 1.0 / (1L << (bitsPerSample - 1));
      this.channels = new float[channelCount][INITIAL_CAPACITY];
    }

    @Override
    public void accept(long[][] decoded, int blockSize) throws AudioRejectedException {
      if (size + (long) blockSize > MAX_ARRAY) {
        throw AudioRejectedException.tooLarge(
            "the audio has more samples than can be decoded at once");
      }
      int capacity = channels[0].length;
      if (size + blockSize > capacity) {
        long grown = Math.max(size + (long) blockSize, capacity + (long) (capacity >> 1));
        for (int c = 0; c < channels.length; c++) {
          channels[c] = Arrays.copyOf(channels[c], (int) Math.min(grown, MAX_ARRAY));
        }
      }
      for (int c = 0; c < channels.length; c++) {
        float[] target = channels[c];
        long[] source = decoded[c];
        for (int i = 0; i < blockSize; i++) {
          target[size + i] = (float) (source[i] * scale);
        }
      }
      size += blockSize;
    }

    float[][] toArrays() {
      float[][] out = new float[channels.length][];
      for (int c = 0; c < channels.length; c++) {
        out[c] = Arrays.copyOf(channels[c], size);
      }
      return out;
    }
  }
}
