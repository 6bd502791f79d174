package dev.earshot.dataset.manifest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Reads and validates a dataset folder ({@code manifest.jsonl}, optional {@code responses.jsonl},
 * {@code votes.jsonl} and {@code dataset.json}) without touching any database: every problem is
 * collected with its file and line so that a user can fix them all at once. Audio files are checked
 * to exist inside the folder; decoding them is the caller's job.
 */
public final class DatasetFolderReader {

  public static final String MANIFEST = "manifest.jsonl";
  public static final String RESPONSES = "responses.jsonl";
  public static final String DESCRIPTOR = "dataset.json";
  public static final String VOTES = "votes.jsonl";

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,100}");
  private static final int MAX_TEXT_CHARS = 100_000;
  private static final int MAX_PROBLEMS = 1_000;

  private static final Set<String> PROMPT_FIELDS =
      Set.of("id", "text", "audio", "reference", "expectations");
  private static final Set<String> EXPECTATION_FIELDS =
      Set.of(
          "dimensions",
          "keywords",
          "intonation",
          "emotion",
          "arousal",
          "valence",
          "delivery",
          "speakingRate",
          "events",
          "rubric",
          "answer");
  private static final Set<String> RESPONSE_FIELDS =
      Set.of("system", "prompt", "audio", "text", "latencyMs");
  private static final Set<String> VOTE_FIELDS =
      Set.of("rater", "prompt", "a", "b", "dimension", "verdict", "simulated");

  private final ObjectMapper json =
      new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  /**
   * Reads the folder. {@code nameOverride}, when given, names the dataset; otherwise {@code
   * dataset.json}'s name, otherwise the folder's name.
   */
  public DatasetFolder read(Path folder, String nameOverride) {
    Path root = folder.toAbsolutePath().normalize();
    Problems problems = new Problems();
    MessageDigest source = sha256();

    Descriptor descriptor = readDescriptor(root, problems, source);
    String name = nameOverride != null ? nameOverride : descriptor.name;
    if (name == null) {
      name = root.getFileName() == null ? "" : root.getFileName().toString();
    }
    if (!NAME.matcher(name).matches()) {
      problems.add(
          DESCRIPTOR,
          0,
          "dataset name '" + name + "' is not allowed: use 1-100 letters, digits, '.', '_' or '-'");
    }

    List<PromptLine> prompts = new ArrayList<>();
    Path manifest = root.resolve(MANIFEST);
    if (!Files.isRegularFile(manifest, LinkOption.NOFOLLOW_LINKS)) {
      problems.add(
          MANIFEST, 0, "missing: a dataset needs a manifest.jsonl with one prompt per line");
    } else {
      readLines(
              root,
              MANIFEST,
              problems,
              source,
              (line, node) -> readPrompt(root, line, node, problems))
          .forEach(prompts::add);
      checkUnique(prompts, problems);
    }

    List<ResponseLine> responses = new ArrayList<>();
    if (Files.isRegularFile(root.resolve(RESPONSES), LinkOption.NOFOLLOW_LINKS)) {
      readLines(
              root,
              RESPONSES,
              problems,
              source,
              (line, node) -> readResponse(root, line, node, problems))
          .forEach(responses::add);
      checkUniqueResponses(responses, problems);
    }

    List<VoteLine> votes = new ArrayList<>();
    if (Files.isRegularFile(root.resolve(VOTES), LinkOption.NOFOLLOW_LINKS)) {
      readLines(root, VOTES, problems, source, (line, node) -> readVote(line, node, problems))
          .forEach(votes::add);
      checkUniqueVotes(votes, problems);
    }

    hashAudio(root, prompts, responses, source);
    return new DatasetFolder(
        root,
        name,
        descriptor.description,
        descriptor.systems,
        List.copyOf(prompts),
        List.copyOf(responses),
        List.copyOf(votes),
        problems.list(),
        HexFormat.of().formatHex(source.digest()));
  }

  private static final String NOT_UTF8_PROBLEM = "is not UTF-8 text; save it as UTF-8";

  private static final String NUL_PROBLEM =
      "holds the NUL character (\\u0000), which text cannot contain; remove it";

  /** Whether any name or text value holds U+0000, which PostgreSQL text cannot store. */
  private static boolean holdsNul(JsonNode node) {
    if (node.isTextual()) {
      return node.textValue().indexOf('\0') >= 0;
    }
    for (var field : node.properties()) {
      if (field.getKey().indexOf('\0') >= 0 || holdsNul(field.getValue())) {
        return true;
      }
    }
    if (node.isArray()) {
      for (JsonNode item : node) {
        if (holdsNul(item)) {
          return true;
        }
      }
    }
    return false;
  }

  private record Descriptor(String name, String description, Map<String, String> systems) {}

  private Descriptor readDescriptor(Path root, Problems problems, MessageDigest source) {
    Path file = root.resolve(DESCRIPTOR);
    Map<String, String> systems = new LinkedHashMap<>();
    if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
      return new Descriptor(null, null, systems);
    }
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    source.update(bytes);
    // Decoded strictly here: Jackson's own detection of UTF-16/32 fails with an IOException
    // (CharConversionException) on a few stray bytes.
    String content = utf8(bytes);
    if (content == null) {
      problems.add(DESCRIPTOR, 0, NOT_UTF8_PROBLEM);
      return new Descriptor(null, null, systems);
    }
    JsonNode node;
    try {
      node = json.readTree(content.startsWith("\uFEFF") ? content.substring(1) : content);
    } catch (JsonProcessingException e) {
      problems.add(DESCRIPTOR, 0, "not valid JSON: " + e.getOriginalMessage());
      return new Descriptor(null, null, systems);
    }
    if (node != null && holdsNul(node)) {
      problems.add(DESCRIPTOR, 0, NUL_PROBLEM);
      return new Descriptor(null, null, systems);
    }
    if (node == null || !node.isObject()) {
      problems.add(DESCRIPTOR, 0, "must be a JSON object with name, description and systems");
      return new Descriptor(null, null, systems);
    }
    String name = optionalText(node, "name", DESCRIPTOR, 0, problems);
    String description = optionalText(node, "description", DESCRIPTOR, 0, problems);
    JsonNode list = node.get("systems");
    if (list != null && !list.isNull()) {
      if (!list.isArray()) {
        problems.add(DESCRIPTOR, 0, "'systems' must be a list of {\"name\", \"description\"}");
      } else {
        for (JsonNode system : list) {
          String systemName = system.path("name").asText("");
          if (!NAME.matcher(systemName).matches()) {
            problems.add(
                DESCRIPTOR,
                0,
                "system name '"
                    + systemName
                    + "' is not allowed: use 1-100 letters, digits, '.', '_' or '-'");
          } else {
            systems.put(
                systemName,
                system.path("description").isTextual() ? system.get("description").asText() : null);
          }
        }
      }
    }
    return new Descriptor(name, description, systems);
  }

  @FunctionalInterface
  private interface LineParser<T> {
    /** Returns the parsed line, or null when it had problems (already recorded). */
    T parse(int line, ObjectNode node);
  }

  private <T> List<T> readLines(
      Path root, String fileName, Problems problems, MessageDigest source, LineParser<T> parser) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(root.resolve(fileName));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    source.update(bytes);
    String content = utf8(bytes);
    if (content == null) {
      problems.add(fileName, 0, NOT_UTF8_PROBLEM);
      return List.of();
    }
    List<T> parsed = new ArrayList<>();
    String[] lines = content.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String text = i == 0 && lines[i].startsWith("\uFEFF") ? lines[i].substring(1) : lines[i];
      if (text.isBlank()) {
        continue;
      }
      int lineNumber = i + 1;
      JsonNode node;
      try {
        node = json.readTree(text);
      } catch (JsonProcessingException e) {
        problems.add(fileName, lineNumber, "not valid JSON: " + e.getOriginalMessage());
        continue;
      }
      if (node == null || !node.isObject()) {
        problems.add(fileName, lineNumber, "each line must be one JSON object");
        continue;
      }
      if (holdsNul(node)) {
        problems.add(fileName, lineNumber, NUL_PROBLEM);
        continue;
      }
      T value = parser.parse(lineNumber, (ObjectNode) node);
      if (value != null) {
        parsed.add(value);
      }
    }
    if (parsed.isEmpty() && problems.isEmptyFor(fileName) && MANIFEST.equals(fileName)) {
      problems.add(fileName, 0, "has no prompts");
    }
    return parsed;
  }

  private PromptLine readPrompt(Path root, int line, ObjectNode node, Problems problems) {
    int before = problems.size();
    unknownFields(node, PROMPT_FIELDS, MANIFEST, line, problems);
    String id = requiredName(node, "id", MANIFEST, line, problems);
    String text = optionalText(node, "text", MANIFEST, line, problems);
    String reference = optionalText(node, "reference", MANIFEST, line, problems);
    Path audio = optionalAudioPath(root, node, MANIFEST, line, problems);
    if (text == null && audio == null && !node.has("audio")) {
      problems.add(MANIFEST, line, "a prompt needs 'text', 'audio' or both");
    }
    PromptExpectations expectations = readExpectations(node.get("expectations"), line, problems);
    return problems.size() == before
        ? new PromptLine(line, id, text, audio, reference, expectations)
        : null;
  }

  private PromptExpectations readExpectations(JsonNode node, int line, Problems problems) {
    if (node == null || node.isNull()) {
      return PromptExpectations.none();
    }
    if (!node.isObject()) {
      problems.add(MANIFEST, line, "'expectations' must be a JSON object");
      return PromptExpectations.none();
    }
    unknownFields(node, EXPECTATION_FIELDS, MANIFEST, line, problems, "expectations.");
    List<String> dimensions = stringList(node, "dimensions", line, problems);
    if (dimensions != null) {
      for (String dimension : dimensions) {
        if (!PromptExpectations.DIMENSIONS.contains(dimension)) {
          problems.add(
              MANIFEST,
              line,
              "unknown dimension '"
                  + dimension
                  + "'; use one of "
                  + new TreeSet<>(PromptExpectations.DIMENSIONS));
        }
      }
    }
    PromptExpectations.RateRange rate = null;
    JsonNode rateNode = node.get("speakingRate");
    if (rateNode != null && !rateNode.isNull()) {
      Double min = number(rateNode, "min");
      Double max = number(rateNode, "max");
      if (!rateNode.isObject()
          || (min == null && max == null)
          || (min != null && min < 0)
          || (max != null && max < 0)
          || (min != null && max != null && min > max)) {
        problems.add(
            MANIFEST,
            line,
            "'expectations.speakingRate' must be {\"min\": x, \"max\": y} in syllables per second, 0 <= min <= max");
      } else {
        rate = new PromptExpectations.RateRange(min, max);
      }
    }
    List<PromptExpectations.SoundEvent> events = null;
    JsonNode eventsNode = node.get("events");
    if (eventsNode != null && !eventsNode.isNull()) {
      events = new ArrayList<>();
      if (!eventsNode.isArray()) {
        problems.add(
            MANIFEST,
            line,
            "'expectations.events' must be a list of {\"label\", \"synonyms\": [...]}");
      } else {
        for (JsonNode event : eventsNode) {
          String label = event.path("label").asText("").trim();
          List<String> synonyms =
              event.has("synonyms") ? stringList(event, "synonyms", line, problems) : List.of();
          if (label.isEmpty()) {
            problems.add(
                MANIFEST, line, "every entry of 'expectations.events' needs a non-empty 'label'");
          } else {
            events.add(
                new PromptExpectations.SoundEvent(label, synonyms == null ? List.of() : synonyms));
          }
        }
      }
    }
    return new PromptExpectations(
        dimensions,
        stringList(node, "keywords", line, problems),
        allowed(node, "intonation", PromptExpectations.INTONATIONS, line, problems),
        optionalText(node, "emotion", MANIFEST, line, problems),
        allowed(node, "arousal", PromptExpectations.AROUSALS, line, problems),
        allowed(node, "valence", PromptExpectations.VALENCES, line, problems),
        allowed(node, "delivery", PromptExpectations.DELIVERIES, line, problems),
        rate,
        events,
        optionalText(node, "rubric", MANIFEST, line, problems),
        answers(node, line, problems));
  }

  /**
   * {@code expectations.answer}: one accepted answer as a string, or several as a list of strings.
   */
  private static List<String> answers(JsonNode node, int line, Problems problems) {
    JsonNode value = node.get("answer");
    if (value == null || value.isNull()) {
      return null;
    }
    if (value.isTextual() && !value.asText().isBlank()) {
      return List.of(value.asText());
    }
    List<String> items = value.isArray() && !value.isEmpty() ? nonBlankStrings(value) : null;
    if (items == null) {
      problems.add(
          MANIFEST,
          line,
          "'expectations.answer' must be a non-empty string or a non-empty list of non-empty strings (the accepted short answers)");
    }
    return items;
  }

  private ResponseLine readResponse(Path root, int line, ObjectNode node, Problems problems) {
    int before = problems.size();
    unknownFields(node, RESPONSE_FIELDS, RESPONSES, line, problems);
    String system = requiredName(node, "system", RESPONSES, line, problems);
    String promptId = requiredName(node, "prompt", RESPONSES, line, problems);
    Path audio = optionalAudioPath(root, node, RESPONSES, line, problems);
    if (!node.has("audio")) {
      problems.add(RESPONSES, line, "'audio' is required: the path of the response audio");
    }
    String text = optionalText(node, "text", RESPONSES, line, problems);
    Integer latency = null;
    JsonNode latencyNode = node.get("latencyMs");
    if (latencyNode != null && !latencyNode.isNull()) {
      if (!latencyNode.canConvertToInt()
          || !latencyNode.isIntegralNumber()
          || latencyNode.asInt() < 0) {
        problems.add(RESPONSES, line, "'latencyMs' must be a whole number of milliseconds >= 0");
      } else {
        latency = latencyNode.asInt();
      }
    }
    return problems.size() == before
        ? new ResponseLine(line, system, promptId, audio, text, latency)
        : null;
  }

  private VoteLine readVote(int line, ObjectNode node, Problems problems) {
    int before = problems.size();
    unknownFields(node, VOTE_FIELDS, VOTES, line, problems);
    String rater = requiredName(node, "rater", VOTES, line, problems);
    String promptId = requiredName(node, "prompt", VOTES, line, problems);
    String systemA = requiredName(node, "a", VOTES, line, problems);
    String systemB = requiredName(node, "b", VOTES, line, problems);
    if (systemA != null && systemA.equals(systemB)) {
      problems.add(
          VOTES, line, "'a' and 'b' are both '" + systemA + "'; a vote compares two systems");
    }
    String dimension = requiredOneOf(node, "dimension", VoteLine.DIMENSIONS, line, problems);
    String verdict = requiredOneOf(node, "verdict", VoteLine.VERDICTS, line, problems);
    JsonNode simulated = node.get("simulated");
    if (simulated != null && !simulated.isNull() && !simulated.isBoolean()) {
      problems.add(VOTES, line, "'simulated' must be true or false");
    }
    return problems.size() == before
        ? new VoteLine(
            line,
            rater,
            promptId,
            systemA,
            systemB,
            dimension,
            verdict,
            simulated != null && simulated.asBoolean())
        : null;
  }

  private static String requiredOneOf(
      JsonNode node, String field, Set<String> values, int line, Problems problems) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      problems.add(VOTES, line, "'" + field + "' is required");
      return null;
    }
    if (!value.isTextual() || !values.contains(value.asText())) {
      problems.add(
          VOTES, line, "'" + field + "' is " + value + "; use one of " + new TreeSet<>(values));
      return null;
    }
    return value.asText();
  }

  /**
   * Resolves an audio path that must stay inside the dataset folder: relative, no {@code ..} that
   * leaves it, and no link pointing out of it.
   */
  private Path optionalAudioPath(
      Path root, JsonNode node, String file, int line, Problems problems) {
    JsonNode value = node.get("audio");
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual() || value.asText().isBlank()) {
      problems.add(file, line, "'audio' must be a relative path such as \"audio/p1.wav\"");
      return null;
    }
    String raw = value.asText();
    Path relative;
    try {
      relative = Path.of(raw);
    } catch (java.nio.file.InvalidPathException e) {
      problems.add(file, line, "'audio' path '" + raw + "' is not a valid path");
      return null;
    }
    Path resolved = root.resolve(relative).normalize();
    if (relative.isAbsolute()
        || raw.startsWith("/")
        || raw.startsWith("\\")
        || !resolved.startsWith(root)) {
      problems.add(
          file,
          line,
          "'audio' path '"
              + raw
              + "' points outside the dataset folder; use a path relative to it");
      return null;
    }
    if (!Files.isRegularFile(resolved)) {
      problems.add(file, line, "audio file '" + raw + "' does not exist in the dataset");
      return null;
    }
    try {
      if (!resolved.toRealPath().startsWith(root.toRealPath())) {
        problems.add(
            file, line, "audio file '" + raw + "' is a link to outside the dataset folder");
        return null;
      }
    } catch (IOException e) {
      problems.add(file, line, "audio file '" + raw + "' cannot be read: " + e.getMessage());
      return null;
    }
    return resolved;
  }

  private static void checkUnique(List<PromptLine> prompts, Problems problems) {
    Map<String, Integer> firstLine = new LinkedHashMap<>();
    for (PromptLine prompt : prompts) {
      Integer previous = firstLine.putIfAbsent(prompt.id(), prompt.line());
      if (previous != null) {
        problems.add(
            MANIFEST,
            prompt.line(),
            "prompt id '" + prompt.id() + "' is already used on line " + previous);
      }
    }
  }

  private static void checkUniqueResponses(List<ResponseLine> responses, Problems problems) {
    Map<String, Integer> firstLine = new LinkedHashMap<>();
    for (ResponseLine response : responses) {
      Integer previous =
          firstLine.putIfAbsent(
              response.system() + "\u0000" + response.promptId(), response.line());
      if (previous != null) {
        problems.add(
            RESPONSES,
            response.line(),
            "system '"
                + response.system()
                + "' already has a response to prompt '"
                + response.promptId()
                + "' on line "
                + previous);
      }
    }
  }

  private static void checkUniqueVotes(List<VoteLine> votes, Problems problems) {
    Map<List<String>, Integer> firstLine = new LinkedHashMap<>();
    for (VoteLine vote : votes) {
      Integer previous =
          firstLine.putIfAbsent(
              List.of(
                  vote.rater(), vote.promptId(), vote.systemA(), vote.systemB(), vote.dimension()),
              vote.line());
      if (previous != null) {
        problems.add(
            VOTES,
            vote.line(),
            "rater '"
                + vote.rater()
                + "' already voted on this prompt, pair and dimension on line "
                + previous);
      }
    }
  }

  private static void hashAudio(
      Path root, List<PromptLine> prompts, List<ResponseLine> responses, MessageDigest source) {
    Set<Path> seen = new HashSet<>();
    List<Path> audio = new ArrayList<>();
    prompts.stream()
        .map(PromptLine::audio)
        .filter(p -> p != null && seen.add(p))
        .forEach(audio::add);
    responses.stream()
        .map(ResponseLine::audio)
        .filter(p -> p != null && seen.add(p))
        .forEach(audio::add);
    audio.sort(null);
    byte[] buffer = new byte[64 * 1024];
    for (Path path : audio) {
      source.update(root.relativize(path).toString().getBytes(StandardCharsets.UTF_8));
      try (InputStream in = new DigestInputStream(Files.newInputStream(path), source)) {
        while (in.read(buffer) >= 0) {
          // DigestInputStream feeds the digest
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private static void unknownFields(
      JsonNode node, Set<String> known, String file, int line, Problems problems) {
    unknownFields(node, known, file, line, problems, "");
  }

  private static void unknownFields(
      JsonNode node, Set<String> known, String file, int line, Problems problems, String prefix) {
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String field = names.next();
      if (!known.contains(field)) {
        problems.add(
            file,
            line,
            "unknown field '" + prefix + field + "'; known fields are " + new TreeSet<>(known));
      }
    }
  }

  private static String requiredName(
      JsonNode node, String field, String file, int line, Problems problems) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      problems.add(file, line, "'" + field + "' is required");
      return null;
    }
    if (!value.isTextual() || !NAME.matcher(value.asText()).matches()) {
      problems.add(
          file,
          line,
          "'" + field + "' must be 1-100 letters, digits, '.', '_' or '-', got " + value);
      return null;
    }
    return value.asText();
  }

  private static String optionalText(
      JsonNode node, String field, String file, int line, Problems problems) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      problems.add(file, line, "'" + field + "' must be a string");
      return null;
    }
    if (value.asText().length() > MAX_TEXT_CHARS) {
      problems.add(file, line, "'" + field + "' is longer than " + MAX_TEXT_CHARS + " characters");
      return null;
    }
    return value.asText();
  }

  private static String allowed(
      JsonNode node, String field, Set<String> values, int line, Problems problems) {
    String value = optionalText(node, field, MANIFEST, line, problems);
    if (value != null && !values.contains(value)) {
      problems.add(
          MANIFEST,
          line,
          "'expectations." + field + "' is '" + value + "'; use one of " + new TreeSet<>(values));
      return null;
    }
    return value;
  }

  /** The array's items, or null when one of them is not a non-blank string. */
  private static List<String> nonBlankStrings(JsonNode array) {
    List<String> items = new ArrayList<>();
    for (JsonNode item : array) {
      if (!item.isTextual() || item.asText().isBlank()) {
        return null;
      }
      items.add(item.asText());
    }
    return items;
  }

  private static List<String> stringList(JsonNode node, String field, int line, Problems problems) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    List<String> items = value.isArray() ? nonBlankStrings(value) : null;
    if (items == null) {
      problems.add(MANIFEST, line, "'" + field + "' must be a list of non-empty strings");
    }
    return items;
  }

  private static Double number(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value != null && value.isNumber() ? value.asDouble() : null;
  }

  /** The bytes as UTF-8 text, or null when they are not valid UTF-8. */
  private static String utf8(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  /** Collects problems, up to a cap so that a huge broken file cannot exhaust memory. */
  private static final class Problems {
    private final List<ManifestProblem> problems = new ArrayList<>();
    private boolean truncated;

    void add(String file, int line, String message) {
      if (problems.size() < MAX_PROBLEMS) {
        problems.add(new ManifestProblem(file, line, message));
      } else if (!truncated) {
        truncated = true;
        problems.add(new ManifestProblem(file, line, "more problems follow; fix these first"));
      }
    }

    int size() {
      return problems.size();
    }

    boolean isEmptyFor(String file) {
      return problems.stream().noneMatch(p -> p.file().equals(file));
    }

    List<ManifestProblem> list() {
      return List.copyOf(problems);
    }
  }
}
