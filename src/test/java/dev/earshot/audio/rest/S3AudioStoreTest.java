package dev.earshot.audio.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.earshot.platform.io.Folders;
import dev.earshot.testing.SharedStoresProfile;
import dev.earshot.testing.TestAudio;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

/** Uploads and downloads with {@code earshot.audio-store.kind=s3}: the bucket holds the audio. */
@QuarkusTest
@TestProfile(SharedStoresProfile.class)
class S3AudioStoreTest {

  private static final Path DATA = Path.of("target/test-data");

  @Test
  void shouldKeepUploadsInTheBucketAndServeThemFromThere() throws Exception {
    byte[] wav = TestAudio.toneWav(733, 0.3, 16_000);
    String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(wav));
    String key = "audio/" + sha.substring(0, 2) + "/" + sha;

    given().contentType("audio/wav").body(wav).post("/api/audio").then().statusCode(201);

    try (S3Client client = SharedStoresProfile.server().client()) {
      byte[] object =
          client.getObjectAsBytes(r -> r.bucket(SharedStoresProfile.BUCKET).key(key)).asByteArray();
      assertThat(object).isEqualTo(wav);
    }
    assertThat(DATA.resolve("audio").resolve(sha.substring(0, 2)).resolve(sha)).doesNotExist();

    // Another instance has no local copy: drop this one's cache and the bytes come from the bucket.
    Folders.deleteRecursively(DATA.resolve("audio-cache"));
    byte[] served = given().get("/api/audio/" + sha).then().statusCode(200).extract().asByteArray();
    assertThat(served).isEqualTo(wav);
    given()
        .header("Range", "bytes=0-11")
        .get("/api/audio/" + sha)
        .then()
        .statusCode(206)
        .header("Content-Range", "bytes 0-11/" + wav.length);

    given().contentType("audio/wav").body(wav).post("/api/audio").then().statusCode(200);
  }
}
