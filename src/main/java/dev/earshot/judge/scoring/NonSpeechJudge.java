package dev.earshot.judge.scoring;

import dev.earshot.dataset.manifest.PromptExpectations.SoundEvent;
import dev.earshot.text.wer.ErrorUnit;
import dev.earshot.text.wer.TextNormalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Did the response text name the non-speech sounds of the prompt? An event counts as named when its
 * label or one of its synonyms occurs in the text as consecutive words after {@link TextNormalizer}
 * normalisation, each word matching across English inflection by {@link EnglishWordForms} (so
 * "someone knocked" names {@code knocking}, "the bells rang" names {@code bell ringing}, multi-word
 * synonyms such as "police car" work, and "bell" does not match "belly"). The score is the fraction
 * of expected events named: 1 or 0 for the usual single event. Naming a different sound earns
 * nothing, and a negation ("not a siren") is not recognised. Prompts without events, and responses
 * without a text channel, get no score.
 */
public final class NonSpeechJudge implements Judge {

  public static final String ID = "nonspeech-naming";
  public static final String DIMENSION = "nonspeech";

  public NonSpeechJudge(JudgeParameters parameters) {
    parameters.reader().requireAllRead();
  }

  @Override
  public String dimension() {
    return DIMENSION;
  }

  @Override
  public Optional<DimensionScore> score(JudgeInput input) {
    List<SoundEvent> events = input.expectations().events();
    String text = input.responseText();
    if (events == null || events.isEmpty() || text == null) {
      return Optional.empty();
    }
    List<String> named = new ArrayList<>();
    List<String> missed = new ArrayList<>();
    List<String> reasons = new ArrayList<>();
    for (SoundEvent event : events) {
      Optional<String> match =
          Stream.concat(Stream.of(event.label()), event.synonyms().stream())
              .filter(name -> !TextNormalizer.tokens(name, ErrorUnit.WORD).isEmpty())
              .filter(name -> EnglishWordForms.containsPhrase(text, name))
              .findFirst();
      if (match.isPresent()) {
        named.add(event.label());
        reasons.add(
            "named '"
                + event.label()
                + "'"
                + (match.get().equals(event.label()) ? "" : " as '" + match.get() + "'"));
      } else {
        missed.add(event.label());
        reasons.add(
            "did not name '"
                + event.label()
                + "'"
                + (event.synonyms().isEmpty() ? "" : " or a synonym"));
      }
    }
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("eventsNamed", named);
    details.put("eventsMissed", missed);
    return Optional.of(
        new DimensionScore(
            DIMENSION, (double) named.size() / events.size(), String.join("; ", reasons), details));
  }
}
