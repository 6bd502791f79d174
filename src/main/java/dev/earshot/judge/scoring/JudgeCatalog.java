package dev.earshot.judge.scoring;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.earshot.dataset.manifest.PromptExpectations;
import dev.earshot.dataset.manifest.VoteLine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads the judge files {@code <id>.json} of a folder (format in {@code judges/README.md}). Every
 * file is validated and all problems are reported together, so that a broken catalog is fixed in
 * one pass.
 */
public final class JudgeCatalog {

  /**
   * Judge ids: lower-case letters, digits and inner hyphens, as in {@code prosody-appropriateness}.
   */
  public static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

  /** Longest judge id. */
  public static final int MAX_ID_LENGTH = 64;

  static final int VERSION_HEX_DIGITS = 12;

  private static final String SUFFIX = ".json";
  private static final Set<String> FIELDS =
      Set.of("id", "kind", "dimensions", "description", "parameters", "rationale");
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  private JudgeCatalog() {}

  /**
   * The judges declared in {@code judgesDir}, sorted by id. Files not ending in {@code .json} (such
   * as a README) are not judges and are skipped.
   *
   * @throws JudgeCatalogException when the folder is missing or any file is invalid
   */
  public static List<JudgeDefinition> load(Path judgesDir) {
    if (!Files.isDirectory(judgesDir)) {
      throw new JudgeCatalogException(
          judgesDir.toString(), List.of("the judges folder does not exist"));
    }
    List<Path> files;
    try (Stream<Path> listing = Files.list(judgesDir)) {
      files =
          listing
              .filter(path -> path.getFileName().toString().endsWith(SUFFIX))
              .filter(Files::isRegularFile)
              .sorted(Comparator.comparing(Path::getFileName))
              .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> problems = new ArrayList<>();
    List<JudgeDefinition> definitions = new ArrayList<>();
    for (Path file : files) {
      try {
        parse(file.getFileName().toString(), Files.readAllBytes(file), problems)
            .ifPresent(definitions::add);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    if (!problems.isEmpty()) {
      throw new JudgeCatalogException(judgesDir.toString(), problems);
    }
    return List.copyOf(definitions);
  }

  /** Parses one file's bytes; problems are added, prefixed with the file name. */
  static Optional<JudgeDefinition> parse(String fileName, byte[] bytes, List<String> problems) {
    int before = problems.size();
    JsonNode root;
    try {
      root = JSON.readTree(bytes);
    } catch (JsonProcessingException e) {
      problems.add(fileName + ": not valid JSON: " + e.getOriginalMessage());
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (root == null || !root.isObject()) {
      problems.add(fileName + ": must be a JSON object with " + new TreeSet<>(FIELDS));
      return Optional.empty();
    }
    for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
      String field = names.next();
      if (!FIELDS.contains(field)) {
        problems.add(
            fileName
                + ": unknown field '"
                + field
                + "'; known fields are "
                + new TreeSet<>(FIELDS));
      }
    }
    String stem = fileName.substring(0, fileName.length() - SUFFIX.length());
    String id = text(root, "id", fileName, problems);
    if (id != null) {
      if (!ID.matcher(id).matches() || id.length() > MAX_ID_LENGTH) {
        problems.add(
            fileName
                + ": id '"
                + id
                + "' is not allowed: use up to "
                + MAX_ID_LENGTH
                + " lower-case letters, digits and inner hyphens");
      } else if (!id.equals(stem)) {
        problems.add(
            fileName
                + ": id '"
                + id
                + "' must match the file name; rename the file to "
                + id
                + SUFFIX
                + " or the id to '"
                + stem
                + "'");
      }
    }
    JudgeKind kind = null;
    String kindName = text(root, "kind", fileName, problems);
    if (kindName != null) {
      kind = JudgeKind.fromFileName(kindName).orElse(null);
      if (kind == null) {
        problems.add(
            fileName + ": kind '" + kindName + "' is unknown; use one of " + JudgeKind.fileNames());
      }
    }
    List<String> dimensions =
        dimensions(
            root,
            kind == JudgeKind.REWARD_MODEL ? VoteLine.DIMENSIONS : PromptExpectations.DIMENSIONS,
            fileName,
            problems);
    String description = text(root, "description", fileName, problems);
    Map<String, Object> parameters = parameters(root, fileName, problems);
    Map<String, String> rationale = rationale(root, dimensions, fileName, problems);
    if (problems.size() > before) {
      return Optional.empty();
    }
    return Optional.of(
        new JudgeDefinition(
            id,
            kind,
            dimensions,
            description,
            new JudgeParameters(id, parameters),
            version(bytes),
            rationale));
  }

  /** The first {@value #VERSION_HEX_DIGITS} hex digits of the SHA-256 of the file. */
  static String version(byte[] bytes) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
      return HexFormat.of().formatHex(digest).substring(0, VERSION_HEX_DIGITS);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  private static String text(JsonNode root, String field, String fileName, List<String> problems) {
    JsonNode value = root.get(field);
    if (value == null || !value.isTextual() || value.asText().isBlank()) {
      problems.add(fileName + ": '" + field + "' is required and must be a non-empty string");
      return null;
    }
    return value.asText();
  }

  /**
   * The declared dimensions, drawn from {@code known}: a prompt's dimensions, and for a reward
   * model, which learns whatever people voted on, {@code overall} too.
   */
  private static List<String> dimensions(
      JsonNode root, Set<String> known, String fileName, List<String> problems) {
    JsonNode value = root.get("dimensions");
    String allowed = new TreeSet<>(known).toString();
    if (value == null || !value.isArray() || value.isEmpty()) {
      problems.add(fileName + ": 'dimensions' is required: a non-empty list drawn from " + allowed);
      return List.of();
    }
    Set<String> dimensions = new LinkedHashSet<>();
    for (JsonNode item : value) {
      if (!item.isTextual() || !known.contains(item.asText())) {
        problems.add(fileName + ": dimension " + item + " is unknown; use one of " + allowed);
      } else if (!dimensions.add(item.asText())) {
        problems.add(fileName + ": dimension '" + item.asText() + "' is listed twice");
      }
    }
    return List.copyOf(dimensions);
  }

  /**
   * Optional {@code rationale}: for every listed dimension and no other, a sentence saying why the
   * judge's measurement tells something about it, so that nobody reads a judge under a dimension it
   * does not measure.
   */
  private static Map<String, String> rationale(
      JsonNode root, List<String> dimensions, String fileName, List<String> problems) {
    JsonNode value = root.get("rationale");
    if (value == null) {
      return Map.of();
    }
    if (!value.isObject()) {
      problems.add(fileName + ": 'rationale' must be an object: {\"<dimension>\": \"why\"}");
      return Map.of();
    }
    Map<String, String> rationale = new LinkedHashMap<>();
    for (Iterator<String> names = value.fieldNames(); names.hasNext(); ) {
      String dimension = names.next();
      JsonNode why = value.get(dimension);
      if (!dimensions.contains(dimension)) {
        problems.add(
            fileName
                + ": rationale for '"
                + dimension
                + "', which is not among the judge's dimensions "
                + dimensions);
      } else if (!why.isTextual() || why.asText().isBlank()) {
        problems.add(fileName + ": rationale for '" + dimension + "' must be a non-empty text");
      } else {
        rationale.put(dimension, why.asText());
      }
    }
    for (String dimension : dimensions) {
      if (!value.has(dimension)) {
        problems.add(
            fileName + ": 'rationale' must say why the judge scores '" + dimension + "' too");
      }
    }
    return rationale;
  }

  private static Map<String, Object> parameters(
      JsonNode root, String fileName, List<String> problems) {
    JsonNode value = root.get("parameters");
    if (value == null) {
      return Map.of();
    }
    if (!value.isObject()) {
      problems.add(fileName + ": 'parameters' must be a JSON object of named values");
      return Map.of();
    }
    for (Iterator<String> names = value.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (value.get(name).isNull()) {
        problems.add(
            fileName + ": parameter '" + name + "' is null; leave it out to use the default");
      }
    }
    return JSON.convertValue(value, new TypeReference<Map<String, Object>>() {});
  }
}
