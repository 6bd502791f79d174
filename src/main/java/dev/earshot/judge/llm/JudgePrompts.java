package dev.earshot.judge.llm;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Function;

/**
 * The chat messages that put a judging task to the model. Audio goes in through {@code audioData},
 * so that the same messages can be built with base64 audio for the request and with audio hashes
 * for the cache key.
 */
final class JudgePrompts {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private JudgePrompts() {}

  static ArrayNode pointwise(
      SpokenPrompt prompt,
      SpokenResponse response,
      Rubric rubric,
      Function<byte[], String> audioData) {
    String system =
        "You are an impartial judge of spoken answers given by a voice assistant. You hear the"
            + " answer as audio. Judge only the dimension named below, following its rubric, and"
            + " ignore every other quality. "
            + AnswerFormat.SCORE.instruction();
    ArrayNode parts = NODES.arrayNode();
    addRubric(parts, rubric);
    addPrompt(parts, prompt, audioData);
    addResponse(parts, "The assistant's answer", response, audioData);
    addText(parts, "Rate the answer on " + rubric.dimension() + " now.");
    return conversation(system, parts);
  }

  /** Asks which of {@code first} (labelled A) and {@code second} (labelled B) is better. */
  static ArrayNode pairwise(
      SpokenPrompt prompt,
      SpokenResponse first,
      SpokenResponse second,
      Rubric rubric,
      Function<byte[], String> audioData) {
    String system =
        "You are an impartial judge comparing two spoken answers, A and B, that voice assistants"
            + " gave to the same prompt. You hear the answers as audio. Judge only the dimension"
            + " named below, following its rubric, and ignore every other quality. The order in"
            + " which the answers are presented must not influence you. "
            + AnswerFormat.PREFERENCE.instruction();
    ArrayNode parts = NODES.arrayNode();
    addRubric(parts, rubric);
    addPrompt(parts, prompt, audioData);
    addResponse(parts, "Answer A", first, audioData);
    addResponse(parts, "Answer B", second, audioData);
    addText(parts, "Which answer is better on " + rubric.dimension() + "?");
    return conversation(system, parts);
  }

  /** Appends the judge's unusable answer and asks again, saying what was wrong. */
  static void addCorrection(
      ArrayNode messages, String unusableAnswer, String problem, AnswerFormat<?> format) {
    messages.add(message("assistant").put("content", unusableAnswer));
    messages.add(
        message("user")
            .put(
                "content",
                "That answer could not be used: " + problem + ". " + format.instruction() + "."));
  }

  private static ArrayNode conversation(String system, ArrayNode userParts) {
    ArrayNode messages = NODES.arrayNode();
    messages.add(message("system").put("content", system));
    ObjectNode user = message("user");
    user.set("content", userParts);
    messages.add(user);
    return messages;
  }

  private static ObjectNode message(String role) {
    return NODES.objectNode().put("role", role);
  }

  private static void addRubric(ArrayNode parts, Rubric rubric) {
    addText(parts, "Dimension: " + rubric.dimension() + "\nRubric: " + rubric.expectations());
  }

  private static void addPrompt(
      ArrayNode parts, SpokenPrompt prompt, Function<byte[], String> audioData) {
    if (prompt.text() != null && !prompt.text().isBlank()) {
      addText(parts, "The user's prompt (text): " + prompt.text());
    }
    if (prompt.audioWav() != null) {
      addText(parts, "The user's prompt (audio):");
      addAudio(parts, prompt.audioWav(), audioData);
    }
  }

  private static void addResponse(
      ArrayNode parts, String label, SpokenResponse response, Function<byte[], String> audioData) {
    addText(parts, label + " (audio):");
    addAudio(parts, response.audioWav(), audioData);
    if (response.text() != null && !response.text().isBlank()) {
      addText(parts, label + " (text channel): " + response.text());
    }
  }

  private static void addText(ArrayNode parts, String text) {
    parts.addObject().put("type", "text").put("text", text);
  }

  private static void addAudio(ArrayNode parts, byte[] wav, Function<byte[], String> audioData) {
    ObjectNode part = parts.addObject().put("type", "input_audio");
    part.putObject("input_audio").put("data", audioData.apply(wav)).put("format", "wav");
  }
}
