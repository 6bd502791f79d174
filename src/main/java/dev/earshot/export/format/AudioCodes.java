package dev.earshot.export.format;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;

/**
 * The codec token ids of stored audio, for the TRL pair formats' {@value #CHOSEN_FIELD} and {@value
 * #REJECTED_FIELD}: one list of ids per codebook, {@code [codebooks][frames]}, or null for a
 * response without audio.
 */
@FunctionalInterface
public interface AudioCodes {

  String CHOSEN_FIELD = "chosen_audio_codes";
  String REJECTED_FIELD = "rejected_audio_codes";

  /** The ids of the audio with this SHA-256, {@code [codebooks][frames]}. */
  long[][] of(String audioSha256) throws IOException;

  /** Writes both fields of the pair. */
  default void writeFields(PreferencePair pair, JsonGenerator json) throws IOException {
    writeField(CHOSEN_FIELD, pair.chosen(), json);
    writeField(REJECTED_FIELD, pair.rejected(), json);
  }

  private void writeField(String field, Turn turn, JsonGenerator json) throws IOException {
    if (turn.audioSha256() == null) {
      json.writeNullField(field);
      return;
    }
    json.writeArrayFieldStart(field);
    for (long[] codebook : of(turn.audioSha256())) {
      json.writeArray(codebook, 0, codebook.length);
    }
    json.writeEndArray();
  }
}
