package dev.earshot.judge.llm;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/** A JSON answer the judge is asked for: the instruction that asks for it, and its reader. */
interface AnswerFormat<T> {

  AnswerFormat<PointwiseScore> SCORE =
      new AnswerFormat<>() {
        @Override
        public String instruction() {
          return "Answer with only a JSON object: {\"score\": <integer from 1 (worst) to 5"
              + " (best)>, \"rationale\": \"<one or two sentences>\"}";
        }

        @Override
        public PointwiseScore read(JsonNode answer) throws InvalidAnswerException {
          JsonNode score = answer.get("score");
          int value;
          if (score != null && score.isNumber() && score.canConvertToExactIntegral()) {
            value = score.asInt();
          } else if (score != null && score.isTextual() && score.asText().strip().matches("\\d+")) {
            value = Integer.parseInt(score.asText().strip());
          } else {
            throw new InvalidAnswerException("\"score\" is missing or not an integer: " + score);
          }
          if (value < 1 || value > 5) {
            throw new InvalidAnswerException("\"score\" " + value + " is outside 1..5");
          }
          return new PointwiseScore(value, rationale(answer));
        }
      };

  AnswerFormat<PairwiseAnswer> PREFERENCE =
      new AnswerFormat<>() {
        @Override
        public String instruction() {
          return "Answer with only a JSON object: {\"winner\": \"A\", \"B\" or \"tie\","
              + " \"rationale\": \"<one or two sentences>\"}";
        }

        @Override
        public PairwiseAnswer read(JsonNode answer) throws InvalidAnswerException {
          JsonNode winner = answer.get("winner");
          String label = winner != null && winner.isTextual() ? winner.asText().strip() : "";
          PairwiseVerdict verdict =
              switch (label.toUpperCase(Locale.ROOT)) {
                case "A" -> PairwiseVerdict.A;
                case "B" -> PairwiseVerdict.B;
                case "TIE" -> PairwiseVerdict.TIE;
                default ->
                    throw new InvalidAnswerException(
                        "\"winner\" must be \"A\", \"B\" or \"tie\", not " + winner);
              };
          return new PairwiseAnswer(verdict, rationale(answer));
        }
      };

  /** Appended to the judge's instructions and repeated when an answer has to be asked again. */
  String instruction();

  T read(JsonNode answer) throws InvalidAnswerException;

  /** A missing rationale costs the score nothing; it is only an explanation. */
  private static String rationale(JsonNode answer) {
    JsonNode rationale = answer.get("rationale");
    return rationale == null || rationale.isNull() ? "" : rationale.asText();
  }
}
