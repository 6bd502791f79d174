package dev.earshot.evaluation.rest;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;

/** The service with its transcription judges pointed at {@link FakeTranscriptionModel}. */
public class TranscriptionProfile implements QuarkusTestProfile {

  @Override
  public List<TestResourceEntry> testResources() {
    return List.of(new TestResourceEntry(FakeTranscriptionModel.class));
  }
}
