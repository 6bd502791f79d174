package dev.earshot.judge.onnx;

/**
 * A speech recogniser's answer.
 *
 * @param text the decoded words, single-spaced, without leading or trailing space
 */
public record TranscriptionResult(String text) {}
