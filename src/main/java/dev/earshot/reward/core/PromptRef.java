package dev.earshot.reward.core;

/** The prompt a response answers: a stored prompt's id or the prompt's text itself. */
public sealed interface PromptRef {

  /** A prompt stored in Earshot, by id. */
  record Id(String id) implements PromptRef {}

  /** The prompt's text as the trainer sent it. */
  record Text(String text) implements PromptRef {}
}
