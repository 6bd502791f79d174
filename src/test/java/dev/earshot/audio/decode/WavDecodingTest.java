package dev.earshot.audio.decode;

import static dev.earshot.audio.decode.TestWav.IEEE_FLOAT;
import static dev.earshot.audio.decode.TestWav.PCM;
import static dev.earshot.audio.decode.TestWav.ascii;
import static dev.earshot.audio.decode.TestWav.chunk;
import static dev.earshot.audio.decode.TestWav.concat;
import static dev.earshot.audio.decode.TestWav.data;
import static dev.earshot.audio.decode.TestWav.f32;
import static dev.earshot.audio.decode.TestWav.f64;
import static dev.earshot.audio.decode.TestWav.fmt;
import static dev.earshot.audio.decode.TestWav.fmtExtensible;
import static dev.earshot.audio.decode.TestWav.riff;
import static dev.earshot.audio.decode.TestWav.s16;
import static dev.earshot.audio.decode.TestWav.s24;
import static dev.earshot.audio.decode.TestWav.s32;
import static dev.earshot.audio.decode.TestWav.u32;
import static dev.earshot.audio.decode.TestWav.u8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WavDecodingTest {

  private final AudioDecoder decoder = new AudioDecoder(AudioLimits.DEFAULTS);

  @Test
  void shouldDecodeUnsigned8BitPcm() throws Exception {
    byte[] wav = riff(fmt(PCM, 1, 8000, 8), data(u8(0, 128, 255, 64)));

    assertThat(mono(wav)).containsExactly(-1f, 0f, 127 / 128f, -0.5f);
    assertThat(decoder.inspect(ByteBuffer.wrap(wav)))
        .isEqualTo(new AudioInfo(AudioFormat.WAV, 8000, 1, 8, 4));
  }

  @Test
  void shouldDecodeSigned16BitPcm() throws Exception {
    byte[] wav = riff(fmt(PCM, 1, 16000, 16), data(s16(-32768, 0, 32767, 1234)));

    assertThat(mono(wav)).containsExactly(-1f, 0f, 32767 / 32768f, 1234 / 32768f);
  }

  @Test
  void shouldDecodeSigned24BitPcm() throws Exception {
    byte[] wav = riff(fmt(PCM, 1, 48000, 24), data(s24(-8388608, 8388607, -1, 123456)));

    assertThat(mono(wav))
        .containsExactly(
            -1f,
            (float) (8388607 / 8388608.0),
            (float) (-1 / 8388608.0),
            (float) (123456 / 8388608.0));
  }

  @Test
  void shouldDecodeSigned32BitPcm() throws Exception {
    byte[] wav = riff(fmt(PCM, 1, 16000, 32), data(s32(Integer.MIN_VALUE, 1 << 30, 0, -65536)));

    assertThat(mono(wav)).containsExactly(-1f, 0.5f, 0f, (float) (-65536 / 2147483648.0));
  }

  @Test
  void shouldDecodeFloat32AndClipOverFullScale() throws Exception {
    byte[] wav = riff(fmt(IEEE_FLOAT, 1, 16000, 32), data(f32(0.5f, -0.25f, 1.5f, -2f)));

    assertThat(mono(wav)).containsExactly(0.5f, -0.25f, 1f, -1f);
  }

  @Test
  void shouldDecodeFloat64() throws Exception {
    byte[] wav = riff(fmt(IEEE_FLOAT, 1, 16000, 64), data(f64(0.125, -0.75, 0.3)));

    assertThat(mono(wav)).containsExactly(0.125f, -0.75f, 0.3f);
  }

  @Test
  void shouldDecodeExtensiblePcmWithFewerValidBitsThanTheContainer() throws Exception {
    byte[] wav = riff(fmtExtensible(PCM, 1, 48000, 24, 20), data(s24(16 << 4, -(1 << 23))));

    assertThat(mono(wav)).containsExactly((float) (256 / 8388608.0), -1f);
    assertThat(decoder.inspect(ByteBuffer.wrap(wav)).bitsPerSample()).isEqualTo(24);
  }

  @Test
  void shouldDecodeExtensibleFloat() throws Exception {
    byte[] wav = riff(fmtExtensible(IEEE_FLOAT, 1, 16000, 32, 32), data(f32(0.25f, -0.5f)));

    assertThat(mono(wav)).containsExactly(0.25f, -0.5f);
  }

  @Test
  void shouldAverageStereoChannels() throws Exception {
    byte[] wav = riff(fmt(PCM, 2, 16000, 16), data(s16(16384, 0, -32768, 32767, 100, 300)));

    assertThat(mono(wav))
        .containsExactly(0.25f, (float) ((-1 + 32767 / 32768.0) / 2), 200 / 32768f);
    assertThat(decoder.inspect(ByteBuffer.wrap(wav)).channels()).isEqualTo(2);
  }

  @Test
  void shouldAverageSixChannels() throws Exception {
    byte[] wav =
        riff(
            fmtExtensible(PCM, 6, 48000, 16, 16),
            data(s16(600, 1200, -600, 0, 3000, 1800, 6, 6, 6, 6, 6, 6)));

    assertThat(mono(wav)).containsExactly(1000 / 32768f, 6 / 32768f);
  }

  @Test
  void shouldFindFmtAndDataAfterListChunk() throws Exception {
    byte[] list = chunk("LIST", concat(ascii("INFO"), chunk("INAM", ascii("take 1\0"))));
    byte[] wav = riff(list, chunk("bext", new byte[602]), fmt(PCM, 1, 16000, 16), data(s16(1, 2)));

    assertThat(mono(wav)).containsExactly(1 / 32768f, 2 / 32768f);
  }

  @Test
  void shouldFindFmtAfterData() throws Exception {
    byte[] wav = riff(data(s16(5, -5)), fmt(PCM, 1, 22050, 16));

    assertThat(mono(wav)).containsExactly(5 / 32768f, -5 / 32768f);
    assertThat(decoder.inspect(ByteBuffer.wrap(wav)).sampleRate()).isEqualTo(22050);
  }

  @Test
  void shouldSkipPadByteAfterOddSizedChunk() throws Exception {
    byte[] oddJunk = chunk("junk", new byte[] {1, 2, 3});
    assertThat(oddJunk).hasSize(12); // header + 3 bytes + pad byte
    byte[] wav = riff(fmt(PCM, 1, 16000, 16), oddJunk, data(s16(7)));

    assertThat(mono(wav)).containsExactly(7 / 32768f);
  }

  @Test
  void shouldAcceptOddDataChunkWithoutPadByteAtEndOfFile() throws Exception {
    byte[] wav = riff(fmt(PCM, 1, 8000, 8), chunk("data", 3, u8(128, 192, 64)));

    assertThat(mono(wav)).containsExactly(0f, 0.5f, -0.5f);
  }

  @Test
  void shouldIgnoreTrailingPartialFrame() throws Exception {
    byte[] wav = riff(fmt(PCM, 2, 16000, 16), data(concat(s16(100, 300), new byte[] {1, 2, 3})));

    assertThat(decoder.inspect(ByteBuffer.wrap(wav)).frames()).isEqualTo(1);
    assertThat(mono(wav)).containsExactly(200 / 32768f);
  }

  @Test
  void shouldIgnoreRiffSizeFieldLeftByStreamingWriters() throws Exception {
    byte[] wav = riff(fmt(PCM, 1, 16000, 16), data(s16(1, 2, 3)));
    for (long riffSize : new long[] {0, 0xFFFF_FFFFL, 12}) {
      System.arraycopy(u32(riffSize), 0, wav, 4, 4);

      assertThat(mono(wav)).containsExactly(1 / 32768f, 2 / 32768f, 3 / 32768f);
    }
  }

  @Test
  void shouldReadDataToEndOfFileWhenItsSizeIsUnknown() throws Exception {
    byte[] wav = riff(fmt(PCM, 1, 16000, 16), chunk("data", 0xFFFF_FFFFL, s16(4, 5, 6)));

    assertThat(mono(wav)).containsExactly(4 / 32768f, 5 / 32768f, 6 / 32768f);
  }

  @Test
  void shouldIgnoreDamagedMetadataChunkAfterTheAudio() throws Exception {
    byte[] wav = riff(fmt(PCM, 1, 16000, 16), data(s16(9)), chunk("id3 ", 5000, new byte[10]));

    assertThat(mono(wav)).containsExactly(9 / 32768f);
  }

  @Test
  void shouldReportMetadataAndDuration() throws Exception {
    byte[] wav = riff(fmt(PCM, 2, 8000, 16), data(new byte[8000 * 4 * 3 / 2]));

    AudioInfo info = decoder.inspect(ByteBuffer.wrap(wav));

    assertThat(info).isEqualTo(new AudioInfo(AudioFormat.WAV, 8000, 2, 16, 12000));
    assertThat(info.durationSeconds()).isEqualTo(1.5);
    assertThat(info.format().jsonName()).isEqualTo("wav");
  }

  @Test
  void shouldReadFromBufferPositionWithoutMovingIt() throws Exception {
    byte[] wav = riff(fmt(PCM, 1, 16000, 16), data(s16(-3, 3)));
    ByteBuffer buffer = ByteBuffer.allocateDirect(wav.length + 5);
    buffer.position(5);
    buffer.put(wav).position(5);

    MonoAudio audio = decoder.decodeMono(buffer);

    assertThat(audio.samples()).containsExactly(-3 / 32768f, 3 / 32768f);
    assertThat(buffer.position()).isEqualTo(5);
    assertThat(buffer.limit()).isEqualTo(wav.length + 5);
  }

  @Test
  void shouldKeepFloatSamplesBeyondFullScaleInTheNativeView() throws Exception {
    byte[] wav = riff(fmt(IEEE_FLOAT, 1, 16000, 32), data(f32(0.5f, -0.25f, 1.5f, -2f)));

    NativeAudio original = decoder.decodeNative(ByteBuffer.wrap(wav));

    assertThat(original.channels()[0]).containsExactly(0.5f, -0.25f, 1.5f, -2f);
    assertThat(original.mono().samples()).containsExactly(0.5f, -0.25f, 1f, -1f);
  }

  @ParameterizedTest
  @ValueSource(ints = {16000, 22050, 24000, 44100, 48000})
  void shouldKeepEveryChannelAtTheFilesOwnRate(int rate) throws Exception {
    float[] left = {0f, 0.5f, -1f, 0.25f};
    float[] right = {0.125f, -0.5f, -1f, 0.75f};

    DecodedAudio decoded =
        decoder.decode(ByteBuffer.wrap(WavWriter.pcm16(new float[][] {left, right}, rate)));

    assertThat(decoded.original().sampleRate()).isEqualTo(rate);
    assertThat(decoded.original().channelCount()).isEqualTo(2);
    assertThat(decoded.original().channels()[0]).containsExactly(left);
    assertThat(decoded.original().channels()[1]).containsExactly(right);
    assertThat(decoded.analysis().sampleRate()).isEqualTo(AudioDecoder.ANALYSIS_SAMPLE_RATE);
    assertThat(decoded.analysis().samples())
        .hasSize((int) Math.round(4.0 * AudioDecoder.ANALYSIS_SAMPLE_RATE / rate));
  }

  @Test
  void shouldRoundTripWavWriterOutput() throws Exception {
    float[] left = {0f, 0.5f, -1f, 0.25f};
    float[] right = {1f, -0.5f, -1f, 0.75f};

    MonoAudio mono = decoder.decodeMono(ByteBuffer.wrap(WavWriter.pcm16(left, 24000)));
    MonoAudio stereo =
        decoder.decodeMono(ByteBuffer.wrap(WavWriter.pcm16(new float[][] {left, right}, 24000)));

    assertThat(mono.samples()).containsExactly(0f, 0.5f, -1f, 0.25f);
    assertThat(mono.sampleRate()).isEqualTo(24000);
    // +1.0 clips to 32767/32768, the largest 16-bit sample.
    assertThat(stereo.samples()).containsExactly((float) (32767 / 32768.0 / 2), 0f, -1f, 0.5f);
  }

  @Test
  void shouldResampleToSixteenKilohertzForAnalysis() throws Exception {
    float[] tone = new float[48000];
    for (int i = 0; i < tone.length; i++) {
      tone[i] = (float) (0.5 * Math.sin(2 * Math.PI * 440 * i / 48000));
    }

    MonoAudio analysis = decoder.decodeForAnalysis(ByteBuffer.wrap(WavWriter.pcm16(tone, 48000)));

    assertThat(analysis.sampleRate()).isEqualTo(AudioDecoder.ANALYSIS_SAMPLE_RATE);
    assertThat(analysis.samples()).hasSize(16000);
    assertThat(analysis.durationSeconds()).isEqualTo(1.0);
    assertThat(analysis.samples()[8000])
        .isCloseTo(
            (float) (0.5 * Math.sin(2 * Math.PI * 440 * 0.5)),
            org.assertj.core.data.Offset.offset(1e-3f));
  }

  private float[] mono(byte[] wav) throws AudioRejectedException {
    return decoder.decodeMono(ByteBuffer.wrap(wav)).samples();
  }
}
