package dev.earshot.duplex.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import dev.earshot.audio.decode.WavWriter;
import dev.earshot.duplex.core.DuplexDemoSystems;
import dev.earshot.duplex.core.SyntheticDialogue;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.config.JsonPathConfig;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DuplexAnalysisResourceTest {

  private static final RestAssuredConfig DOUBLES =
      RestAssuredConfig.config()
          .jsonConfig(
              JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.DOUBLE));

  @Test
  void shouldMeasureThePatientDemoDialogue() {
    byte[] wav =
        WavWriter.pcm16(
            DuplexDemoSystems.PATIENT.dialogue().channels(), SyntheticDialogue.SAMPLE_RATE);
    given()
        .config(DOUBLES)
        .contentType("audio/wav")
        .body(wav)
        .when()
        .post("/api/analysis/duplex")
        .then()
        .statusCode(200)
        .body("segmenter", equalTo("silero-vad"))
        .body("durationSeconds", closeTo(12.0, 0.001))
        .body("user.segments", hasSize(3))
        .body("user.segments[0].start", closeTo(0.5, 0.03))
        .body("user.segments[0].end", closeTo(3.0, 0.03))
        .body("model.segments", hasSize(4))
        .body("turns", hasSize(3))
        .body("turns[1].userEnd", closeTo(7.0, 0.03))
        .body("turns[1].modelStart", closeTo(7.3, 0.03))
        .body("turns[1].latencySeconds", closeTo(0.3, 0.03))
        .body("latencySeconds.median", closeTo(0.3, 0.03))
        .body("latencySeconds.p90", closeTo(0.3, 0.03))
        .body("latencySeconds.count", equalTo(3))
        .body("overlapSeconds", closeTo(0.7, 0.06))
        .body("interruptions", equalTo(0))
        .body("backchannels", equalTo(1))
        .body("bargeIns", equalTo(1))
        .body("yieldedWithin1s", closeTo(1.0, 1e-9))
        .body("meanYieldSeconds", closeTo(0.4, 0.03));
  }

  @Test
  void shouldAnswerNullsForADialogueWithoutBargeIns() {
    byte[] wav =
        WavWriter.pcm16(
            new SyntheticDialogue(3).user(0.5, 1.5).model(1.8, 2.8).channels(),
            SyntheticDialogue.SAMPLE_RATE);
    given()
        .config(DOUBLES)
        .contentType("audio/wav")
        .body(wav)
        .when()
        .post("/api/analysis/duplex")
        .then()
        .statusCode(200)
        .body("bargeIns", equalTo(0))
        .body("yieldedWithin1s", nullValue())
        .body("meanYieldSeconds", nullValue())
        .body("turns[0].latencySeconds", closeTo(0.3, 0.03));
  }

  @Test
  void shouldRejectAudioThatIsNotTwoChannels() {
    float[][] channels = new SyntheticDialogue(1).user(0.2, 0.8).channels();
    for (float[][] wrong :
        new float[][][] {{channels[0]}, {channels[0], channels[1], channels[0]}}) {
      given()
          .contentType("audio/wav")
          .body(WavWriter.pcm16(wrong, SyntheticDialogue.SAMPLE_RATE))
          .when()
          .post("/api/analysis/duplex")
          .then()
          .statusCode(422)
          .contentType("application/problem+json")
          .body("title", equalTo("Not a two-channel recording"))
          .body("instance", equalTo("/api/analysis/duplex"));
    }
  }

  @Test
  void shouldRejectBrokenAudioLikeTheUploadDoes() {
    given()
        .contentType("audio/wav")
        .body("RIFF....WAVEfmt nonsense".getBytes(StandardCharsets.US_ASCII))
        .when()
        .post("/api/analysis/duplex")
        .then()
        .statusCode(422)
        .contentType("application/problem+json");
    given()
        .contentType("text/plain")
        .body("just words".getBytes(StandardCharsets.US_ASCII))
        .when()
        .post("/api/analysis/duplex")
        .then()
        .statusCode(415)
        .contentType("application/problem+json");
  }
}
