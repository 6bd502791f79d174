package dev.earshot.judge.scoring;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * How a judge works: signal measurements, text comparison, an ONNX model, a language model, a
 * speech recogniser behind an OpenAI-compatible transcription API, a reward model trained from
 * preference pairs, or the turn-taking timing of a two-channel dialogue.
 */
public enum JudgeKind {
  DSP,
  TEXT,
  ONNX,
  LLM,
  TRANSCRIPTION,
  REWARD_MODEL,
  DUPLEX;

  /**
   * The spelling used in judge files: {@code dsp}, {@code text}, {@code onnx}, {@code llm}, {@code
   * transcription}, {@code reward-model}, {@code duplex}.
   */
  public String fileName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The kind spelled {@code name} in a judge file, if any. */
  public static Optional<JudgeKind> fromFileName(String name) {
    return Arrays.stream(values()).filter(kind -> kind.fileName().equals(name)).findFirst();
  }

  /** Every spelling, comma-separated, for error messages. */
  public static String fileNames() {
    return Arrays.stream(values()).map(JudgeKind::fileName).collect(Collectors.joining(", "));
  }
}
