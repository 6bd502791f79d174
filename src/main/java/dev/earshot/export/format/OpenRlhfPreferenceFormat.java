package dev.earshot.export.format;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.Comparator;

/**
 * OpenRLHF reward-model and DPO data: {@code {"prompt","chosen","rejected","margin"}} (read with
 * {@code --prompt_key prompt --chosen_key chosen --rejected_key rejected --margin_key margin}),
 * plus the same audio path keys as {@link TrlStandardPreferenceFormat}.
 */
public final class OpenRlhfPreferenceFormat implements JsonlFormat<PreferencePair> {

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
    json.writeFieldName("margin");
    JsonLines.writeFixed(json, pair.margin());
    TrlStandardPreferenceFormat.writeAudioPaths(pair, json);
    JsonLines.writeOutcome(pair, json);
    json.writeEndObject();
  }
}
