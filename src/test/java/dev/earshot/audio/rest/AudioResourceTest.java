package dev.earshot.audio.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.earshot.testing.TestAudio;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AudioResourceTest {

  private static final Path STORE = Path.of("target/test-data/audio");

  @Test
  void shouldStoreNewAudioWith201AndSameBytesWith200() {
    byte[] wav = TestAudio.toneWav(441, 0.5, 16_000);
    String sha = sha256(wav);

    given()
        .contentType("audio/wav")
        .body(wav)
        .when()
        .post("/api/audio")
        .then()
        .statusCode(201)
        .body("sha256", equalTo(sha))
        .body("format", equalTo("wav"))
        .body("sampleRate", equalTo(16000))
        .body("channels", equalTo(1))
        .body("bitsPerSample", equalTo(16))
        .body("frames", equalTo(8000))
        .body("durationSeconds", equalTo(0.5f));

    given()
        .contentType("application/octet-stream")
        .body(wav)
        .when()
        .post("/api/audio")
        .then()
        .statusCode(200)
        .body("sha256", equalTo(sha))
        .body("frames", equalTo(8000));

    given()
        .when()
        .get("/api/audio/" + sha + "/info")
        .then()
        .statusCode(200)
        .body("format", equalTo("wav"))
        .body("durationSeconds", equalTo(0.5f));
    assertThat(STORE.resolve(sha.substring(0, 2)).resolve(sha)).exists().hasBinaryContent(wav);
  }

  @Test
  void shouldStreamOriginalBytesAndHonourRanges() {
    byte[] wav = TestAudio.toneWav(523, 0.25, 16_000);
    String sha =
        given()
            .contentType("audio/wav")
            .body(wav)
            .post("/api/audio")
            .then()
            .extract()
            .path("sha256");

    byte[] whole =
        given()
            .when()
            .get("/api/audio/" + sha)
            .then()
            .statusCode(200)
            .contentType("audio/wav")
            .header("Accept-Ranges", "bytes")
            .extract()
            .asByteArray();
    assertThat(whole).isEqualTo(wav);

    ExtractableResponse<?> partial =
        given()
            .header("Range", "bytes=10-19")
            .when()
            .get("/api/audio/" + sha)
            .then()
            .statusCode(206)
            .header("Content-Range", "bytes 10-19/" + wav.length)
            .extract();
    assertThat(partial.asByteArray()).isEqualTo(Arrays.copyOfRange(wav, 10, 20));

    byte[] tail =
        given()
            .header("Range", "bytes=-4")
            .when()
            .get("/api/audio/" + sha)
            .then()
            .statusCode(206)
            .extract()
            .asByteArray();
    assertThat(tail).isEqualTo(Arrays.copyOfRange(wav, wav.length - 4, wav.length));

    given()
        .header("Range", "bytes=" + wav.length + "-")
        .when()
        .get("/api/audio/" + sha)
        .then()
        .statusCode(416)
        .contentType("application/problem+json");
  }

  @Test
  void shouldAnswerUnknownAudioWith404() {
    String unknown = "0".repeat(64);
    given()
        .when()
        .get("/api/audio/" + unknown)
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body("detail", containsString(unknown));
    given().when().get("/api/audio/" + unknown + "/info").then().statusCode(404);
    given().when().get("/api/audio/not-a-hash").then().statusCode(404);
  }

  @Test
  void shouldRejectEmptyBodyAs422() {
    rejected(new byte[0], 422, "Malformed audio");
  }

  @Test
  void shouldRejectMp3As415() {
    byte[] mp3 = new byte[2048];
    mp3[0] = 'I';
    mp3[1] = 'D';
    mp3[2] = '3';
    mp3[3] = 4;
    rejected(mp3, 415, "Unsupported audio format");
  }

  @Test
  void shouldRejectTextAs415() {
    rejected(
        "just some text, not audio at all".getBytes(StandardCharsets.UTF_8),
        415,
        "Unsupported audio format");
  }

  @Test
  void shouldRejectAdpcmWavAs415() {
    byte[] wav = TestAudio.toneWav(600, 0.1, 16_000);
    ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN).putShort(20, (short) 0x0011);
    rejected(wav, 415, "Unsupported audio format");
  }

  @Test
  void shouldRejectTruncatedWavAs422() {
    byte[] wav = TestAudio.toneWav(700, 0.5, 16_000);
    rejected(Arrays.copyOf(wav, wav.length / 2), 422, "Malformed audio");
  }

  @Test
  void shouldRejectZeroChannelHeaderAs422() {
    byte[] wav = TestAudio.toneWav(800, 0.1, 16_000);
    ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN).putShort(22, (short) 0);
    rejected(wav, 422, "Malformed audio");
  }

  @Test
  void shouldRejectFileOverMaxBytesAs413() {
    // earshot.audio.max-bytes is 3,000,000 in the test profile. The declared length is refused
    // before the body is read (limits before work), so the general body limit answers.
    byte[] wav = TestAudio.toneWav(900, 100, 16_000);
    rejected(wav, 413, "Request too large");
  }

  @Test
  void shouldRejectAudioOverMaxSecondsAs413() {
    // earshot.audio.max-seconds is 60 in the test profile: 61 s at 8 kHz is only 976 kB
    byte[] wav = TestAudio.toneWav(300, 61, 8_000);
    rejected(wav, 413, "Audio too large");
  }

  private static void rejected(byte[] body, int status, String title) {
    String sha = sha256(body);
    given()
        .contentType("application/octet-stream")
        .body(body)
        .when()
        .post("/api/audio")
        .then()
        .statusCode(status)
        .contentType("application/problem+json")
        .body("status", equalTo(status))
        .body("title", equalTo(title))
        .body("detail", org.hamcrest.Matchers.not(org.hamcrest.Matchers.emptyOrNullString()));
    given().when().get("/api/audio/" + sha + "/info").then().statusCode(404);
    assertThat(STORE.resolve(sha.substring(0, 2)).resolve(sha)).doesNotExist();
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
