package dev.earshot.judge.onnx;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * What Earshot needs to know to run an audio ONNX model: where it is, what audio it takes and how
 * its output is read. Construction fails with a message naming the problem; a missing model file is
 * reported as "not configured", never replaced by a fallback.
 *
 * @param modelPath the {@code .onnx} file
 * @param inputSampleRate the sample rate the model was trained on; 16 kHz audio is resampled to it
 * @param inputLayout the shape the waveform is fed in
 * @param postProcessing how the output becomes a result
 * @param labels class labels for {@link PostProcessing#SOFTMAX_LABELS}, or the token vocabulary
 *     (index = logit position) for {@link PostProcessing#CTC_GREEDY}
 * @param blankIndex the CTC blank token's index; {@code -1} for classification
 * @param wordDelimiter the CTC token that stands for a space (e.g. {@code "|"}), {@code null} if
 *     the vocabulary has none; always {@code null} for classification
 */
public record OnnxModelSpec(
    Path modelPath,
    int inputSampleRate,
    InputLayout inputLayout,
    PostProcessing postProcessing,
    List<String> labels,
    int blankIndex,
    String wordDelimiter) {

  /** Sample rate of the audio Earshot analyses, and the default model input rate. */
  public static final int DEFAULT_SAMPLE_RATE = 16_000;

  /** Below this no speech model makes sense; above it a configuration typo is likelier. */
  private static final int MIN_SAMPLE_RATE = 4_000;

  private static final int MAX_SAMPLE_RATE = 96_000;

  public OnnxModelSpec {
    OnnxModels.requireModelFile(modelPath);
    if (inputSampleRate < MIN_SAMPLE_RATE || inputSampleRate > MAX_SAMPLE_RATE) {
      throw new IllegalArgumentException(
          "input sample rate must be between "
              + MIN_SAMPLE_RATE
              + " and "
              + MAX_SAMPLE_RATE
              + " Hz, got "
              + inputSampleRate);
    }
    Objects.requireNonNull(inputLayout, "inputLayout");
    Objects.requireNonNull(postProcessing, "postProcessing");
    labels = List.copyOf(Objects.requireNonNull(labels, "labels"));
    switch (postProcessing) {
      case SOFTMAX_LABELS -> requireClassLabels(labels, blankIndex, wordDelimiter);
      case CTC_GREEDY -> requireVocabulary(labels, blankIndex, wordDelimiter);
    }
  }

  /**
   * A 16 kHz {@code [batch, samples]} classifier whose logits are in the order of {@code labels}.
   */
  public static OnnxModelSpec classifier(Path modelPath, List<String> labels) {
    return new OnnxModelSpec(
        modelPath,
        DEFAULT_SAMPLE_RATE,
        InputLayout.BATCH_SAMPLES,
        PostProcessing.SOFTMAX_LABELS,
        labels,
        -1,
        null);
  }

  /** A 16 kHz {@code [batch, samples]} CTC speech recogniser. */
  public static OnnxModelSpec ctc(
      Path modelPath, List<String> vocabulary, int blankIndex, String wordDelimiter) {
    return new OnnxModelSpec(
        modelPath,
        DEFAULT_SAMPLE_RATE,
        InputLayout.BATCH_SAMPLES,
        PostProcessing.CTC_GREEDY,
        vocabulary,
        blankIndex,
        wordDelimiter);
  }

  /** This spec with another model input sample rate. */
  public OnnxModelSpec withInputSampleRate(int sampleRate) {
    return new OnnxModelSpec(
        modelPath, sampleRate, inputLayout, postProcessing, labels, blankIndex, wordDelimiter);
  }

  /** This spec with another input layout. */
  public OnnxModelSpec withInputLayout(InputLayout layout) {
    return new OnnxModelSpec(
        modelPath, inputSampleRate, layout, postProcessing, labels, blankIndex, wordDelimiter);
  }

  private static void requireClassLabels(List<String> labels, int blankIndex, String delimiter) {
    if (labels.size() < 2) {
      throw new IllegalArgumentException(
          "a classifier needs at least 2 labels, got " + labels.size());
    }
    if (labels.stream().anyMatch(String::isBlank)) {
      throw new IllegalArgumentException("class labels must not be blank: " + labels);
    }
    if (new HashSet<>(labels).size() != labels.size()) {
      throw new IllegalArgumentException("class labels must be distinct: " + labels);
    }
    if (blankIndex != -1 || delimiter != null) {
      throw new IllegalArgumentException(
          "blank index and word delimiter apply only to " + PostProcessing.CTC_GREEDY);
    }
  }

  private static void requireVocabulary(List<String> vocabulary, int blankIndex, String delimiter) {
    if (vocabulary.size() < 2) {
      throw new IllegalArgumentException(
          "a CTC vocabulary needs a blank and at least one token, got " + vocabulary.size());
    }
    if (blankIndex < 0 || blankIndex >= vocabulary.size()) {
      throw new IllegalArgumentException(
          "CTC blank index " + blankIndex + " is outside the vocabulary of " + vocabulary.size());
    }
    if (delimiter != null && !vocabulary.contains(delimiter)) {
      throw new IllegalArgumentException(
          "word delimiter '" + delimiter + "' is not in the vocabulary");
    }
  }
}
