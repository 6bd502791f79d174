package dev.earshot.rating.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.earshot.testing.Accounts;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * In the demo, every {@code monotone} answer is 22,050 Hz WAV and the others 16,000 Hz: served as
 * stored, the header alone named the system. Now nothing an annotator receives for an item, but the
 * audio itself, may differ between systems.
 */
@QuarkusTest
class BlindAudioTest {

  private static final int ITEMS = 24;

  /** The highest sample rate among the demo's responses: the campaign's serving rate. */
  private static final int DEMO_HIGHEST_RATE = 22_050;

  @Inject EntityManager em;

  @Test
  void shouldServeEveryItemSoThatOnlyTheAudioTellsSystemsApart() {
    String rater = Accounts.newUser("blindfold", "annotator");
    String token = Accounts.tokenOf(rater);
    String campaign = Campaigns.create(List.of(rater), List.of("overall"), 1);
    Map<String, Set<String>> traitsBySystem = new TreeMap<>();
    Set<String> etags = new HashSet<>();
    for (int item = 0; item < ITEMS; item++) {
      JsonPath next =
          Accounts.as(token)
              .get("/api/campaigns/" + campaign + "/next")
              .then()
              .statusCode(200)
              .extract()
              .jsonPath();
      String assignment = next.getString("assignment");
      for (String side : List.of("a", "b")) {
        Map<String, Object> json = next.getMap(side);
        Response audio = Accounts.as(token).get(json.get("url").toString());
        audio.then().statusCode(200);
        byte[] bytes = audio.asByteArray();
        String etag = audio.header("ETag");
        String source = source(assignment, side);
        assertThat(etag).doesNotContain(source);
        etags.add(etag);

        ByteBuffer header = ByteBuffer.wrap(bytes, 0, 44).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(header.getShort(20)).as("PCM").isEqualTo((short) 1);
        assertThat(header.getShort(22)).as("channels").isEqualTo((short) 1);
        assertThat(header.getInt(24)).as("sample rate").isEqualTo(DEMO_HIGHEST_RATE);
        assertThat(header.getShort(34)).as("bits per sample").isEqualTo((short) 16);

        Set<String> traits =
            traitsBySystem.computeIfAbsent(system(assignment, side), s -> new TreeSet<>());
        traits.add("json fields " + new TreeSet<>(json.keySet()));
        traits.add("url " + json.get("url").toString().replace(assignment, "{id}"));
        double duration = ((Number) json.get("durationSeconds")).doubleValue();
        traits.add("duration on the half-second grid " + (duration * 2 == Math.rint(duration * 2)));
        traits.add("content type " + audio.contentType());
        traits.add(
            "header names "
                + audio.headers().asList().stream()
                    .map(h -> h.getName().toLowerCase(Locale.ROOT))
                    .collect(Collectors.toCollection(TreeSet::new)));
        traits.add("accept ranges " + audio.header("Accept-Ranges"));
        traits.add("cache " + audio.header("Cache-Control"));
        traits.add("etag form " + etag.matches("\"[0-9a-f]{64}\""));
        // Everything up to the samples but the two size fields: RIFF id, WAVE, the fmt chunk and
        // the data chunk's id right after it (so no metadata chunk in between).
        traits.add(
            "bytes before the samples "
                + HexFormat.of().formatHex(Arrays.copyOfRange(bytes, 0, 4))
                + HexFormat.of().formatHex(Arrays.copyOfRange(bytes, 8, 40)));
        traits.add(
            "sizes consistent "
                + (header.getInt(4) == bytes.length - 8
                    && header.getInt(40) == bytes.length - 44
                    && Long.parseLong(audio.header("Content-Length")) == bytes.length));
        traits.add("whole samples " + ((bytes.length - 44) % 2 == 0));
      }
      Accounts.as(token).post("/api/assignments/" + assignment + "/skip").then().statusCode(204);
    }
    assertThat(traitsBySystem).containsOnlyKeys(Campaigns.DEMO_SYSTEMS);
    Set<String> traitsOfOne = traitsBySystem.values().iterator().next();
    assertThat(traitsBySystem.values()).allSatisfy(t -> assertThat(t).isEqualTo(traitsOfOne));
    // Not only the same spread per system: one value of each trait for every file.
    assertThat(traitsOfOne).filteredOn(t -> t.startsWith("bytes before the samples")).hasSize(1);
    assertThat(traitsOfOne).filteredOn(t -> t.startsWith("header names")).hasSize(1);
    assertThat(traitsOfOne).allSatisfy(t -> assertThat(t).doesNotEndWith("false"));
    // No ETag links one clip across items.
    assertThat(etags).hasSize(2 * ITEMS);
  }

  @Test
  void shouldShowAnAnnotatorTheirCampaignsWithoutSystemsOrOtherRaters() {
    String rater = Accounts.newUser("listed", "annotator");
    String token = Accounts.tokenOf(rater);
    String other = Accounts.newUser("colleague", "annotator");
    String campaign = Campaigns.create(List.of(rater, other), List.of("overall"), 1);
    List<Map<String, Object>> listed =
        Accounts.as(token)
            .get("/api/campaigns")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("");
    assertThat(listed).hasSize(1);
    assertThat(listed.get(0))
        .containsOnlyKeys("id", "name", "instructions", "dimensions", "status", "voted", "total")
        .containsEntry("id", campaign)
        .containsEntry("voted", 0);
    assertThat(listed.toString()).doesNotContain(other);
    Campaigns.DEMO_SYSTEMS.forEach(s -> assertThat(listed.toString()).doesNotContain(s));
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
