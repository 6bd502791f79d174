package dev.earshot.leaderboard.arena;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.earshot.stats.Outcome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads battle logs of other arenas, all or nothing:
 *
 * <ul>
 *   <li>CSV with columns {@code a,b,outcome} (header line optional; outcome {@code a}, {@code b},
 *       {@code tie} or {@code both-bad});
 *   <li>Chatbot Arena JSON: an array (or JSON lines) of objects with {@code model_a}, {@code
 *       model_b} and {@code winner} = {@code model_a}, {@code model_b}, {@code tie} or {@code tie
 *       (bothbad)}; other fields are ignored.
 * </ul>
 *
 * Every bad row is reported with its line number.
 */
public final class BattleLogParser {

  /** Most problems listed; a log that is wrong throughout needs fixing, not a longer list. */
  static final int MAX_PROBLEMS = 200;

  private static final int MAX_NAME = 100;
  private static final Map<String, Outcome> CSV_OUTCOMES =
      Map.of(
          "a",
          Outcome.A_WINS,
          "b",
          Outcome.B_WINS,
          "tie",
          Outcome.TIE,
          "both-bad",
          Outcome.BOTH_BAD);
  private static final Map<String, Outcome> ARENA_WINNERS =
      Map.of(
          "model_a", Outcome.A_WINS,
          "model_b", Outcome.B_WINS,
          "tie", Outcome.TIE,
          "tie (bothbad)", Outcome.BOTH_BAD);

  private final ObjectMapper json = new ObjectMapper();

  /** The parsed battles, or the problems (line and message) when there are any. */
  public record Result(List<Battle> battles, List<Problem> problems) {
    public boolean valid() {
      return problems.isEmpty();
    }
  }

  /** What is wrong with one line. */
  public record Problem(int line, String message) {}

  /** Parses a log; JSON when it starts with {@code [} or {@code {}, CSV otherwise. */
  public Result parse(String text) {
    String trimmed = text.stripLeading();
    if (trimmed.startsWith("[") || trimmed.startsWith("{")) {
      return parseJson(text);
    }
    return parseCsv(text);
  }

  private Result parseCsv(String text) {
    List<Battle> battles = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    String[] lines = text.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      int number = i + 1;
      if (line.isEmpty()
          || (number == 1 && line.replace(" ", "").equalsIgnoreCase("a,b,outcome"))) {
        continue;
      }
      String[] cells = line.split(",", -1);
      if (cells.length != 3) {
        add(problems, number, "expected 3 columns a,b,outcome, found " + cells.length);
        continue;
      }
      Outcome outcome = CSV_OUTCOMES.get(cells[2].strip().toLowerCase(java.util.Locale.ROOT));
      if (outcome == null) {
        add(
            problems,
            number,
            "outcome '" + cells[2].strip() + "' is not one of a, b, tie, both-bad");
        continue;
      }
      battle(number, cells[0].strip(), cells[1].strip(), outcome, battles, problems);
    }
    return result(battles, problems);
  }

  private Result parseJson(String text) {
    List<Battle> battles = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    try (JsonParser parser = new JsonFactory().createParser(text)) {
      parser.setCodec(json);
      JsonToken first = parser.nextToken();
      boolean array = first == JsonToken.START_ARRAY;
      JsonToken token = array ? parser.nextToken() : first;
      while (token != null && token != JsonToken.END_ARRAY) {
        int line = parser.currentTokenLocation().getLineNr();
        if (token != JsonToken.START_OBJECT) {
          add(problems, line, "expected a battle object {\"model_a\", \"model_b\", \"winner\"}");
          parser.skipChildren();
        } else {
          readBattle(parser.readValueAsTree(), line, battles, problems);
        }
        token = parser.nextToken();
      }
    } catch (JsonProcessingException e) {
      add(
          problems,
          e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
          "not valid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return result(battles, problems);
  }

  private static void readBattle(
      JsonNode node, int line, List<Battle> battles, List<Problem> problems) {
    String winner = node.path("winner").asText(null);
    Outcome outcome = winner == null ? null : ARENA_WINNERS.get(winner);
    if (outcome == null) {
      add(
          problems,
          line,
          "winner "
              + (winner == null ? "is missing" : "'" + winner + "'")
              + "; use model_a, model_b, tie or tie (bothbad)");
      return;
    }
    battle(
        line,
        node.path("model_a").asText(""),
        node.path("model_b").asText(""),
        outcome,
        battles,
        problems);
  }

  private static void battle(
      int line, String a, String b, Outcome outcome, List<Battle> battles, List<Problem> problems) {
    if (a.isEmpty() || b.isEmpty()) {
      add(problems, line, "both systems must be named");
    } else if (a.length() > MAX_NAME || b.length() > MAX_NAME) {
      add(problems, line, "system names are limited to " + MAX_NAME + " characters");
    } else if (a.equals(b)) {
      add(problems, line, "a system cannot battle itself ('" + a + "')");
    } else {
      battles.add(new Battle(line, a, b, outcome));
    }
  }

  private static void add(List<Problem> problems, int line, String message) {
    if (problems.size() < MAX_PROBLEMS) {
      problems.add(new Problem(line, message));
    }
  }

  private static Result result(List<Battle> battles, List<Problem> problems) {
    if (battles.isEmpty() && problems.isEmpty()) {
      problems.add(new Problem(0, "the log holds no battles"));
    }
    return problems.isEmpty()
        ? new Result(List.copyOf(battles), List.of())
        : new Result(List.of(), List.copyOf(problems));
  }
}
