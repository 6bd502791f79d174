package dev.earshot.audio.decode;

import static dev.earshot.audio.decode.TestWav.IEEE_FLOAT;
import static dev.earshot.audio.decode.TestWav.PCM;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Thousands of seeded hostile inputs: every one must decode or end in {@link
 * AudioRejectedException}, never in another exception or error.
 */
class AudioFuzzTest {

  private static final long SEED = 20_241_126L;
  private static final int RANDOM_FILES = 600;
  private static final int FLIPS_PER_SEED = 160;
  private static final int TRUNCATIONS_PER_SEED = 40;
  private static final int FIELD_CHANGES_PER_SEED = 80;
  private static final int HAND_BUILT_FRAMES = 1200;
  private static final int[] FLAC_BITS = {4, 8, 12, 16, 20, 24, 32};

  /**
   * Bit offsets and widths of STREAMINFO fields: block sizes, frame sizes, rate, channels, bits,
   * total.
   */
  private static final int[][] STREAMINFO_FIELDS = {
    {0, 16}, {16, 16}, {32, 24}, {56, 24}, {80, 20}, {100, 3}, {103, 5}, {108, 36}
  };

  /**
   * Byte offsets and widths of fmt fields after "fmt " + size: tag, channels, rate, byte rate,
   * align, bits.
   */
  private static final int[][] FMT_FIELDS = {{0, 2}, {2, 2}, {4, 4}, {8, 4}, {12, 2}, {14, 2}};

  private final Random random = new Random(SEED);
  private final AudioDecoder decoder = new AudioDecoder(new AudioLimits(10_000_000, 60));
  private final List<String> failures = new ArrayList<>();
  private int cases;

  @Test
  void shouldDecodeOrRejectEveryMutatedFile() {
    fuzzRandomBytes();
    for (byte[] wav : wavSeeds()) {
      fuzzSeed("wav", wav, 0);
      fuzzWavFields(wav);
    }
    for (String name :
        new String[] {
          "odd11025-b1001.flac",
          "wasted37800.flac",
          "uniform16-verbatim.flac",
          "silence.flac",
          "mono8.flac",
          "tones24-lpc.flac",
          "mono32.flac",
          "stereo44k.flac"
        }) {
      byte[] flac = FlacDecodingTest.fixture(name);
      fuzzSeed(name, flac, FlacDecodingTest.firstFrameOffset(flac));
      fuzzFlacFields(name, flac);
    }
    fuzzHandBuiltFlacFrames();

    assertThat(cases).isGreaterThan(4000);
    assertThat(failures).isEmpty();
  }

  private void fuzzRandomBytes() {
    byte[][] prefixes = {
      new byte[0],
      TestWav.ascii("RIFF\0\0\0\0WAVE"),
      TestWav.ascii("fLaC"),
      TestWav.ascii("ID3\4\0\0\0\0\0\0fLaC"),
      TestWav.ascii("RIFF\0\0\0\0WAVEfmt \20\0\0\0")
    };
    for (int i = 0; i < RANDOM_FILES; i++) {
      byte[] prefix = prefixes[i % prefixes.length];
      byte[] noise = new byte[random.nextInt(600)];
      random.nextBytes(noise);
      check("random #" + i, TestWav.concat(prefix, noise));
    }
  }

  /**
   * Bit flips (half of them aimed past {@code bodyStart}, into the audio frames) and truncations.
   */
  private void fuzzSeed(String name, byte[] seed, int bodyStart) {
    for (int i = 0; i < FLIPS_PER_SEED; i++) {
      byte[] file = seed.clone();
      int flips = 1 + random.nextInt(8);
      for (int f = 0; f < flips; f++) {
        int from = random.nextBoolean() ? bodyStart : 0;
        int index = from + random.nextInt(file.length - from);
        file[index] ^= (byte) (1 << random.nextInt(8));
      }
      check(name + " flip #" + i, file);
    }
    for (int i = 0; i < TRUNCATIONS_PER_SEED; i++) {
      check(name + " truncation #" + i, Arrays.copyOf(seed, random.nextInt(seed.length)));
    }
  }

  private void fuzzWavFields(byte[] wav) {
    int fmt = indexOf(wav, TestWav.ascii("fmt ")) + 8;
    int data = indexOf(wav, TestWav.ascii("data"));
    for (int i = 0; i < FIELD_CHANGES_PER_SEED; i++) {
      byte[] file = wav.clone();
      int choice = random.nextInt(FMT_FIELDS.length + 3);
      if (choice < FMT_FIELDS.length) {
        writeLittleEndian(
            file, fmt + FMT_FIELDS[choice][0], FMT_FIELDS[choice][1], randomFieldValue());
      } else if (choice == FMT_FIELDS.length) {
        writeLittleEndian(file, data + 4, 4, randomFieldValue());
      } else if (choice == FMT_FIELDS.length + 1) {
        writeLittleEndian(file, fmt - 4, 4, randomFieldValue());
      } else {
        writeLittleEndian(file, 4, 4, randomFieldValue());
      }
      check("wav field #" + i, file);
    }
  }

