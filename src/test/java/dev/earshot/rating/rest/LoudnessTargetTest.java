package dev.earshot.rating.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.earshot.audio.service.AudioService;
import dev.earshot.judge.dsp.LoudnessMeter;
import dev.earshot.judge.dsp.LoudnessNormalisation;
import dev.earshot.judge.dsp.TruePeakMeter;
import dev.earshot.testing.Accounts;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The demo's {@code noisy} answers are about 12 LU louder than the {@code monotone} ones: with a
 * loudness target every side is served at it, without one the level is left as it is.
 */
@QuarkusTest
class LoudnessTargetTest {

  private static final double TARGET = -23;
  private static final int ITEMS = 8;

  @Inject EntityManager em;
  @Inject AudioService audio;

  @Test
  void shouldServeQuietAndLoudResponsesAtTheTargetLoudnessWithoutClipping() throws IOException {
    String rater = Accounts.newUser("levelled", "annotator");
    String token = Accounts.tokenOf(rater);
    String campaign = create(rater, TARGET);
    Map<String, Double> untouchedBySystem = new TreeMap<>();

    for (int item = 0; item < ITEMS; item++) {
      String assignment = next(token, campaign);
      for (String side : List.of("a", "b")) {
        byte[] served = Campaigns.download(token, assignment, side);
        int rate = ByteBuffer.wrap(served).order(ByteOrder.LITTLE_ENDIAN).getInt(24);
        float[] samples = samples(served);

        assertThat(LoudnessMeter.integratedLoudness(samples, rate))
            .as("loudness of %s %s", assignment, side)
            .isCloseTo(TARGET, within(0.5));
        assertThat(TruePeakMeter.truePeak(samples))
            .as("no clipping")
            .isLessThanOrEqualTo(
                Math.pow(10, LoudnessNormalisation.TRUE_PEAK_CEILING_DBTP / 20) + 1e-3);
        float[] untouched =
            samples(Files.readAllBytes(audio.monoPcm16(source(assignment, side), rate)));
        untouchedBySystem.put(
            system(assignment, side), LoudnessMeter.integratedLoudness(untouched, rate));
      }
      skip(token, assignment);
    }
    assertThat(untouchedBySystem).containsKeys("noisy", "monotone");
    assertThat(untouchedBySystem.get("noisy") - untouchedBySystem.get("monotone"))
        .as("a loud and a quiet system were both served")
        .isGreaterThan(6);
  }

  @Test
  void shouldLeaveTheLevelAsItIsUntilTheResearcherSetsATarget() {
    String rater = Accounts.newUser("asis", "annotator");
    String token = Accounts.tokenOf(rater);
    String campaign = create(rater, null);
    String assignment = next(token, campaign);
    Map<String, String> etags = new HashMap<>();

    for (String side : List.of("a", "b")) {
      byte[] served = Campaigns.download(token, assignment, side);
      int rate = ByteBuffer.wrap(served).order(ByteOrder.LITTLE_ENDIAN).getInt(24);
      assertThat(served)
          .as("the plain transcoding, level untouched")
          .isEqualTo(readAll(audio.monoPcm16(source(assignment, side), rate)));
      etags.put(side, etag(token, assignment, side));
    }

    change(campaign, Map.of("loudnessTargetLufs", TARGET)).statusCode(200);
    for (String side : List.of("a", "b")) {
      byte[] served = Campaigns.download(token, assignment, side);
      int rate = ByteBuffer.wrap(served).order(ByteOrder.LITTLE_ENDIAN).getInt(24);
      assertThat(LoudnessMeter.integratedLoudness(samples(served), rate))
          .isCloseTo(TARGET, within(0.5));
      assertThat(etag(token, assignment, side)).isNotEqualTo(etags.get(side));
    }

    Map<String, Object> off = new HashMap<>();
    off.put("loudnessTargetLufs", null);
    change(campaign, off)
        .statusCode(200)
        .body("loudnessTargetLufs", org.hamcrest.Matchers.nullValue());
    assertThat(etag(token, assignment, "a")).isEqualTo(etags.get("a"));
  }

  @Test
  void shouldRefuseATargetOutsideTheRange() {
    String rater = Accounts.newUser("tooloud", "annotator");
    String campaign = create(rater, null);

    change(campaign, Map.of("loudnessTargetLufs", 3))
        .statusCode(422)
        .contentType("application/problem+json");
    change(campaign, Map.of("loudnessTargetLufs", "loud"))
        .statusCode(400)
        .contentType("application/problem+json");
    Accounts.as(Accounts.tokenForNewUser("planner", "researcher"))
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "name",
                "too quiet",
                "dataset",
                "demo",
                "systems",
                Campaigns.DEMO_SYSTEMS,
                "dimensions",
                List.of("overall"),
                "raters",
                List.of(rater),
                "loudnessTargetLufs",
                -90))
        .post("/api/campaigns")
        .then()
        .statusCode(422)
        .contentType("application/problem+json");
  }

  private static String create(String rater, Double target) {
    Map<String, Object> spec = new HashMap<>();
    spec.put("name", "levels");
    spec.put("dataset", "demo");
    spec.put("systems", Campaigns.DEMO_SYSTEMS);
    spec.put("dimensions", List.of("overall"));
    spec.put("raters", List.of(rater));
    spec.put("overlap", 1);
    if (target != null) {
      spec.put("loudnessTargetLufs", target);
    }
    return Campaigns.create(spec);
  }

  private static io.restassured.response.ValidatableResponse change(
      String campaign, Map<String, ?> change) {
    return io.restassured.RestAssured.given()
        .contentType(ContentType.JSON)
        .body(change)
        .patch("/api/campaigns/" + campaign)
        .then();
  }

  private static String next(String token, String campaign) {
    return Accounts.as(token)
        .get("/api/campaigns/" + campaign + "/next")
        .then()
        .statusCode(200)
        .extract()
        .path("assignment");
  }

  private static void skip(String token, String assignment) {
    Accounts.as(token).post("/api/assignments/" + assignment + "/skip").then().statusCode(204);
  }

  private static String etag(String token, String assignment, String side) {
    return Accounts.as(token)
        .get("/api/assignments/" + assignment + "/audio/" + side)
        .then()
        .statusCode(200)
        .extract()
        .header("ETag");
  }

  /** The samples of a canonical 16-bit mono WAV (44-byte header). */
  private static float[] samples(byte[] wav) {
    ByteBuffer data = ByteBuffer.wrap(wav, 44, wav.length - 44).order(ByteOrder.LITTLE_ENDIAN);
    float[] samples = new float[(wav.length - 44) / 2];
    for (int i = 0; i < samples.length; i++) {
      samples[i] = data.getShort() / 32768f;
    }
    return samples;
  }

  private static byte[] readAll(java.nio.file.Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private String system(String assignment, String side) {
    return (String)
        em.createNativeQuery(
                "SELECT s.name FROM rating_assignment a JOIN response r ON r.id = a.response_"
                    + side
                    + "_id JOIN system_under_test s ON s.id = r.system_id WHERE a.id = ?1")
            .setParameter(1, UUID.fromString(assignment))
            .getSingleResult();
  }

  private String source(String assignment, String side) {
    return (String)
        em.createNativeQuery(
                "SELECT r.audio_sha256 FROM rating_assignment a JOIN response r ON r.id ="
                    + " a.response_"
                    + side
                    + "_id WHERE a.id = ?1")
            .setParameter(1, UUID.fromString(assignment))
            .getSingleResult();
  }
}
