package dev.earshot.judge.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.lessThan;

import dev.earshot.audio.decode.Resampler;
import dev.earshot.audio.decode.WavWriter;
import dev.earshot.codec.core.Degradations;
import dev.earshot.testing.ManagementInterface;
import dev.earshot.testing.SyntheticSpeech;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.config.JsonPathConfig;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ResynthesisAnalysisResourceTest {

  private static final String PATH = "/api/analysis/resynthesis";
  private static final int RATE = 16_000;

  private static final RestAssuredConfig DOUBLES =
      RestAssuredConfig.config()
          .jsonConfig(
              JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.DOUBLE));

  @Test
  void shouldReadAFlacOfTheSameSamplesAsAPerfectResynthesis() throws IOException {
    // The FLAC fixture holds exactly the samples of its WAV companion (see audio/README.md).
    given()
        .config(DOUBLES)
        .multiPart("original", "mono16.wav", fixture("/audio/mono16.wav"), "audio/wav")
        .multiPart("resynthesised", "mono16.flac", fixture("/audio/mono16.flac"), "audio/flac")
        .when()
        .post(PATH)
        .then()
        .statusCode(200)
        .body("alignmentLagSeconds", equalTo(0.0))
        .body("lsdDb", closeTo(0.0, 1e-9))
        .body("mcdDb", closeTo(0.0, 1e-9))
        .body("siSdrDb", equalTo(100.0))
        .body("stoi", closeTo(1.0, 1e-9))
        .body("voicingErrorRate", equalTo(0.0))
        .body("intonationKept", equalTo(true))
        .body("loudnessDifferenceLu", equalTo(0.0))
        .body("bandwidthOriginalHz", greaterThan(7000.0))
        .body("bandwidthResynthesisedHz", greaterThan(7000.0));
  }

  @Test
  void shouldAlignADelayedNoisyResynthesisAtAnotherRate() {
    // 10 ms later, white noise at 10 dB SNR, delivered at 48 kHz.
    float[] speech = SyntheticSpeech.wideband(RATE, 2.0, 3);
    float[] delayed = new float[speech.length + 160];
    System.arraycopy(speech, 0, delayed, 160, speech.length);
    float[] noisy = Degradations.withWhiteNoise(delayed, 10, 8);
    float[] at48k = Resampler.resample(noisy, RATE, 48_000);

    given()
        .config(DOUBLES)
        .multiPart("original", "original.wav", WavWriter.pcm16(speech, RATE), "audio/wav")
        .multiPart("resynthesised", "codec.wav", WavWriter.pcm16(at48k, 48_000), "audio/wav")
        .when()
        .post(PATH)
        .then()
        .statusCode(200)
        .body("alignmentLagSeconds", closeTo(0.01, 1.0 / RATE))
        .body("siSdrDb", closeTo(10.0, 1.0))
        .body("stoi", lessThan(1.0))
        .body("stoi", greaterThan(0.5))
        .body("lsdDb", greaterThan(1.0))
        .body("mcdDb", greaterThan(0.1));
  }

  @Test
  void shouldRefuseAPairShorterThanHalfASecond() {
    float[] speech = SyntheticSpeech.wideband(RATE, 1.0, 3);
    float[] short4 = Arrays.copyOf(speech, (int) (0.4 * RATE));
    given()
        .multiPart("original", "original.wav", WavWriter.pcm16(speech, RATE), "audio/wav")
        .multiPart("resynthesised", "codec.wav", WavWriter.pcm16(short4, RATE), "audio/wav")
        .when()
        .post(PATH)
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("detail", containsString("resynthesised"))
        .body("detail", containsString("0.5 s"));
  }

  @Test
  void shouldNameThePartThatIsNotAudio() {
    float[] speech = SyntheticSpeech.wideband(RATE, 1.0, 3);
    given()
        .multiPart("original", "notes.txt", "not audio at all".getBytes(), "audio/wav")
        .multiPart("resynthesised", "codec.wav", WavWriter.pcm16(speech, RATE), "audio/wav")
        .when()
        .post(PATH)
        .then()
        .statusCode(415)
        .contentType("application/problem+json")
        .body("detail", containsString("part 'original'"));
  }

  @Test
  void shouldAskForAMissingPart() {
    float[] speech = SyntheticSpeech.wideband(RATE, 1.0, 3);
    given()
        .multiPart("original", "original.wav", WavWriter.pcm16(speech, RATE), "audio/wav")
        .when()
        .post(PATH)
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("detail", containsString("'resynthesised'"));
  }

  @Test
  void shouldDocumentTheMultipartContract() {
    String body =
        "paths.'/api/analysis/resynthesis'.post.requestBody.content.'multipart/form-data'";
    ManagementInterface.management()
        .when()
        .get("openapi?format=json")
        .then()
        .statusCode(200)
        .body(body + ".schema.properties.original.format", equalTo("binary"))
        .body(body + ".schema.properties.resynthesised.format", equalTo("binary"))
        .body(
            "components.schemas.ResynthesisReport.properties.alignmentLagSeconds.description",
            containsString("positive when it starts later"));
  }

  private static byte[] fixture(String resource) throws IOException {
    try (InputStream in = ResynthesisAnalysisResourceTest.class.getResourceAsStream(resource)) {
      return in.readAllBytes();
    }
  }
}
