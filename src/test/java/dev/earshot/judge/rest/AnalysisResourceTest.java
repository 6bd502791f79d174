package dev.earshot.judge.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import dev.earshot.testing.TestAudio;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.config.JsonPathConfig;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AnalysisResourceTest {

  private static final RestAssuredConfig DOUBLES =
      RestAssuredConfig.config()
          .jsonConfig(
              JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.DOUBLE));

  @Test
  void shouldMeasurePitchAndLoudnessOfASteadyTone() {
    // 0.3 amplitude sine: RMS 0.212 = -13.47 dBFS; a steady tone has a level final contour.
    byte[] wav = TestAudio.toneWav(220, 1.0, 16_000);
    given()
        .config(DOUBLES)
        .contentType("audio/wav")
        .body(wav)
        .when()
        .post("/api/analysis/prosody")
        .then()
        .statusCode(200)
        .body("durationSeconds", closeTo(1.0, 0.001))
        .body("f0MedianHz", closeTo(220.0, 220 * 0.05))
        .body("voicedFraction", closeTo(1.0, 0.1))
        .body("intonation", equalTo("level"))
        .body("rmsDbfs", closeTo(-13.47, 0.1))
        .body("clippingRatio", closeTo(0.0, 1e-9))
        .body("pauses.count", equalTo(0))
        .body("pitchTrack", hasSize(org.hamcrest.Matchers.greaterThan(90)))
        .body("pitchTrack[50].f0Hz", closeTo(220.0, 11.0));
  }

  @Test
  void shouldReportRisingQuestionOfARealSpeechFixture() throws IOException {
    byte[] wav;
    try (InputStream in = getClass().getResourceAsStream("/dsp/question-hear-female.wav")) {
      wav = in.readAllBytes();
    }
    given()
        .config(DOUBLES)
        .contentType("audio/wav")
        .body(wav)
        .when()
        .post("/api/analysis/prosody")
        .then()
        .statusCode(200)
        .body("intonation", equalTo("rising"))
        .body("intonationConfidence", org.hamcrest.Matchers.greaterThan(0.3));
  }

  @Test
  void shouldRejectBrokenAudioLikeTheUploadDoes() {
    given()
        .contentType("audio/wav")
        .body("RIFF....WAVEfmt nonsense".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
        .when()
        .post("/api/analysis/prosody")
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("type", equalTo("about:blank"))
        .body("instance", equalTo("/api/analysis/prosody"))
        .body("errors", nullValue());
  }
}
