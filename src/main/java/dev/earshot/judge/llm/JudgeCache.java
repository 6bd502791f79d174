package dev.earshot.judge.llm;

import java.util.Optional;

/**
 * Stores the judge model's raw answer text by a key derived from the judge version and every input
 * of the request, so that re-running an evaluation costs no model calls. Implementations must be
 * safe for concurrent use.
 */
public interface JudgeCache {

  Optional<String> get(String key);

  void put(String key, String rawAnswer);
}
