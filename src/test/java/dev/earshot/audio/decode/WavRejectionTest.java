package dev.earshot.audio.decode;

import static dev.earshot.audio.decode.AudioRejectedException.Reason.MALFORMED;
import static dev.earshot.audio.decode.AudioRejectedException.Reason.TOO_LARGE;
import static dev.earshot.audio.decode.AudioRejectedException.Reason.UNSUPPORTED_FORMAT;
import static dev.earshot.audio.decode.TestWav.IEEE_FLOAT;
import static dev.earshot.audio.decode.TestWav.PCM;
import static dev.earshot.audio.decode.TestWav.chunk;
import static dev.earshot.audio.decode.TestWav.concat;
import static dev.earshot.audio.decode.TestWav.data;
import static dev.earshot.audio.decode.TestWav.f32;
import static dev.earshot.audio.decode.TestWav.f64;
import static dev.earshot.audio.decode.TestWav.fmt;
import static dev.earshot.audio.decode.TestWav.fmtBody;
import static dev.earshot.audio.decode.TestWav.fmtExtensible;
import static dev.earshot.audio.decode.TestWav.riff;
import static dev.earshot.audio.decode.TestWav.s16;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.earshot.audio.decode.AudioRejectedException.Reason;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WavRejectionTest {

  private static final byte[] ONE_SAMPLE = data(s16(1));

  @ParameterizedTest
  @CsvSource({
    "2, Microsoft ADPCM",
    "17, IMA ADPCM",
    "6, A-law",
    "7, \u00b5-law",
    "49, GSM 6.10",
    "80, MPEG",
    "85, MP3",
    "4660, format tag 0x1234"
  })
  void shouldRejectCompressedWavNamingTheCodec(int formatTag, String codec) {
    byte[] wav = riff(fmt(formatTag, 1, 8000, 4, 256), ONE_SAMPLE);

    assertRejected(wav, UNSUPPORTED_FORMAT, "WAV with " + codec, "export PCM WAV or FLAC");
  }

  @Test
  void shouldRejectImaAdpcmWithActionableMessage() {
    byte[] wav = riff(fmt(0x11, 1, 8000, 4, 256), ONE_SAMPLE);

    assertRejected(
        wav,
        UNSUPPORTED_FORMAT,
        "WAV with IMA ADPCM compression is not supported; export PCM WAV or FLAC");
  }

  @Test
  void shouldRejectExtensibleWithCompressedSubFormat() {
    byte[] wav = riff(fmtExtensible(0x11, 1, 8000, 16, 16), ONE_SAMPLE);

    assertRejected(wav, UNSUPPORTED_FORMAT, "IMA ADPCM");
  }

  @Test
  void shouldRejectExtensibleWithForeignSubFormatGuid() {
    byte[] ambisonic = new byte[16];
    Arrays.fill(ambisonic, (byte) 0x42);
    byte[] wav = riff(fmtExtensible(ambisonic, 1, 8000, 16, 16), ONE_SAMPLE);

    assertRejected(wav, UNSUPPORTED_FORMAT, "sub-format {42424242-4242-4242-4242-424242424242}");
  }

  @ParameterizedTest
  @CsvSource({
    "0, 16000, 16, 0, 0 channels",
    "33, 16000, 16, 66, 33 channels",
    "1, 999, 16, 2, sample rate 999 Hz",
    "1, 768001, 16, 2, sample rate 768001 Hz",
    "1, 16000, 12, 2, 12 bits per sample for PCM",
    "1, 16000, 0, 0, 0 bits per sample",
    "2, 16000, 16, 2, block align 2 is not 2 channels \u00d7 2 bytes"
  })
  void shouldRejectImpossiblePcmHeaderWithTheNumbers(
      int channels, int rate, int bits, int blockAlign, String problem) {
    byte[] wav = riff(fmt(PCM, channels, rate, bits, blockAlign), ONE_SAMPLE);

    assertRejected(wav, MALFORMED, "impossible WAV header", problem);
  }

  @Test
  void shouldRejectSixteenBitFloat() {
    byte[] wav = riff(fmt(IEEE_FLOAT, 1, 16000, 16), ONE_SAMPLE);

    assertRejected(wav, MALFORMED, "16 bits per sample for float");
  }

  @Test
  void shouldRejectShortFmtChunk() {
    byte[] shortFmt = chunk("fmt ", Arrays.copyOf(fmtBody(PCM, 1, 16000, 16, 2), 14));

    assertRejected(riff(shortFmt, ONE_SAMPLE), MALFORMED, "fmt chunk is too short: 14 bytes");
  }

  @Test
  void shouldRejectShortExtensibleFmtChunk() {
    byte[] shortFmt = chunk("fmt ", fmtBody(TestWav.EXTENSIBLE, 1, 16000, 16, 2));

    assertRejected(
        riff(shortFmt, ONE_SAMPLE), MALFORMED, "EXTENSIBLE fmt chunk is too short: 16 bytes");
  }

  @Test
  void shouldRejectMoreValidBitsThanTheContainer() {
    byte[] wav = riff(fmtExtensible(PCM, 1, 16000, 16, 24), ONE_SAMPLE);

    assertRejected(wav, MALFORMED, "24 valid bits in a 16-bit container");
  }

  @Test
  void shouldRejectWavWithoutFmtChunk() {
    assertRejected(riff(ONE_SAMPLE), MALFORMED, "no fmt chunk");
  }

  @Test
  void shouldRejectWavWithoutDataChunk() {
    assertRejected(riff(fmt(PCM, 1, 16000, 16)), MALFORMED, "no data chunk");
  }

  @Test
  void shouldRejectTruncatedWav() {
    byte[] wav = riff(fmt(PCM, 1, 16000, 16), chunk("data", 1000, s16(1, 2, 3)));

    assertRejected(wav, MALFORMED, "truncated: data chunk declares 1000 bytes but only 6 remain");
  }

  @Test
  void shouldRejectTinyFileClaimingFourGigabytesOfDataWithoutAllocatingIt() {
    byte[] wav = riff(fmt(PCM, 2, 48000, 32), chunk("data", 0xFFFF_FFF0L, new byte[16]));

    assertRejected(wav, MALFORMED, "declares 4294967280 bytes but only 16 remain");
  }

  @Test
  void shouldRejectTruncatedChunkBeforeTheAudio() {
    byte[] wav = riff(chunk("LIST", 400, new byte[8]), fmt(PCM, 1, 16000, 16), ONE_SAMPLE);

    assertRejected(wav, MALFORMED, "'LIST' chunk declares 400 bytes");
  }

  @Test
  void shouldRejectDataChunkWithoutCompleteFrame() {
    assertRejected(riff(fmt(PCM, 2, 16000, 16), data(new byte[3])), MALFORMED, "no audio frames");
    assertRejected(riff(fmt(PCM, 1, 16000, 16), data(new byte[0])), MALFORMED, "no audio frames");
  }

  @Test
  void shouldRejectDuplicateDataChunks() {
    assertRejected(
        riff(fmt(PCM, 1, 16000, 16), ONE_SAMPLE, ONE_SAMPLE),
        MALFORMED,
        "more than one data chunk");
  }

  @Test
  void shouldRejectNanFloatSampleNamingTheFrame() {
    byte[] wav = riff(fmt(IEEE_FLOAT, 2, 16000, 32), data(f32(0, 0, 0.5f, 0.5f, 0.1f, Float.NaN)));

    assertRejected(wav, MALFORMED, "frame 2, channel 1 is NaN");
  }

  @Test
  void shouldRejectInfiniteDoubleSampleNamingTheFrame() {
    byte[] wav = riff(fmt(IEEE_FLOAT, 1, 16000, 64), data(f64(0, Double.NEGATIVE_INFINITY)));

    assertRejected(wav, MALFORMED, "frame 1, channel 0 is -Infinity");
  }

  @Test
  void shouldRejectOverlongAudioFromTheHeaderBeforeDecoding() {
    // The NaN at the end would be MALFORMED if the samples were decoded first.
    float[] samples = new float[16001];
    samples[16000] = Float.NaN;
    byte[] wav = riff(fmt(IEEE_FLOAT, 1, 16000, 32), data(f32(samples)));
    AudioDecoder decoder = new AudioDecoder(new AudioLimits(1_000_000, 1.0));

    AudioRejectedException rejection =
        catchThrowableOfType(
            AudioRejectedException.class, () -> decoder.inspect(ByteBuffer.wrap(wav)));

    assertThat(rejection.reason()).isEqualTo(TOO_LARGE);
    assertThat(rejection.getMessage()).contains("1.0 s long; the limit is 1 s");
  }

  @Test
  void shouldAcceptAudioExactlyAtTheDurationLimit() throws Exception {
    byte[] wav = riff(fmt(PCM, 1, 16000, 16), data(new byte[32000]));

    AudioInfo info =
        new AudioDecoder(new AudioLimits(1_000_000, 1.0)).inspect(ByteBuffer.wrap(wav));

    assertThat(info.durationSeconds()).isEqualTo(1.0);
  }

  @Test
  void shouldRejectFileOverTheByteLimit() {
    byte[] wav = riff(fmt(PCM, 1, 16000, 16), data(new byte[2000]));
    AudioDecoder decoder = new AudioDecoder(new AudioLimits(1000, 1800));

    AudioRejectedException rejection =
        catchThrowableOfType(
            AudioRejectedException.class, () -> decoder.decodeMono(ByteBuffer.wrap(wav)));

    assertThat(rejection.reason()).isEqualTo(TOO_LARGE);
    assertThat(rejection.getMessage()).isEqualTo("the file is 2044 bytes; the limit is 1000 bytes");
  }

  @Test
  void shouldRejectTruncatedRiffHeader() {
    assertRejected(
        concat(TestWav.ascii("RIFF"), new byte[4]), MALFORMED, "WAV header is truncated");
  }

  static void assertRejected(byte[] file, Reason reason, String... messageParts) {
    AudioDecoder decoder = new AudioDecoder(AudioLimits.DEFAULTS);
    for (boolean decode : new boolean[] {false, true}) {
      AudioRejectedException rejection =
          catchThrowableOfType(
              AudioRejectedException.class,
              () -> {
                if (decode) {
                  decoder.decodeMono(ByteBuffer.wrap(file));
                } else {
                  decoder.inspect(ByteBuffer.wrap(file));
                }
              });
      assertThat(rejection).as("rejection").isNotNull();
      assertThat(rejection.reason()).as(rejection.getMessage()).isEqualTo(reason);
      assertThat(rejection.getMessage()).contains(messageParts);
    }
  }
}
