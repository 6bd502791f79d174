package dev.earshot.evaluation.rest;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;

/** The service with its llm judges pointed at {@link FakeJudgeModel}. */
public class LlmJudgeProfile implements QuarkusTestProfile {

  @Override
  public List<TestResourceEntry> testResources() {
    return List.of(new TestResourceEntry(FakeJudgeModel.class));
  }
}
