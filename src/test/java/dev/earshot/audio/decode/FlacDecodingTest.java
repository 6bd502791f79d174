package dev.earshot.audio.decode;

import static dev.earshot.audio.decode.AudioRejectedException.Reason.MALFORMED;
import static dev.earshot.audio.decode.AudioRejectedException.Reason.TOO_LARGE;
import static dev.earshot.audio.decode.WavRejectionTest.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FlacDecodingTest {

  /** Offset of the STREAMINFO body in a file that starts with "fLaC". */
  private static final int STREAMINFO = 8;

  private static final int TOTAL_SAMPLES_BIT = 108;

  private final AudioDecoder decoder = new AudioDecoder(AudioLimits.DEFAULTS);

  @ParameterizedTest
  @CsvSource({
    "mono16.flac, mono16.wav, 16000, 1, 16, 16000",
    "mono16-fixed.flac, mono16.wav, 16000, 1, 16, 16000",
    "stereo44k.flac, stereo44k.wav, 44100, 2, 16, 19845",
    "tones24-lpc.flac, tones24.wav, 16000, 1, 24, 4000",
    "uniform16-verbatim.flac, uniform16.wav, 8000, 1, 16, 2000",
    "mono8.flac, mono8.wav, 12000, 1, 8, 6000",
    "odd11025-b1001.flac, odd11025.wav, 11025, 1, 16, 6064",
    "wasted37800.flac, wasted37800.wav, 37800, 1, 16, 5670",
    "mono32.flac, mono32.wav, 16000, 1, 32, 3200"
  })
  void shouldDecodeFlacExactlyLikeItsWavCompanion(
      String flacName, String wavName, int rate, int channels, int bits, long frames)
      throws Exception {
    ByteBuffer flac = ByteBuffer.wrap(fixture(flacName));
    MonoAudio expected = decoder.decodeMono(ByteBuffer.wrap(fixture(wavName)));

    MonoAudio decoded = decoder.decodeMono(flac);

    assertThat(decoded.sampleRate()).isEqualTo(rate);
    assertThat(decoded.samples()).containsExactly(expected.samples());
    assertThat(decoder.inspect(flac))
        .isEqualTo(new AudioInfo(AudioFormat.FLAC, rate, channels, bits, frames));
  }

  @Test
  void shouldDecodeSilentFileOfConstantSubframes() throws Exception {
    MonoAudio silence = decoder.decodeMono(ByteBuffer.wrap(fixture("silence.flac")));

    assertThat(silence.samples()).hasSize(8000).containsOnly(0f);
  }

  @Test
  void shouldDecodeForAnalysisAtSixteenKilohertz() throws Exception {
    MonoAudio analysis = decoder.decodeForAnalysis(ByteBuffer.wrap(fixture("stereo44k.flac")));

    assertThat(analysis.sampleRate()).isEqualTo(16000);
    assertThat(analysis.samples()).hasSize(7200);
  }

  @Test
  void shouldKeepBothChannelsOfAStereoFlacAtItsOwnRate() throws Exception {
    NativeAudio flac = decoder.decodeNative(ByteBuffer.wrap(fixture("stereo44k.flac")));
    NativeAudio wav = decoder.decodeNative(ByteBuffer.wrap(fixture("stereo44k.wav")));

    assertThat(flac.sampleRate()).isEqualTo(44100);
    assertThat(flac.channelCount()).isEqualTo(2);
    assertThat(flac.channels()[0]).containsExactly(wav.channels()[0]);
    assertThat(flac.channels()[1]).containsExactly(wav.channels()[1]);
  }

  @Test
  void shouldDecodeEscapeCodedAndFiveBitRiceResiduals() throws Exception {
    TestFlac.Bits subframe =
        new TestFlac.Bits()
            .put(1, 0)
            .put(6, 8 + 1)
            .put(1, 0) // FIXED order 1, no wasted bits
            .put(16, 100) // warm-up sample
            .put(2, 1)
            .put(4, 1) // 5-bit Rice parameters, two partitions of two samples
            .put(5, 31)
            .put(5, 4)
            .put(4, 3) // escape: one raw 4-bit residual, 3
            .put(5, 2)
            .rice(2, -1)
            .rice(2, 5);
    byte[] flac =
        TestWav.concat(TestFlac.header(16, 8000, 1, 16, 4), TestFlac.frame(0, 4, 0, 4, subframe));

    assertThat(decoder.decodeMono(ByteBuffer.wrap(flac)).samples())
        .containsExactly(100 / 32768f, 103 / 32768f, 102 / 32768f, 107 / 32768f);
  }

  @Test
  void shouldDecode33BitSideChannelOf32BitStereo() throws Exception {
    TestFlac.Bits subframes =
        new TestFlac.Bits()
            .put(8, 0)
            .put(32, Integer.MIN_VALUE) // left: CONSTANT -2^31
            .put(8, 0)
            .put(33, -(1L << 32) + (1L << 8)); // side: CONSTANT, needs 33 bits
    byte[] flac =
        TestWav.concat(
            TestFlac.header(16, 8000, 2, 32, 16), TestFlac.frame(0, 16, 8, 7, subframes));

    // right = left - side = 2^31 - 2^8: a value a float channel holds exactly.
    double right = ((1L << 31) - (1L << 8)) / (double) (1L << 31);
    assertThat(decoder.decodeNative(ByteBuffer.wrap(flac)).channels()[1])
        .containsOnly((float) right);
    assertThat(decoder.decodeMono(ByteBuffer.wrap(flac)).samples())
        .containsOnly((float) ((-1.0 + right) / 2));
  }

  @Test
  void shouldRejectSamplesBeyondTheDeclaredBits() {
    TestFlac.Bits subframes =
        new TestFlac.Bits()
            .put(8, 0)
            .put(16, 32767) // left: CONSTANT
            .put(8, 0)
            .put(17, -32768); // side: right = left - side = 65535
    byte[] flac =
        TestWav.concat(
            TestFlac.header(16, 8000, 2, 16, 16), TestFlac.frame(0, 16, 8, 4, subframes));

    assertRejected(
        flac, MALFORMED, "FLAC frame 0: sample value 65535 is beyond the declared 16 bits");
  }

  @Test
  void shouldRejectReservedSubframeType() {
    TestFlac.Bits subframe = new TestFlac.Bits().put(1, 0).put(6, 2).put(1, 0).put(32, 0);
    byte[] flac =
        TestWav.concat(TestFlac.header(16, 8000, 1, 16, 16), TestFlac.frame(0, 16, 0, 4, subframe));

    assertRejected(flac, MALFORMED, "FLAC frame 0: reserved subframe type 2");
  }

  @Test
  void shouldRejectReservedChannelAssignment() {
    byte[] flac =
        TestWav.concat(
            TestFlac.header(16, 8000, 2, 16, 16),
            TestFlac.frame(0, 16, 11, 4, new TestFlac.Bits().put(8, 0)));

    assertRejected(flac, MALFORMED, "FLAC frame 0: reserved channel assignment 11");
  }

  @Test
  void shouldRejectMd5Mismatch() {
    byte[] flac = fixture("mono16.flac");
    flac[STREAMINFO + 20] ^= 1;

    assertRejected(flac, MALFORMED, "FLAC MD5 mismatch");
  }

  @Test
  void shouldRejectFrameCrc16Mismatch() {
    byte[] flac = fixture("mono16.flac");
    flac[flac.length - 1] ^= 0x10;

    assertRejected(flac, MALFORMED, "FLAC frame 3: CRC-16 mismatch");
  }

  @Test
  void shouldRejectHeaderCrc8Mismatch() {
    byte[] flac = fixture("mono16.flac");
    // Frame 0 header: sync and codes (4 bytes), frame number (1 byte), then the CRC-8.
    flac[firstFrameOffset(flac) + 5] ^= 1;

    assertRejected(flac, MALFORMED, "FLAC frame 0: header CRC-8 mismatch");
  }

  @Test
  void shouldRejectStreamCutInsideAFrame() {
    byte[] flac = fixture("mono16.flac");

    // The last frame (frame 3) is the silent tail: a few bytes, so the cut lands in frame 2.
    assertRejected(
        Arrays.copyOf(flac, flac.length - 100),
        MALFORMED,
        "FLAC frame 2: the bitstream ends unexpectedly");
  }

  @Test
  void shouldRejectStreamCutAtAFrameBoundary() {
    // flac -a reports the last frame of this fixture (58 samples) at byte 18207.
    byte[] flac = Arrays.copyOf(fixture("odd11025-b1001.flac"), 18207);

    assertRejected(
        flac,
        MALFORMED,
        "truncated: FLAC STREAMINFO declares 6064 samples but the frames hold 6006");
  }

  @Test
  void shouldRejectTinyFileClaimingTwoToThe36SamplesBeforeDecoding() {
    byte[] flac = Arrays.copyOf(fixture("mono16.flac"), STREAMINFO + 34);
    flac[4] = (byte) 0x80; // STREAMINFO is now the last metadata block: no frames at all
    patchStreamInfo(flac, TOTAL_SAMPLES_BIT, 36, (1L << 36) - 1);

    assertRejected(flac, TOO_LARGE, "the limit is 1800 s");
  }

  @Test
  void shouldEnforceDurationLimitWhileDecodingWhenTotalIsUnknown() throws Exception {
    byte[] flac = fixture("mono16.flac");
    patchStreamInfo(flac, TOTAL_SAMPLES_BIT, 36, 0);
    AudioDecoder halfSecond = new AudioDecoder(new AudioLimits(1_000_000, 0.5));

    AudioRejectedException rejection =
        catchThrowableOfType(
            AudioRejectedException.class, () -> halfSecond.decodeMono(ByteBuffer.wrap(flac)));

    assertThat(rejection.reason()).isEqualTo(TOO_LARGE);
    assertThat(rejection.getMessage()).startsWith("FLAC frame 1: ").contains("the limit is 0.5 s");
    assertThat(decoder.inspect(ByteBuffer.wrap(flac)).frames()).isEqualTo(16000);
  }

  // STREAMINFO bit offsets: minimum block size 0, sample rate 80, bits per sample - 1 at 103.
  @ParameterizedTest
  @CsvSource({
    "80, 20, 0, sample rate 0 Hz",
    "80, 20, 800000, sample rate 800000 Hz",
    "103, 5, 2, 3 bits per sample",
    "0, 16, 8, block sizes 8 to 4096"
  })
  void shouldRejectImpossibleStreamInfo(int bit, int width, long value, String problem) {
    byte[] flac = fixture("mono16.flac");
    patchStreamInfo(flac, bit, width, value);

    assertRejected(flac, MALFORMED, "impossible FLAC STREAMINFO", problem);
  }

  @Test
  void shouldRejectStreamThatDoesNotStartWithStreamInfo() {
    byte[] flac = fixture("mono16.flac");
    flac[4] = 1; // PADDING

    assertRejected(flac, MALFORMED, "does not start with a STREAMINFO block");
  }

  @Test
  void shouldRejectMetadataBlockLongerThanTheFile() {
    byte[] flac = fixture("mono16.flac");
    flac[5] = (byte) 0xFF;

    assertRejected(flac, MALFORMED, "FLAC metadata block of type 0 declares 16711714 bytes");
  }

  static byte[] fixture(String name) {
    try (InputStream in = FlacDecodingTest.class.getResourceAsStream("/audio/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing fixture " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Offset just after the metadata blocks. */
  static int firstFrameOffset(byte[] flac) {
    int offset = 4;
    boolean last = false;
    while (!last) {
      last = (flac[offset] & 0x80) != 0;
      int length =
          (flac[offset + 1] & 0xFF) << 16
              | (flac[offset + 2] & 0xFF) << 8
              | (flac[offset + 3] & 0xFF);
      offset += 4 + length;
    }
    return offset;
  }

  /** Overwrites {@code width} bits at {@code bitOffset} within the STREAMINFO body, big-endian. */
  static void patchStreamInfo(byte[] flac, int bitOffset, int width, long value) {
    for (int i = 0; i < width; i++) {
      int bit = bitOffset + i;
      int index = STREAMINFO + bit / 8;
      int mask = 0x80 >> (bit % 8);
      boolean set = ((value >>> (width - 1 - i)) & 1) != 0;
      flac[index] = (byte) (set ? flac[index] | mask : flac[index] & ~mask);
    }
  }
}
