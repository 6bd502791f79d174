package dev.earshot.judge.onnx;

/** How a model's output becomes a result. */
public enum PostProcessing {
  /**
   * Output {@code [batch, classes]} logits: softmax, then the top label with its probability and
   * the full distribution (emotion, sound events).
   */
  SOFTMAX_LABELS,
  /**
   * Output {@code [batch, frames, vocabulary]} logits: greedy CTC decoding (argmax per frame,
   * collapse repeats, drop the blank, map through the vocabulary, word delimiter to space).
   */
  CTC_GREEDY
}