  private void fuzzFlacFields(String name, byte[] flac) {
    int firstFrame = FlacDecodingTest.firstFrameOffset(flac);
    for (int i = 0; i < FIELD_CHANGES_PER_SEED; i++) {
      byte[] file = flac.clone();
      int choice = random.nextInt(3);
      if (choice == 0) {
        int blockSize = 16 + random.nextInt(4096);
        FlacDecodingTest.patchStreamInfo(file, 0, 16, blockSize);
        FlacDecodingTest.patchStreamInfo(file, 16, 16, blockSize);
      } else if (choice == 1) {
        int[] field = STREAMINFO_FIELDS[random.nextInt(STREAMINFO_FIELDS.length)];
        FlacDecodingTest.patchStreamInfo(file, field[0], field[1], randomFieldValue());
      } else {
        // Frame header codes: block size, rate, channels, bits, and the bytes after them.
        file[firstFrame + 2 + random.nextInt(6)] = (byte) random.nextInt(256);
      }
      check(name + " field #" + i, file);
    }
  }

  /**
   * Frames with valid header CRCs but random codes and random subframe bits (often behind a
   * well-formed subframe header), so that the subframe and residual decoders see hostile input, not
   * just CRC failures.
   */
  private void fuzzHandBuiltFlacFrames() {
    for (int i = 0; i < HAND_BUILT_FRAMES; i++) {
      int maxBlockSize = 16 + random.nextInt(2048);
      int channels = 1 + random.nextInt(8);
      int bits = FLAC_BITS[random.nextInt(FLAC_BITS.length)];
      int blockSize = 1 + random.nextInt(maxBlockSize + 64);
      int channelCode = random.nextInt(100) < 70 ? channels - 1 : random.nextInt(16);
      TestFlac.Bits subframes = new TestFlac.Bits();
      if (random.nextBoolean()) {
        int[] types = {0, 1, 8 + random.nextInt(5), 32 + random.nextInt(32), random.nextInt(64)};
        subframes.put(1, 0).put(6, types[random.nextInt(types.length)]).put(1, random.nextInt(2));
      }
      for (int b = random.nextInt(blockSize * channels * 3 + 8); b > 0; b--) {
        subframes.put(8, random.nextInt(256));
      }
      byte[] header =
          TestFlac.header(maxBlockSize, 8000, channels, bits, random.nextInt(3) * blockSize);
      byte[] frame = TestFlac.frame(0, blockSize, channelCode, random.nextInt(8), subframes);
      check("hand-built frame #" + i, TestWav.concat(header, frame));
    }
  }

  /** Small, boundary and fully random values, as hostile headers use them. */
  private long randomFieldValue() {
    return switch (random.nextInt(4)) {
      case 0 -> random.nextInt(64);
      case 1 ->
          new long[] {0, 1, 0xFF, 0xFFFF, 0x7FFF_FFFFL, 0xFFFF_FFFFL, 1L << 36}[random.nextInt(7)];
      case 2 -> random.nextInt(1 << 20);
      default -> random.nextLong();
    };
  }

  private void check(String description, byte[] file) {
    cases++;
    for (boolean decode : new boolean[] {false, true}) {
      try {
        if (decode) {
          decoder.decodeMono(ByteBuffer.wrap(file));
        } else {
          decoder.inspect(ByteBuffer.wrap(file));
        }
      } catch (AudioRejectedException expected) {
        assertThat(expected.getMessage()).isNotBlank();
      } catch (RuntimeException | Error unexpected) {
        failures.add(description + (decode ? " decodeMono: " : " inspect: ") + unexpected);
      }
    }
  }

  private static List<byte[]> wavSeeds() {
    float[] left = new float[300];
    float[] right = new float[300];
    for (int i = 0; i < left.length; i++) {
      left[i] = (float) Math.sin(i * 0.1);
      right[i] = (float) Math.cos(i * 0.07) * 0.5f;
    }
    byte[] list = TestWav.chunk("LIST", TestWav.ascii("INFOISFT\3\0\0\0abc"));
    return List.of(
        WavWriter.pcm16(new float[][] {left, right}, 44100),
        TestWav.riff(
            TestWav.fmt(PCM, 1, 8000, 8), TestWav.data(TestWav.u8(1, 2, 3, 250, 128, 7, 9))),
        TestWav.riff(list, TestWav.data(TestWav.f32(left)), TestWav.fmt(IEEE_FLOAT, 2, 22050, 32)),
        TestWav.riff(
            TestWav.fmtExtensible(PCM, 3, 48000, 24, 20),
            TestWav.data(TestWav.s24(1, -2, 3, 4, 5, 6))),
        TestWav.riff(
            TestWav.fmt(IEEE_FLOAT, 1, 16000, 64), TestWav.data(TestWav.f64(0.5, -0.5, 0.25))));
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
        return i;
      }
    }
    throw new IllegalArgumentException("not found");
  }

  private static void writeLittleEndian(byte[] file, int offset, int width, long value) {
    for (int i = 0; i < width; i++) {
      file[offset + i] = (byte) (value >>> (8 * i));
    }
  }
}
