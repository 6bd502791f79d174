package dev.earshot.audio.decode;

import static dev.earshot.audio.decode.AudioRejectedException.Reason.MALFORMED;
import static dev.earshot.audio.decode.AudioRejectedException.Reason.UNSUPPORTED_FORMAT;
import static dev.earshot.audio.decode.TestWav.ascii;
import static dev.earshot.audio.decode.TestWav.concat;
import static dev.earshot.audio.decode.WavRejectionTest.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class FormatDetectionTest {

  private static final String CONVERT = "convert it to WAV or FLAC";

  @Test
  void shouldRejectEmptyFile() {
    assertRejected(new byte[0], MALFORMED, "the file is empty");
  }

  @Test
  void shouldRejectMp3WithId3Tag() {
    byte[] mp3 =
        concat(
            ascii("ID3"),
            new byte[] {4, 0, 0, 0, 0, 0, 2},
            new byte[2],
            new byte[] {(byte) 0xFF, (byte) 0xFB, (byte) 0x90, 0x64});

    assertRejected(mp3, UNSUPPORTED_FORMAT, "MP3", CONVERT);
  }

  @Test
  void shouldRejectBareMpegFrame() {
    assertRejected(
        new byte[] {(byte) 0xFF, (byte) 0xFB, (byte) 0x90, 0x64, 0, 0},
        UNSUPPORTED_FORMAT,
        "MP3/MPEG audio is not supported",
        CONVERT);
  }

  @Test
  void shouldRejectAdtsAac() {
    assertRejected(
        new byte[] {(byte) 0xFF, (byte) 0xF1, 0x50, (byte) 0x80}, UNSUPPORTED_FORMAT, "AAC (ADTS)");
  }

  @Test
  void shouldRejectOgg() {
    assertRejected(concat(ascii("OggS"), new byte[40]), UNSUPPORTED_FORMAT, "Ogg audio", CONVERT);
  }

  @Test
  void shouldRejectAiff() {
    assertRejected(
        concat(ascii("FORM"), new byte[4], ascii("AIFF")), UNSUPPORTED_FORMAT, "AIFF", CONVERT);
  }

  @Test
  void shouldRejectMp4() {
    assertRejected(
        concat(new byte[] {0, 0, 0, 0x20}, ascii("ftypM4A "), new byte[20]),
        UNSUPPORTED_FORMAT,
        "MP4/M4A",
        CONVERT);
  }

  @Test
  void shouldRejectRf64AndWave64() {
    assertRejected(
        concat(ascii("RF64"), new byte[4], ascii("WAVE")),
        UNSUPPORTED_FORMAT,
        "RF64 (64-bit WAV) is not supported",
        CONVERT);
    byte[] w64 = {
      'r',
      'i',
      'f',
      'f',
      0x2E,
      (byte) 0x91,
      (byte) 0xCF,
      0x11,
      (byte) 0xA5,
      (byte) 0xD6,
      0x28,
      (byte) 0xDB,
      0x04,
      (byte) 0xC1,
      0x00,
      0x00,
      0,
      0,
      0,
      0
    };
    assertRejected(w64, UNSUPPORTED_FORMAT, "Wave64 (W64) is not supported", CONVERT);
  }

  @Test
  void shouldRejectWebmAndRifxAndNonWaveRiff() {
    assertRejected(
        new byte[] {0x1A, 0x45, (byte) 0xDF, (byte) 0xA3, 0, 0}, UNSUPPORTED_FORMAT, "WebM");
    assertRejected(concat(ascii("RIFX"), new byte[4], ascii("WAVE")), UNSUPPORTED_FORMAT, "RIFX");
    assertRejected(
        concat(ascii("RIFF"), new byte[4], ascii("AVI ")),
        UNSUPPORTED_FORMAT,
        "RIFF file of type 'AVI ' is not WAV audio");
  }

  @Test
  void shouldRejectAnythingElseAsNotAudio() {
    assertRejected(
        ascii("hello, this is a text file"), UNSUPPORTED_FORMAT, "not a WAV or FLAC audio file");
    assertRejected(new byte[] {0x52}, UNSUPPORTED_FORMAT, "not a WAV or FLAC audio file");
  }

  @Test
  void shouldDetectByMagicBytesNotByName() throws Exception {
    AudioDecoder decoder = new AudioDecoder(AudioLimits.DEFAULTS);
    byte[] flac = FlacDecodingTest.fixture("mono8.flac");

    assertThat(decoder.inspect(ByteBuffer.wrap(flac)).format()).isEqualTo(AudioFormat.FLAC);
    assertThat(AudioFormat.FLAC.jsonName()).isEqualTo("flac");
  }

  @Test
  void shouldSkipId3TagBeforeFlac() throws Exception {
    AudioDecoder decoder = new AudioDecoder(AudioLimits.DEFAULTS);
    byte[] flac = FlacDecodingTest.fixture("mono8.flac");
    // ID3v2.4 header with a footer flag: 10 header bytes, a 130-byte (syncsafe 0x01 0x02) body, 10
    // footer bytes.
    byte[] tagged =
        concat(ascii("ID3"), new byte[] {4, 0, 0x10, 0, 0, 1, 2}, new byte[130 + 10], flac);

    MonoAudio plain = decoder.decodeMono(ByteBuffer.wrap(flac));
    MonoAudio afterTag = decoder.decodeMono(ByteBuffer.wrap(tagged));

    assertThat(afterTag.samples()).containsExactly(plain.samples());
  }
}
