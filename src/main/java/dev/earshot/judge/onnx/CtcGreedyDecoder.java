package dev.earshot.judge.onnx;

import java.util.List;

/** Greedy (best path) CTC decoding of per-frame logits. */
final class CtcGreedyDecoder {

  private final List<String> vocabulary;
  private final int blankIndex;
  private final String wordDelimiter;

  CtcGreedyDecoder(List<String> vocabulary, int blankIndex, String wordDelimiter) {
    this.vocabulary = List.copyOf(vocabulary);
    this.blankIndex = blankIndex;
    this.wordDelimiter = wordDelimiter;
  }

  /**
   * Decodes {@code frames × vocabulary} logits laid out row by row: argmax per frame, repeats
   * collapsed, blanks dropped (a blank between two equal tokens keeps both), the word delimiter
   * read as a space.
   */
  TranscriptionResult decode(float[] logits, int frames) {
    int size = vocabulary.size();
    if ((long) frames * size != logits.length) {
      throw new OnnxModelException(
          "the model gives "
              + logits.length
              + " logits for "
              + frames
              + " frames, which does not fit a vocabulary of "
              + size);
    }
    StringBuilder text = new StringBuilder();
    int previous = -1;
    for (int frame = 0; frame < frames; frame++) {
      int best = argmax(logits, frame * size, size);
      if (best != previous && best != blankIndex) {
        String token = vocabulary.get(best);
        text.append(token.equals(wordDelimiter) ? " " : token);
      }
      previous = best;
    }
    return new TranscriptionResult(text.toString().trim().replaceAll(" {2,}", " "));
  }

  private static int argmax(float[] values, int offset, int length) {
    int best = 0;
    for (int i = 1; i < length; i++) {
      if (values[offset + i] > values[offset + best]) {
        best = i;
      }
    }
    return best;
  }
}
