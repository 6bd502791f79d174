package dev.earshot.judge.scoring;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How a judge works: signal measurements, text comparison, an ONNX model, or a language model. */
public enum JudgeKind {
  DSP,
  TEXT,
  ONNX,
  LLM;

  /** The spelling used in judge files: {@code dsp}, {@code text}, {@code onnx}, {@code llm}. */
  public String fileName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The kind spelled {@code name} in a judge file, if any. */
  public static Optional<JudgeKind> fromFileName(String name) {
    return Arrays.stream(values()).filter(kind -> kind.fileName().equals(name)).findFirst();
  }
}
