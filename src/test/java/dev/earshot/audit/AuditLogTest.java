package dev.earshot.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.earshot.testing.Accounts;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AuditLogTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void shouldRecordWhoDidWhatFromWhereWithoutSecrets() throws Exception {
    String admin = given().get("/api/me").then().statusCode(200).extract().path("username");
    String user = Accounts.newUser("audited", "annotator");
    String newPassword = "a brand new password 42";
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("role", "researcher", "password", newPassword))
        .patch("/api/users/" + user)
        .then()
        .statusCode(200);
    String tokenSecret = Accounts.tokenOf(user);
    given()
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "name",
                "audited-profile",
                "judges",
                List.of(Map.of("judge", "audio-quality", "weights", Map.of("quality", 1.0))),
                "normalisation",
                Map.of("kind", "none")))
        .post("/api/reward-profiles")
        .then()
        .statusCode(201);
    String rewardKey =
        given()
            .contentType(ContentType.JSON)
            .body(Map.of("label", "audit run"))
            .post("/api/reward-profiles/audited-profile/keys")
            .then()
            .statusCode(201)
            .extract()
            .path("key");

    String body =
        given()
            .queryParam("limit", 1000)
            .get("/api/audit")
            .then()
            .statusCode(200)
            .extract()
            .asString();

    assertThat(body)
        .doesNotContain(Accounts.PASSWORD)
        .doesNotContain(newPassword)
        .doesNotContain(tokenSecret)
        .doesNotContain(rewardKey);
    List<JsonNode> events = new ArrayList<>();
    JSON.readTree(body).forEach(events::add);
    List<String> actionsOnUser =
        events.stream()
            .filter(e -> e.get("target").asText().equals(user))
            .map(e -> e.get("action").asText())
            .toList();
    // Newest first: the password change is recorded before the role change in the same request.
    assertThat(actionsOnUser)
        .containsExactly("user.role-changed", "user.password-changed", "user.created");
    JsonNode roleChange =
        events.stream()
            .filter(e -> e.get("target").asText().equals(user))
            .filter(e -> e.get("action").asText().equals("user.role-changed"))
            .findFirst()
            .orElseThrow();
    assertThat(roleChange.get("actor").asText()).isEqualTo(admin);
    assertThat(roleChange.at("/details/from").asText()).isEqualTo("annotator");
    assertThat(roleChange.at("/details/to").asText()).isEqualTo("researcher");
    assertThat(roleChange.get("address").asText()).isIn("127.0.0.1", "0:0:0:0:0:0:0:1", "::1");
    assertThat(roleChange.get("occurredAt").isNull()).isFalse();
    assertThat(events)
        .anySatisfy(
            e -> {
              assertThat(e.get("action").asText()).isEqualTo("token.created");
              assertThat(e.at("/details/owner").asText()).isEqualTo(user);
            })
        .anySatisfy(
            e -> {
              assertThat(e.get("action").asText()).isEqualTo("reward-key.issued");
              assertThat(e.get("target").asText()).isEqualTo("audited-profile");
              assertThat(e.at("/details/label").asText()).isEqualTo("audit run");
            });
  }

  @Test
  void shouldPageBackAndFilterByAction() throws Exception {
    Accounts.newUser("paged-a", "annotator");
    Accounts.newUser("paged-b", "annotator");
    JsonNode first =
        JSON.readTree(
            given()
                .queryParam("action", "user.created")
                .queryParam("limit", 1)
                .get("/api/audit")
                .then()
                .statusCode(200)
                .extract()
                .asString());
    assertThat(first).hasSize(1);
    long newest = first.get(0).get("id").asLong();
    JsonNode next =
        JSON.readTree(
            given()
                .queryParam("action", "user.created")
                .queryParam("before", newest)
                .queryParam("limit", 1)
                .get("/api/audit")
                .then()
                .statusCode(200)
                .extract()
                .asString());
    assertThat(next.get(0).get("id").asLong()).isLessThan(newest);
    assertThat(next.get(0).get("action").asText()).isEqualTo("user.created");
  }

  @Test
  void shouldShowTheLogToAdminsOnly() {
    Accounts.anonymous().get("/api/audit").then().statusCode(401);
    Accounts.as(Accounts.tokenForNewUser("audit-res", "researcher"))
        .get("/api/audit")
        .then()
        .statusCode(403);
    Accounts.as(Accounts.tokenForNewUser("audit-ann", "annotator"))
        .get("/api/audit")
        .then()
        .statusCode(403);
  }
}
