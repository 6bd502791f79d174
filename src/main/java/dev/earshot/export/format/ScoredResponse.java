package dev.earshot.export.format;

import java.util.Collections;
import java.util.Comparator;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** A response with its score on each judged dimension; scores are kept sorted by dimension. */
public record ScoredResponse(Turn prompt, Turn response, Map<String, Double> scores) {

  /** The order records must be written in; all responses to one prompt are consecutive. */
  public static final Comparator<ScoredResponse> ORDER =
      Comparator.comparing((ScoredResponse scored) -> scored.prompt().id())
          .thenComparing(scored -> scored.response().id());

  public ScoredResponse {
    Objects.requireNonNull(prompt, "prompt");
    Objects.requireNonNull(response, "response");
    scores = Collections.unmodifiableMap(new TreeMap<>(scores));
    scores.forEach(
        (dimension, score) ->
            JsonLines.requireFinite(Objects.requireNonNull(score, dimension), dimension));
  }
}
