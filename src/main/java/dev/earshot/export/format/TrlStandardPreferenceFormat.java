package dev.earshot.export.format;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.Comparator;

/**
 * TRL's standard preference format: {@code {"prompt","chosen","rejected"}} as strings (text or
 * transcript), plus {@code prompt_audio}, {@code chosen_audio}, {@code rejected_audio} (path or
 * null, always present so that every row has the same columns); with codec tokens also {@code
 * chosen_audio_codes} and {@code rejected_audio_codes} (see {@link AudioCodes}).
 */
public final class TrlStandardPreferenceFormat implements JsonlFormat<PreferencePair> {

  private final AudioCodes codes;

  /** Without codec tokens. */
  public TrlStandardPreferenceFormat() {
    this(null);
  }

  /** With the responses' codec token ids, when {@code codes} is not null. */
  public TrlStandardPreferenceFormat(AudioCodes codes) {
    this.codes = codes;
  }

  @Override
  public Comparator<PreferencePair> order() {
    return PreferencePair.ORDER;
  }

  @Override
  public void writeObject(PreferencePair pair, JsonGenerator json) throws IOException {
    json.writeStartObject();
    json.writeStringField("prompt", pair.prompt().text());
    json.writeStringField("chosen", pair.chosen().text());
    json.writeStringField("rejected", pair.rejected().text());
    writeAudioPaths(pair, json);
    if (codes != null) {
      codes.writeFields(pair, json);
    }
    JsonLines.writeOutcome(pair, json);
    json.writeEndObject();
  }

  static void writeAudioPaths(PreferencePair pair, JsonGenerator json) throws IOException {
    JsonLines.writeStringOrNull(json, "prompt_audio", pair.prompt().audioPath());
    JsonLines.writeStringOrNull(json, "chosen_audio", pair.chosen().audioPath());
    JsonLines.writeStringOrNull(json, "rejected_audio", pair.rejected().audioPath());
  }
}
