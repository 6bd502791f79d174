package dev.earshot.audio.decode;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.ByteBuffer;

/**
 * Coverage-guided fuzzing of the WAV and FLAC decoders (Jazzer). The suite replays the seeds and
 * crash inputs under {@code AudioDecoderFuzzTestInputs/<method>/}; {@code JAZZER_FUZZ=1} fuzzes
 * (see README, "Fuzzing"). Property: every input decodes or ends in {@link AudioRejectedException},
 * never another exception, error or excessive allocation.
 */
class AudioDecoderFuzzTest {

  /** Larger inputs only slow the fuzzer down; the decoders' limits are tested elsewhere. */
  static final int MAX_INPUT_BYTES = 64 * 1024;

  private static final AudioDecoder DECODER = new AudioDecoder(AudioLimits.DEFAULTS);

  /** Seeded with small WAV files: PCM, float and WAVE_FORMAT_EXTENSIBLE. */
  @FuzzTest(maxDuration = "5m")
  void wav(byte[] file) {
    decodeOrReject(file);
  }

  /** Seeded with small FLAC files: verbatim, fixed and LPC subframes. */
  @FuzzTest(maxDuration = "5m")
  void flac(byte[] file) {
    decodeOrReject(file);
  }

  private static void decodeOrReject(byte[] file) {
    if (file.length > MAX_INPUT_BYTES) {
      return;
    }
    try {
      AudioInfo info = DECODER.inspect(ByteBuffer.wrap(file));
      MonoAudio mono = DECODER.decodeMono(ByteBuffer.wrap(file));
      assertThat(mono.sampleRate()).isEqualTo(info.sampleRate());
      assertThat(mono.samples()).hasSize((int) info.frames());
    } catch (AudioRejectedException rejected) {
      assertThat(rejected.getMessage()).isNotBlank();
    }
  }
}
