package dev.earshot.judge.scoring;

import dev.earshot.text.wer.Alignment;
import dev.earshot.text.wer.ErrorRates;
import dev.earshot.text.wer.ErrorUnit;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Content judged from what the response audio says, for every judge that transcribes it (the {@code
 * transcription} kind and the ONNX CTC recogniser). Two measurements:
 *
 * <ul>
 *   <li><b>content</b>: the transcript is scored exactly as {@code content-accuracy} scores a text
 *       channel ({@link ContentAccuracyJudge#scoreText}), so both judges agree on the same words;
 *   <li><b>audio–text consistency</b>: the WER of the transcript against the response's own text
 *       channel (what the model wrote is the reference, what it said the hypothesis). It is kept in
 *       the content score's details ({@code textChannelWer}, {@code audioTextConsistency} = 1 − WER
 *       clipped to [0, 1], {@code speechContradictsText}) and does not move the score: the score
 *       says whether the spoken answer is right, the flag whether the text channel can be trusted
 *       to stand for it. A WER above {@code contradictionWer} (default 0.5) flags the response and
 *       leads the reason. A heuristic: a recogniser that writes "42" for "forty-two" raises the WER
 *       too.
 * </ul>
 *
 * No score when the prompt asks nothing content-accuracy checks (then {@link #checksContent} is
 * false and the audio need not be transcribed at all); without a text channel there is no
 * consistency measurement.
 */
public final class TranscriptScoring {

  public static final String KEYWORD_WEIGHT = "keywordWeight";
  public static final String CONTRADICTION_WER = "contradictionWer";
  public static final double DEFAULT_CONTRADICTION_WER = 0.5;

  private static final int MAX_QUOTED_CHARS = 120;

  private final String judgeId;
  private final ContentAccuracyJudge content;
  private final double contradictionWer;

  /**
   * Reads {@code keywordWeight} (content-accuracy's parameter, with its default) and {@code
   * contradictionWer}; rejects any other name.
   *
   * @throws IllegalArgumentException for unknown names or values out of range
   */
  public TranscriptScoring(JudgeParameters parameters) {
    JudgeParameters.Reader reader = parameters.reader();
    contradictionWer = reader.positiveNumber(CONTRADICTION_WER, DEFAULT_CONTRADICTION_WER);
    reader.number(KEYWORD_WEIGHT, 0); // checked, with its default, by content-accuracy below
    reader.requireAllRead();
    Object keywordWeight = parameters.values().get(KEYWORD_WEIGHT);
    judgeId = parameters.judgeId();
    content =
        new ContentAccuracyJudge(
            new JudgeParameters(
                judgeId, keywordWeight == null ? Map.of() : Map.of(KEYWORD_WEIGHT, keywordWeight)));
  }

  /**
   * Whether the prompt asks anything a transcript can be scored on (reference, keywords, ...):
   * content-accuracy gives any text, even an empty one, a score exactly then.
   */
  public boolean checksContent(JudgeInput input) {
    return content.scoreText(input, "").isPresent();
  }

  /**
   * The content score of {@code transcript} with the audio–text consistency in its details, or
   * empty when the prompt asks nothing content-accuracy checks.
   */
  public Optional<DimensionScore> score(JudgeInput input, String transcript) {
    return content
        .scoreText(input, transcript)
        .map(heard -> withConsistency(heard, input, transcript));
  }

  private DimensionScore withConsistency(
      DimensionScore heard, JudgeInput input, String transcript) {
    Map<String, Object> details = new LinkedHashMap<>(heard.details());
    details.put("transcript", transcript);
    String said = judgeId + " heard " + quote(transcript) + ": " + heard.reason();
    String text = input.responseText();
    Alignment alignment = text == null ? null : ErrorRates.score(text, transcript, ErrorUnit.WORD);
    if (alignment == null || alignment.rate() == null) {
      return new DimensionScore(
          heard.dimension(), heard.score(), said + "; no text channel to compare", details);
    }
    double wer = alignment.rate();
    boolean contradicts = wer > contradictionWer;
    details.put("textChannelWer", wer);
    details.put("audioTextConsistency", Math.max(0, 1 - wer));
    details.put("speechContradictsText", contradicts);
    String reason =
        contradicts
            ? String.format(
                    Locale.ROOT,
                    "speech contradicts the text channel (WER %.2f > %.2f); ",
                    wer,
                    contradictionWer)
                + said
            : said
                + String.format(Locale.ROOT, "; speech matches the text channel (WER %.2f)", wer);
    return new DimensionScore(heard.dimension(), heard.score(), reason, details);
  }

  private static String quote(String transcript) {
    String line = transcript.strip().replaceAll("\\s+", " ");
    return "\""
        + (line.length() <= MAX_QUOTED_CHARS ? line : line.substring(0, MAX_QUOTED_CHARS) + "…")
        + "\"";
  }
}
