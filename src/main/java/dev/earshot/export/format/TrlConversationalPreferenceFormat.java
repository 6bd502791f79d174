package dev.earshot.export.format;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.Comparator;

/**
 * TRL's conversational preference format with audio content parts:
 *
 * <pre>{@code
 * {"prompt":[{"role":"user","content":[{"type":"audio","path":"audio/<sha>.wav"},{"type":"text","text":"..."}]}],
 *  "chosen":[{"role":"assistant","content":[...]}],
 *  "rejected":[{"role":"assistant","content":[...]}]}
 * }</pre>
 *
 * TRL recognises conversational data by message lists under these keys, and audio-language
 * processors' chat templates read typed content parts; so each turn is one message whose content
 * lists its audio part first (the order speech-model templates place audio before the instruction),
 * then its text part. A part is left out when the turn lacks it. With codec tokens, the record also
 * has {@code chosen_audio_codes} and {@code rejected_audio_codes} (see {@link AudioCodes}).
 */
public final class TrlConversationalPreferenceFormat implements JsonlFormat<PreferencePair> {

  private final AudioCodes codes;

  /** Without codec tokens. */
  public TrlConversationalPreferenceFormat() {
    this(null);
  }

  /** With the responses' codec token ids, when {@code codes} is not null. */
  public TrlConversationalPreferenceFormat(AudioCodes codes) {
    this.codes = codes;
  }

  @Override
  public Comparator<PreferencePair> order() {
    return PreferencePair.ORDER;
  }

  @Override
  public void writeObject(PreferencePair pair, JsonGenerator json) throws IOException {
    json.writeStartObject();
    writeConversation("prompt", "user", pair.prompt(), json);
    writeConversation("chosen", "assistant", pair.chosen(), json);
    writeConversation("rejected", "assistant", pair.rejected(), json);
    if (codes != null) {
      codes.writeFields(pair, json);
    }
    JsonLines.writeOutcome(pair, json);
    json.writeEndObject();
  }

  private static void writeConversation(String field, String role, Turn turn, JsonGenerator json)
      throws IOException {
    json.writeArrayFieldStart(field);
    json.writeStartObject();
    json.writeStringField("role", role);
    json.writeArrayFieldStart("content");
    if (turn.audioPath() != null) {
      json.writeStartObject();
      json.writeStringField("type", "audio");
      json.writeStringField("path", turn.audioPath());
      json.writeEndObject();
    }
    if (!turn.text().isEmpty()) {
      json.writeStartObject();
      json.writeStringField("type", "text");
      json.writeStringField("text", turn.text());
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeEndObject();
    json.writeEndArray();
  }
}
