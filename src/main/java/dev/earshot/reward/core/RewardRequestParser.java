package dev.earshot.reward.core;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Parses the body of {@code POST /api/reward}, OpenRLHF's remote reward-model request, into
 * validated {@link RewardItem}s; any bad item rejects the whole request.
 *
 * <p>Body: {@code {"query": [...], "prompts": [...], "labels": [...]}}. {@code prompts} and {@code
 * labels} are optional (absent or null); {@code query} may be empty. When present they are lists of
 * strings or nulls aligned with {@code query}. Each {@code query} element is either
 *
 * <ul>
 *   <li>an object {@code {"audio": "<base64 WAV>"}} or {@code {"audioSha256": "<64 hex>"}} (exactly
 *       one of the two), with optional string fields {@code "promptId"} or {@code "prompt"} (at
 *       most one) and {@code "text"}; other fields are rejected, so a typo cannot go unnoticed; or
 *   <li>a string, as OpenRLHF sends it (the decoded prompt + response). It must embed such an
 *       object starting with the characters <code>{"audio</code> (its audio field first, no space
 *       after the brace, as Python's {@code json.dumps} writes it); the last occurrence counts and
 *       text after the object (an end-of-sequence token, say) is ignored.
 * </ul>
 *
 * <p>The item's prompt is its own {@code promptId}/{@code prompt} if given, otherwise {@code
 * prompts[i]} as prompt text.
 */
public final class RewardRequestParser {

  private static final String EMBEDDED_OBJECT_MARKER = "{\"audio";
  private static final Set<String> QUERY_FIELDS =
      Set.of("audio", "audioSha256", "promptId", "prompt", "text");
  private static final byte[] RIFF = {'R', 'I', 'F', 'F'};
  private static final byte[] WAVE = {'W', 'A', 'V', 'E'};

  private final RewardRequestLimits limits;
  private final ObjectMapper mapper;

  public RewardRequestParser(RewardRequestLimits limits, ObjectMapper mapper) {
    this.limits = limits;
    this.mapper = mapper;
  }

  /**
   * Validates the request body.
   *
   * @throws RewardRequestException naming the first bad item, or the request when it is at fault
   */
  public List<RewardItem> parse(JsonNode body) {
    if (body == null || !body.isObject()) {
      throw new RewardRequestException("body must be a JSON object with a query list");
    }
    JsonNode queries = body.get("query");
    // An empty list is valid: OpenRLHF sends one to its second and later reward URLs.
    if (queries == null || !queries.isArray()) {
      throw new RewardRequestException("query must be a list");
    }
    if (queries.size() > limits.maxItems()) {
      throw new RewardRequestException(
          "query has %d items, more than the limit of %d"
              .formatted(queries.size(), limits.maxItems()));
    }
    List<Optional<String>> prompts = alignedStrings(body, "prompts", queries.size());
    List<Optional<String>> labels = alignedStrings(body, "labels", queries.size());
    List<RewardItem> items = new ArrayList<>(queries.size());
    for (int i = 0; i < queries.size(); i++) {
      items.add(parseQuery(i, queries.get(i), prompts.get(i), labels.get(i)));
    }
    return List.copyOf(items);
  }

  private static List<Optional<String>> alignedStrings(JsonNode body, String name, int size) {
    JsonNode list = body.get(name);
    List<Optional<String>> values = new ArrayList<>(size);
    if (list == null || list.isNull()) {
      for (int i = 0; i < size; i++) {
        values.add(Optional.empty());
      }
      return values;
    }
    if (!list.isArray()) {
      throw new RewardRequestException(name + " must be a list");
    }
    if (list.size() != size) {
      throw new RewardRequestException(
          "%s has %d entries but query has %d".formatted(name, list.size(), size));
    }
    for (int i = 0; i < size; i++) {
      JsonNode value = list.get(i);
      if (!value.isNull() && !value.isTextual()) {
        throw new RewardRequestException(i, "%s[%d]: must be a string or null".formatted(name, i));
      }
      values.add(value.isNull() ? Optional.empty() : Optional.of(value.textValue()));
    }
    return values;
  }

  private RewardItem parseQuery(
      int index, JsonNode query, Optional<String> promptText, Optional<String> label) {
    JsonNode object = query.isTextual() ? embeddedObject(index, query.textValue()) : query;
    if (!object.isObject()) {
      throw bad(index, "must be an object with audio or audioSha256, or a string embedding one");
    }
    object
        .fieldNames()
        .forEachRemaining(
            field -> {
              if (!QUERY_FIELDS.contains(field)) {
                throw bad(index, "unknown field '" + field + "'");
              }
            });
    AudioSource audio = audioSource(index, object);
    Optional<String> promptId = optionalString(index, object, "promptId");
    Optional<String> itemPrompt = optionalString(index, object, "prompt");
    if (promptId.isPresent() && itemPrompt.isPresent()) {
      throw bad(index, "give either promptId or prompt, not both");
    }
    Optional<PromptRef> prompt =
        promptId
            .<PromptRef>map(PromptRef.Id::new)
            .or(() -> itemPrompt.or(() -> promptText).map(PromptRef.Text::new));
    return new RewardItem(index, audio, prompt, label, optionalString(index, object, "text"));
  }

  private JsonNode embeddedObject(int index, String query) {
    int start = query.lastIndexOf(EMBEDDED_OBJECT_MARKER);
    if (start < 0) {
      throw bad(index, "string embeds no " + EMBEDDED_OBJECT_MARKER + "...} object");
    }
    // Reads exactly one JSON value; whatever follows it in the string is never tokenised.
    try (JsonParser parser = mapper.getFactory().createParser(query.substring(start))) {
      return mapper.readTree(parser);
    } catch (IOException e) {
      throw bad(index, "embedded audio object is not valid JSON");
    }
  }

  private AudioSource audioSource(int index, JsonNode object) {
    Optional<String> base64 = optionalString(index, object, "audio");
    Optional<String> sha256 = optionalString(index, object, "audioSha256");
    if (base64.isPresent() == sha256.isPresent()) {
      throw bad(index, "give exactly one of audio and audioSha256");
    }
    if (sha256.isPresent()) {
      if (!Sha256.isHexDigest(sha256.get())) {
        throw bad(index, "audioSha256 must be 64 hexadecimal characters");
      }
      return new AudioSource.Uploaded(sha256.get().toLowerCase(Locale.ROOT));
    }
    return new AudioSource.Inline(wav(index, base64.get()));
  }

  private byte[] wav(int index, String base64) {
    if (base64.length() > limits.maxAudioBase64Chars()) {
      throw bad(
          index,
          "audio has %d base64 characters, more than the limit of %d"
              .formatted(base64.length(), limits.maxAudioBase64Chars()));
    }
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      throw bad(index, "audio is not base64");
    }
    if (!isWav(bytes)) {
      throw bad(index, "audio is not a WAV file (no RIFF/WAVE header)");
    }
    return bytes;
  }

  private static boolean isWav(byte[] bytes) {
    if (bytes.length < 12) {
      return false;
    }
    for (int i = 0; i < 4; i++) {
      if (bytes[i] != RIFF[i] || bytes[8 + i] != WAVE[i]) {
        return false;
      }
    }
    return true;
  }

  private static Optional<String> optionalString(int index, JsonNode object, String field) {
    JsonNode value = object.get(field);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isTextual()) {
      throw bad(index, field + " must be a string");
    }
    return Optional.of(value.textValue());
  }

  private static RewardRequestException bad(int index, String problem) {
    return new RewardRequestException(index, "query[%d]: %s".formatted(index, problem));
  }
}
