package dev.earshot.judge.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import dev.earshot.audio.decode.WavWriter;
import dev.earshot.testing.SyntheticSpeech;
import dev.earshot.testing.TestAudio;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.config.JsonPathConfig;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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

  @ParameterizedTest
  @ValueSource(ints = {24_000, 48_000})
  void shouldMeasureClippingOfAStereoFileAtItsOwnRate(int rate) {
    float[] left = SyntheticSpeech.wideband(rate, 2.0, 7);
    float[] right = SyntheticSpeech.wideband(rate, 2.0, 8);
    double gain = SyntheticSpeech.gainForClippedShare(left, 0.10);
    double trueShare = SyntheticSpeech.shareAtFullScale(gain, left, right);
    byte[] wav =
        WavWriter.pcm16(
            new float[][] {
              SyntheticSpeech.amplifyAndClip(left, gain),
              SyntheticSpeech.amplifyAndClip(right, gain)
            },
            rate);

    given()
        .config(DOUBLES)
        .contentType("audio/wav")
        .body(wav)
        .when()
        .post("/api/analysis/prosody")
        .then()
        .statusCode(200)
        .body("clippingRatio", closeTo(trueShare, 0.02))
        .body("sampleRate", equalTo(rate))
        .body("channels", equalTo(2))
        .body("peakDbfs", closeTo(0.0, 0.01))
        .body("truePeakDbtp", greaterThanOrEqualTo(0.0))
        // Clipping spreads distortion products above the signal's own 7 kHz band.
        .body("bandwidthHz", greaterThan(7000.0))
        .body("longestInternalSilenceSeconds", closeTo(0.0, 0.2));
  }

  @Test
  void shouldReportTheGapInsideTheSpeech() {
    int rate = 24_000;
    float[] gapped =
        SyntheticSpeech.withSilenceInMiddle(SyntheticSpeech.wideband(rate, 3.0, 5), rate, 1.5);
    given()
        .config(DOUBLES)
        .contentType("audio/wav")
        .body(WavWriter.pcm16(gapped, rate))
        .when()
        .post("/api/analysis/prosody")
        .then()
        .statusCode(200)
        .body("longestInternalSilenceSeconds", closeTo(1.5, 0.05));
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
