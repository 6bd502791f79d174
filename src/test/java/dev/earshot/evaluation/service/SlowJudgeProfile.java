package dev.earshot.evaluation.service;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/**
 * Two workers with a two-second lease and the llm judges pointed at {@link SlowJudgeModel}, whose
 * slow answers outlast the lease.
 */
public class SlowJudgeProfile implements QuarkusTestProfile {

  @Override
  public Map<String, String> getConfigOverrides() {
    return Map.of(
        "earshot.evaluation.workers", "2",
        "earshot.evaluation.lease", "PT2S",
        "earshot.evaluation.poll-interval", "PT0.1S");
  }

  @Override
  public List<TestResourceEntry> testResources() {
    return List.of(new TestResourceEntry(SlowJudgeModel.class));
  }
}
