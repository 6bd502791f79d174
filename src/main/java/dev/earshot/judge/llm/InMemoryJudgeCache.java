package dev.earshot.judge.llm;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link JudgeCache} that lives as long as the process. */
public final class InMemoryJudgeCache implements JudgeCache {

  private final Map<String, String> answers = new ConcurrentHashMap<>();

  @Override
  public Optional<String> get(String key) {
    return Optional.ofNullable(answers.get(key));
  }

  @Override
  public void put(String key, String rawAnswer) {
    answers.put(key, rawAnswer);
  }

  public int size() {
    return answers.size();
  }
}
