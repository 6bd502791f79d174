package dev.earshot.judge.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThanOrEqualTo;

import dev.earshot.testing.RealRecordings;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.config.JsonPathConfig;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /api/analysis/prosody} on real recordings (see {@link RealRecordings}), as a user
 * would send them: the original 48 kHz and 96 kHz files, not a 16 kHz copy.
 */
@QuarkusTest
class RealRecordingsAnalysisResourceTest {

  private static final RestAssuredConfig DOUBLES =
      RestAssuredConfig.config()
          .jsonConfig(
              JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.DOUBLE));

  @Test
  void shouldAnalyseARealVoicePromptAt48Kilohertz() {
    // alsa-utils' "Front left": 71,042 frames at 48 kHz, a person speaking two words.
    given()
        .config(DOUBLES)
        .contentType("audio/wav")
        .body(RealRecordings.bytes("alsa/Front_Left.wav"))
        .when()
        .post("/api/analysis/prosody")
        .then()
        .statusCode(200)
        .body("durationSeconds", closeTo(1.48, 0.001))
        // Measured 206.7 Hz (an independent autocorrelation estimate: 208 Hz).
        .body("f0MedianHz", allOf(greaterThanOrEqualTo(140.0), lessThanOrEqualTo(260.0)))
        // Measured 0.35.
        .body("voicedFraction", greaterThan(0.25))
        .body("intonation", equalTo("falling"))
        // Measured -21.4 LUFS; sox stats: RMS -21.4 dBFS.
        .body("loudnessLufs", closeTo(-21.4, 2.0))
        .body("clippingRatio", closeTo(0.0, 1e-9))
        // One frame per 10 ms while a 40 ms window fits: 1.48 s gives 145 frames.
        .body("pitchTrack", hasSize(145));
  }

  @Test
  void shouldAnalyseARealStereoSoundAt96Kilohertz() {
    // sound-theme-freedesktop's camera shutter, converted to 16-bit WAV at its own 96 kHz stereo.
    given()
        .config(DOUBLES)
        .contentType("audio/wav")
        .body(RealRecordings.bytes("freedesktop/camera-shutter.wav"))
        .when()
        .post("/api/analysis/prosody")
        .then()
        .statusCode(200)
        .body("durationSeconds", closeTo(0.872, 0.001))
        .body("clippingRatio", closeTo(0.0, 1e-9))
        // Measured -23.9 LUFS at 96 kHz, channel powers summed (-33.0 on the old 16 kHz mono
        // average). Independent estimate: the two weakly correlated channels (r = 0.29) have RMS
        // -29.9 and -33.2 dBFS, summed -28.2 dB; K-weighting adds about 4 dB to this mostly
        // high-frequency click, which the 16 kHz copy cut off.
        .body("loudnessLufs", closeTo(-24.0, 1.5));
  }
}
