package dev.earshot.judge.llm;

/** The judge answered, but not in the form asked for; the message says what was wrong. */
final class InvalidAnswerException extends Exception {

  InvalidAnswerException(String message) {
    super(message);
  }
}
