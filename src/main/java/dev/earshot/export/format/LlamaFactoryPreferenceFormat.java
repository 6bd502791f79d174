package dev.earshot.export.format;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Comparator;

/**
 * LLaMA-Factory's sharegpt preference format in OpenAI-style role/content messages:
 *
 * <pre>{@code
 * {"messages":[{"role":"user","content":"<audio>text"}],
 *  "chosen":{"role":"assistant","content":"..."},"rejected":{"role":"assistant","content":"..."},
 *  "audios":["audio/<sha>.wav"]}
 * }</pre>
 *
 * LLaMA-Factory requires one {@code <audio>} placeholder in the messages per entry of {@code
 * audios}, and feeds audio to the model only as input; so only the prompt's audio is listed and the
 * responses are their text or transcript. A prompt without audio has no placeholder and an empty
 * list.
 */
public final class LlamaFactoryPreferenceFormat implements JsonlFormat<PreferencePair> {

  private static final String AUDIO_PLACEHOLDER = "<audio>";

  @Override
  public Comparator<PreferencePair> order() {
    return PreferencePair.ORDER;
  }

  @Override
  public void writeObject(PreferencePair pair, JsonGenerator json) throws IOException {
    String promptAudio = pair.prompt().audioPath();
    json.writeStartObject();
    json.writeArrayFieldStart("messages");
    writeMessage(
        "user", (promptAudio == null ? "" : AUDIO_PLACEHOLDER) + pair.prompt().text(), json);
    json.writeEndArray();
    json.writeFieldName("chosen");
    writeMessage("assistant", pair.chosen().text(), json);
    json.writeFieldName("rejected");
    writeMessage("assistant", pair.rejected().text(), json);
    json.writeArrayFieldStart("audios");
    if (promptAudio != null) {
      json.writeString(promptAudio);
    }
    json.writeEndArray();
    JsonLines.writeOutcome(pair, json);
    json.writeEndObject();
  }

  private static void writeMessage(String role, String content, JsonGenerator json)
      throws IOException {
    json.writeStartObject();
    json.writeStringField("role", role);
    json.writeStringField("content", content);
    json.writeEndObject();
  }

  /**
   * Writes a {@code dataset_info.json} registering the file under the dataset name: sharegpt
   * formatting, ranking (preference) data, the column names above and the OpenAI-style role tags.
   * Two-space indented with {@code \n} line ends, whatever the platform.
   */
  public static void writeDatasetInfo(String datasetName, String fileName, OutputStream out)
      throws IOException {
    try (JsonGenerator json = JsonLines.open(out)) {
      DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
      json.setPrettyPrinter(
          new DefaultPrettyPrinter().withObjectIndenter(indenter).withArrayIndenter(indenter));
      json.writeStartObject();
      json.writeObjectFieldStart(datasetName);
      json.writeStringField("file_name", fileName);
      json.writeStringField("formatting", "sharegpt");
      json.writeBooleanField("ranking", true);
      json.writeObjectFieldStart("columns");
      for (String column : new String[] {"messages", "chosen", "rejected", "audios"}) {
        json.writeStringField(column, column);
      }
      json.writeEndObject();
      json.writeObjectFieldStart("tags");
      json.writeStringField("role_tag", "role");
      json.writeStringField("content_tag", "content");
      json.writeStringField("user_tag", "user");
      json.writeStringField("assistant_tag", "assistant");
      json.writeEndObject();
      json.writeEndObject();
      json.writeEndObject();
      json.writeRaw('\n');
    }
  }
}
