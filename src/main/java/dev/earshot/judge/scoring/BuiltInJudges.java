package dev.earshot.judge.scoring;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

/** Builds the judges implemented in this package from their definitions. */
public final class BuiltInJudges {

  private static final Map<String, Function<JudgeParameters, Judge>> BY_ID =
      Map.of(
          ProsodyAppropriatenessJudge.ID, ProsodyAppropriatenessJudge::new,
          AcousticArousalJudge.ID, AcousticArousalJudge::new,
          AudioQualityJudge.ID, AudioQualityJudge::new,
          ContentAccuracyJudge.ID, ContentAccuracyJudge::new,
          NonSpeechJudge.ID, NonSpeechJudge::new);

  private BuiltInJudges() {}

  /** Whether {@code id} names a judge implemented here (the others need a model runtime). */
  public static boolean isBuiltIn(String id) {
    return BY_ID.containsKey(id);
  }

  /**
   * The judge a definition declares, configured with its parameters.
   *
   * @throws IllegalArgumentException when the id is not a built-in judge, the definition declares
   *     other dimensions than the judge scores, or a parameter is invalid
   */
  public static Judge create(JudgeDefinition definition) {
    Function<JudgeParameters, Judge> constructor = BY_ID.get(definition.id());
    if (constructor == null) {
      throw new IllegalArgumentException(
          "judge '"
              + definition.id()
              + "' is not built in; built-in judges are "
              + new TreeSet<>(BY_ID.keySet()));
    }
    Judge judge = constructor.apply(definition.parameters());
    if (!definition.dimensions().equals(List.of(judge.dimension()))) {
      throw new IllegalArgumentException(
          "judge '"
              + definition.id()
              + "' scores the dimension ["
              + judge.dimension()
              + "], but its file declares "
              + definition.dimensions());
    }
    return judge;
  }
}
