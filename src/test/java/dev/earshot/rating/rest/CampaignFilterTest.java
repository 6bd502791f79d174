package dev.earshot.rating.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.earshot.export.rest.Exports;
import dev.earshot.testing.Accounts;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The {@code campaign} filter of the leaderboard, agreement, judge audit and export. Each test runs
 * a campaign of its own on the demo's reference and monotone systems whose two annotators always
 * prefer monotone on prosody, although the demo's simulated raters (source simulated, never counted
 * as human) prefer the reference.
 */
@QuarkusTest
class CampaignFilterTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int VOTES_PER_RATER = 3;
  private static final String UNKNOWN = "00000000-0000-0000-0000-000000000404";

  @Inject EntityManager em;

  /** A campaign, its raters' vote sources and the pairs they voted on. */
  private record Voted(String campaign, List<String> raters, Set<VotedPair> pairs) {}

  /** The audio of the preferred (monotone) and the other response of a voted pair. */
  private record VotedPair(
      long prompt, long monotone, long reference, String monotoneSha, String referenceSha) {}

  @Test
  void shouldRankOnlyTheCampaignsVotes() {
    Voted voted = campaignPreferringMonotone();
    List<String> everySimulatedVote =
        leaderboard("simulated", Map.of()).getList("system", String.class).stream()
            .filter(List.of("reference", "monotone")::contains)
            .toList();
    assertThat(everySimulatedVote)
        .as("the demo's simulated raters put the reference above monotone")
        .containsExactly("reference", "monotone");

    JsonPath campaignOnly = leaderboard("humans", Map.of("campaign", voted.campaign()));
    JsonPath withDataset =
        leaderboard("humans", Map.of("campaign", voted.campaign(), "dataset", "demo"));

    assertThat(campaignOnly.getList("system")).containsExactly("monotone", "reference");
    assertThat(campaignOnly.getLong("[0].battles")).isEqualTo(2L * VOTES_PER_RATER);
    assertThat(campaignOnly.getLong("[0].wins")).isEqualTo(2L * VOTES_PER_RATER);
    assertThat(campaignOnly.getLong("[1].losses")).isEqualTo(2L * VOTES_PER_RATER);
    assertThat(withDataset.getList("system")).isEqualTo(campaignOnly.getList("system"));
    assertThat(
            leaderboard(
                "humans", Map.of("campaign", voted.campaign(), "dataset", "no-such-dataset")))
        .satisfies(board -> assertThat(board.getList("system")).isEmpty());

    JsonPath matrix =
        given()
            .queryParams(Map.of("source", "humans", "dimension", "prosody"))
            .queryParam("campaign", voted.campaign())
            .when()
            .get("/api/leaderboard/matrix")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(matrix.getList("systems")).containsExactly("monotone", "reference");
    assertThat(matrix.getLong("battles[0][1]")).isEqualTo(2L * VOTES_PER_RATER);
    assertThat(matrix.getDouble("winRate[0][1]")).isEqualTo(1.0);
  }

  @Test
  void shouldStyleControlOnlyTheCampaignsVotes() {
    Voted voted = campaignPreferringMonotone();

    // Monotone never lost in this campaign, so no finite strengths exist: the answer says so, which
    // it does not on the demo's simulated votes (monotone loses most of them).
    given()
        .queryParams(Map.of("source", "simulated", "dimension", "prosody"))
        .when()
        .get("/api/leaderboard/style-controlled")
        .then()
        .statusCode(200)
        .body("fitted", org.hamcrest.Matchers.equalTo(true));
    given()
        .queryParams(
            Map.of("source", "humans", "dimension", "prosody", "campaign", voted.campaign()))
        .when()
        .get("/api/leaderboard/style-controlled")
        .then()
        .statusCode(200)
        .body("fitted", org.hamcrest.Matchers.equalTo(false))
        .body("reason", org.hamcrest.Matchers.startsWith("Not identifiable"))
        .body("rows", org.hamcrest.Matchers.empty());
  }

  @Test
  void shouldMeasureAgreementAmongTheCampaignsRatersOnly() {
    Voted voted = campaignPreferringMonotone();

    JsonPath agreement =
        given()
            .queryParam("dimension", "prosody")
            .queryParam("campaign", voted.campaign())
            .when()
            .get("/api/agreement")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();

    assertThat(agreement.getInt("raterCount")).isEqualTo(2);
    assertThat(agreement.getList("raters.rater", String.class))
        .containsExactlyInAnyOrderElementsOf(voted.raters());
    // The assignment planner gives the second rater pairs nobody has voted on yet.
    assertThat(agreement.getInt("items")).isEqualTo(2 * VOTES_PER_RATER);
    JsonPath everyone =
        given()
            .queryParam("dimension", "prosody")
            .when()
            .get("/api/agreement")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(everyone.getList("raters.rater", String.class))
        .containsAll(voted.raters())
        .noneMatch(rater -> rater.startsWith("simulated:"));
    JsonPath simulated =
        given()
            .queryParam("dimension", "prosody")
            .queryParam("source", "simulated")
            .when()
            .get("/api/agreement")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(simulated.getInt("raterCount")).isGreaterThan(2);
    given()
        .queryParam("dimension", "prosody")
        .queryParam("source", "simulated")
        .queryParam("campaign", voted.campaign())
        .when()
        .get("/api/agreement")
        .then()
        .statusCode(400)
        .body("detail", containsString("use it with source=humans"));
  }

  @Test
  void shouldAuditJudgesAgainstTheCampaignsMajority() {
    Voted voted = campaignPreferringMonotone();
    String judge = "campaign-audit-" + UUID.randomUUID() + "@v1";
    VotedPair campaignItem = voted.pairs().iterator().next();
    // The judge prefers the reference on one of the campaign's pairs, against its raters, and on a
    // pair of a prosody prompt the campaign was not given, where a person outside the campaign
    // voted (the demo's raters are simulated, so they no longer count as that person).
    storeJudgeVerdict(
        judge, campaignItem.prompt(), campaignItem.reference(), campaignItem.monotone());
    long[] demoItem = demoProsodyPairOutside(voted);
    storeJudgeVerdict(judge, demoItem[0], demoItem[1], demoItem[2]);
    storeVerdict("human", "rater:outsider-" + UUID.randomUUID(), demoItem);

    Map<String, Object> inCampaign = audit(judge, "humans", voted.campaign());
    Map<String, Object> overall = audit(judge, "humans", null);

    assertThat(((Number) inCampaign.get("sharedItems")).intValue()).isEqualTo(1);
    assertThat(((Number) inCampaign.get("agreementWithHumanMajority")).doubleValue()).isZero();
    assertThat(((Number) overall.get("sharedItems")).intValue()).isEqualTo(2);
  }

  @Test
  void shouldExportOnlyTheCampaignsPairs() throws IOException {
    Voted voted = campaignPreferringMonotone();
    // Human votes outside the campaign, for the filter to drop: the demo's votes are simulated.
    campaignPreferringMonotone();

    JsonPath export =
        Exports.export(
            Map.of(
                "format", "trl_standard",
                "dimension", "prosody",
                "campaign", voted.campaign()));

    assertThat(export.getString("config.campaign")).isEqualTo(voted.campaign());
    assertThat(export.getLong("counts.droppedByCampaign")).isPositive();
    assertThat(export.getLong("counts.records")).isEqualTo(2L * VOTES_PER_RATER);
    Map<String, byte[]> files = Exports.untar(Exports.archive(export.getLong("id")));
    JsonNode manifest = JSON.readTree(files.get("earshot-export/manifest.json"));
    assertThat(manifest.get("config").get("campaign").asText()).isEqualTo(voted.campaign());
    assertThat(manifest.get("counts").get("droppedByCampaign").asLong())
        .isEqualTo(export.getLong("counts.droppedByCampaign"));
    Set<List<String>> exported = new HashSet<>();
    for (String line : Exports.text(files.get("earshot-export/data.jsonl")).split("\n")) {
      JsonNode record = JSON.readTree(line);
      exported.add(
          List.of(
              sha(record.get("chosen_audio").asText()),
              sha(record.get("rejected_audio").asText())));
    }
    Set<List<String>> expected = new HashSet<>();
    voted.pairs().forEach(p -> expected.add(List.of(p.monotoneSha(), p.referenceSha())));
    assertThat(exported).isEqualTo(expected);
  }

  @Test
  void shouldAnswerAnUnknownCampaignWith404AndAnExportWith422() {
    Map<String, String> humans = Map.of("source", "humans", "dimension", "prosody");
    for (String path :
        List.of(
            "/api/leaderboard",
            "/api/leaderboard/matrix",
            "/api/leaderboard/style-controlled",
            "/api/agreement",
            "/api/judge-audit")) {
      given()
          .queryParams(humans)
          .queryParam("campaign", UNKNOWN)
          .when()
          .get(path)
          .then()
          .statusCode(404)
          .contentType("application/problem+json")
          .body("detail", containsString(UNKNOWN));
      given()
          .queryParams(humans)
          .queryParam("campaign", "not-a-uuid")
          .when()
          .get(path)
          .then()
          .statusCode(400)
          .contentType("application/problem+json")
          .body("detail", containsString("campaign must be a campaign id"));
    }
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("format", "trl_standard", "campaign", UNKNOWN))
        .when()
        .post("/api/exports")
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("campaign"))
        .body("detail", containsString("no campaign " + UNKNOWN));
  }

  @Test
  void shouldRefuseACampaignWithVerdictsThatBelongToNone() {
    String campaign =
        Campaigns.create(List.of(Accounts.newUser("idle", "annotator")), List.of("prosody"), 1);
    for (String source : List.of("judges", "judge:x", "arena:x")) {
      given()
          .queryParams(Map.of("source", source, "dimension", "prosody", "campaign", campaign))
          .when()
          .get("/api/leaderboard")
          .then()
          .statusCode(400)
          .contentType("application/problem+json")
          .body("detail", containsString("use it with source=humans"));
    }
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("format", "trl_standard", "sources", List.of("judges"), "campaign", campaign))
        .when()
        .post("/api/exports")
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("campaign"))
        .body("detail", containsString("add humans to sources"));
  }

  /**
   * A campaign on reference and monotone, prosody only, whose two annotators each vote {@link
   * #VOTES_PER_RATER} times through the API, always for monotone.
   */
  private Voted campaignPreferringMonotone() {
    List<String> users =
        List.of(
            Accounts.newUser("flat-fan", "annotator"), Accounts.newUser("flat-fan", "annotator"));
    String campaign =
        Campaigns.create(
            Map.of(
                "name",
                "monotone fans",
                "dataset",
                "demo",
                "systems",
                List.of("reference", "monotone"),
                "dimensions",
                List.of("prosody"),
                "raters",
                users,
                "overlap",
                2));
    Set<VotedPair> pairs = new HashSet<>();
    for (String user : users) {
      String token = Accounts.tokenOf(user);
      for (int vote = 0; vote < VOTES_PER_RATER; vote++) {
        Object[] heard = heard(Campaigns.voteFor(em, token, campaign, "prosody", "monotone"));
        int monotone = "monotone".equals(heard[1]) ? 0 : 1;
        pairs.add(
            new VotedPair(
                ((Number) heard[0]).longValue(),
                ((Number) heard[2 + monotone]).longValue(),
                ((Number) heard[3 - monotone]).longValue(),
                (String) heard[4 + monotone],
                (String) heard[5 - monotone]));
      }
    }
    return new Voted(campaign, users.stream().map(u -> "rater:" + u).toList(), pairs);
  }

  /** Prompt, system heard as A, response ids A and B, audio hashes A and B. */
  private Object[] heard(String assignment) {
    return (Object[])
        em.createNativeQuery(
                "SELECT ra.prompt_id, sa.name, ra.id, rb.id, ra.audio_sha256, rb.audio_sha256"
                    + " FROM rating_assignment a JOIN response ra ON ra.id = a.response_a_id"
                    + " JOIN system_under_test sa ON sa.id = ra.system_id"
                    + " JOIN response rb ON rb.id = a.response_b_id WHERE a.id = ?1")
            .setParameter(1, UUID.fromString(assignment))
            .getSingleResult();
  }

  /** Prompt, monotone and reference response of a prosody prompt the campaign was not given. */
  private long[] demoProsodyPairOutside(Voted voted) {
    Set<Long> campaignPrompts = new HashSet<>();
    voted.pairs().forEach(p -> campaignPrompts.add(p.prompt()));
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT p.id, rm.id, rr.id FROM prompt p JOIN dataset d ON d.id = p.dataset_id"
                    + " JOIN response rm ON rm.prompt_id = p.id JOIN system_under_test sm ON"
                    + " sm.id = rm.system_id AND sm.name = 'monotone' JOIN response rr ON"
                    + " rr.prompt_id = p.id JOIN system_under_test sr ON sr.id = rr.system_id AND"
                    + " sr.name = 'reference' WHERE d.name = 'demo' AND p.external_id LIKE"
                    + " 'prosody-%' ORDER BY p.position")
            .getResultList();
    List<long[]> outside = new ArrayList<>();
    for (Object[] row : rows) {
      long prompt = ((Number) row[0]).longValue();
      if (!campaignPrompts.contains(prompt)) {
        outside.add(
            new long[] {prompt, ((Number) row[1]).longValue(), ((Number) row[2]).longValue()});
      }
    }
    return outside.get(0);
  }

  /** A judge's verdict preferring {@code better} on the prosody of the pair. */
  private void storeJudgeVerdict(String judge, long prompt, long better, long worse) {
    storeVerdict("judge", judge, new long[] {prompt, better, worse});
  }

  /** A verdict preferring the first response of {@code pair} (prompt, better, worse) on prosody. */
  private void storeVerdict(String kind, String source, long[] pair) {
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                em.createNativeQuery(
                        "INSERT INTO preference (id, prompt_id, response_a_id, response_b_id,"
                            + " dimension, verdict, source_kind, source) VALUES (?1, ?2, ?3, ?4,"
                            + " 'prosody', 'a_better', ?5, ?6)")
                    .setParameter(1, UUID.randomUUID())
                    .setParameter(2, pair[0])
                    .setParameter(3, pair[1])
                    .setParameter(4, pair[2])
                    .setParameter(5, kind)
                    .setParameter(6, source)
                    .executeUpdate());
  }

  private static Map<String, Object> audit(String judge, String source, String campaign) {
    var request = given().queryParam("dimension", "prosody").queryParam("source", source);
    if (campaign != null) {
      request.queryParam("campaign", campaign);
    }
    List<Map<String, Object>> audits =
        request
            .when()
            .get("/api/judge-audit")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("findAll { it.judge == '" + judge + "' }");
    assertThat(audits).hasSize(1);
    return audits.get(0);
  }

  private static JsonPath leaderboard(String source, Map<String, String> filters) {
    return given()
        .queryParams(Map.of("source", source, "dimension", "prosody", "bootstrap", "0"))
        .queryParams(filters)
        .when()
        .get("/api/leaderboard")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  /** The audio hash in an export's audio path {@code audio/<sha256>.<ext>}. */
  private static String sha(String audioPath) {
    return audioPath.substring("audio/".length(), "audio/".length() + 64);
  }
}
