package dev.earshot.export.format;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.Comparator;

/**
 * TRL's unpaired preference format for KTO: {@code {"prompt","completion","label"}} with label true
 * for a desirable completion, plus {@code prompt_audio} and {@code completion_audio}.
 */
public final class TrlKtoFormat implements JsonlFormat<LabeledCompletion> {

  @Override
  public Comparator<LabeledCompletion> order() {
    return LabeledCompletion.ORDER;
  }

  @Override
  public void writeObject(LabeledCompletion labeled, JsonGenerator json) throws IOException {
    json.writeStartObject();
    json.writeStringField("prompt", labeled.prompt().text());
    json.writeStringField("completion", labeled.completion().text());
    json.writeBooleanField("label", labeled.desirable());
    JsonLines.writeStringOrNull(json, "prompt_audio", labeled.prompt().audioPath());
    JsonLines.writeStringOrNull(json, "completion_audio", labeled.completion().audioPath());
    json.writeEndObject();
  }
}
