package dev.earshot.judge.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the judge's answer out of a chat-completions response, tolerating the usual wrapping. */
final class JudgeAnswers {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Reasoning models may think aloud before answering; braces in there are not the answer. */
  private static final Pattern THINKING = Pattern.compile("(?s)<think>.*?</think>");

  private static final Pattern FENCE = Pattern.compile("(?s)```[A-Za-z]*\\s*(.*?)```");

  private JudgeAnswers() {}

  /** The assistant message text of a chat-completions response body. */
  static String messageContent(String responseBody) throws InvalidAnswerException {
    JsonNode content;
    try {
      content = JSON.readTree(responseBody).path("choices").path(0).path("message").path("content");
    } catch (JsonProcessingException e) {
      throw new InvalidAnswerException("the response is not JSON: " + e.getOriginalMessage());
    }
    if (content.isTextual()) {
      return content.asText();
    }
    // Some servers send content as a list of parts.
    if (content.isArray()) {
      StringBuilder text = new StringBuilder();
      content.forEach(part -> text.append(part.path("text").asText("")));
      return text.toString();
    }
    throw new InvalidAnswerException("the response has no choices[0].message.content");
  }

  /** The answer in {@code content}: a JSON object, possibly fenced or surrounded by prose. */
  static <T> T read(String content, AnswerFormat<T> format) throws InvalidAnswerException {
    String text = THINKING.matcher(content).replaceAll("").strip();
    Matcher fence = FENCE.matcher(text);
    if (fence.find()) {
      text = fence.group(1);
    }
    int start = text.indexOf('{');
    int end = text.lastIndexOf('}');
    if (start < 0 || end < start) {
      throw new InvalidAnswerException("the answer contains no JSON object");
    }
    JsonNode answer;
    try {
      answer = JSON.readTree(text.substring(start, end + 1));
    } catch (JsonProcessingException e) {
      throw new InvalidAnswerException(
          "the answer's JSON does not parse: " + e.getOriginalMessage());
    }
    if (!answer.isObject()) {
      throw new InvalidAnswerException("the answer's JSON is not an object");
    }
    return format.read(answer);
  }
}
