package dev.earshot.security.rest;

import static dev.earshot.testing.ManagementInterface.management;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import dev.earshot.security.repository.UserRepository;
import dev.earshot.testing.Accounts;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AccessControlTest {

  @Inject UserRepository users;

  @Test
  void shouldAnswer401ProblemWithoutCredentials() {
    Accounts.anonymous()
        .get("/api/datasets")
        .then()
        .statusCode(401)
        .contentType("application/problem+json")
        .header("WWW-Authenticate", startsWith("Bearer"))
        .body("detail", containsString("Authorization: Bearer"));
    Accounts.anonymous()
        .contentType(ContentType.JSON)
        .body("{}")
        .post("/api/runs")
        .then()
        .statusCode(401)
        .contentType("application/problem+json");
  }

  @Test
  void shouldAnswer401ProblemForUnknownToken() {
    Accounts.as("earshot_not-a-real-token")
        .get("/api/datasets")
        .then()
        .statusCode(401)
        .contentType("application/problem+json")
        .body("detail", containsString("unknown or revoked"));
  }

  @Test
  void shouldAnswer403ProblemForTheWrongRole() {
    String annotator = Accounts.tokenForNewUser("ann", "annotator");
    Accounts.as(annotator)
        .get("/api/datasets")
        .then()
        .statusCode(403)
        .contentType("application/problem+json")
        .body("detail", containsString("may not do this"));
    Accounts.as(annotator)
        .contentType(ContentType.JSON)
        .body(Map.of("dataset", "demo", "judges", java.util.List.of("audio-quality")))
        .post("/api/runs")
        .then()
        .statusCode(403);
    Accounts.as(annotator).get("/api/users").then().statusCode(403);
    Accounts.as(annotator).get("/api/leaderboard").then().statusCode(403);
  }

  @Test
  void shouldLetResearchersReadAndAdminsManageUsers() {
    String researcher = Accounts.tokenForNewUser("res", "researcher");
    Accounts.as(researcher).get("/api/datasets").then().statusCode(200);
    Accounts.as(researcher)
        .queryParam("dimension", "prosody")
        .get("/api/agreement")
        .then()
        .statusCode(200);
    Accounts.as(researcher).get("/api/users").then().statusCode(403);
    Accounts.as(researcher)
        .get("/api/me")
        .then()
        .statusCode(200)
        .body("roles", hasItem("annotator"))
        .body("roles", not(hasItem("admin")));
  }

  @Test
  void shouldStoreOnlyBcryptHashesAndNeverAnswerWithThem() {
    String name = Accounts.newUser("hash", "annotator");
    given()
        .get("/api/users/" + name)
        .then()
        .statusCode(200)
        .body("role", equalTo("annotator"))
        .body("$", not(org.hamcrest.Matchers.hasKey("passwordHash")));
    String stored = users.findByUsername(name).orElseThrow().passwordHash;
    assertThat(stored).startsWith("$2").doesNotContain(Accounts.PASSWORD);
  }

  @Test
  void shouldRejectBadUsers() {
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("username", "short-pw", "password", "short", "role", "annotator"))
        .post("/api/users")
        .then()
        .statusCode(400)
        .body("detail", containsString("at least 10"));
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("username", "bad-role", "password", Accounts.PASSWORD, "role", "root"))
        .post("/api/users")
        .then()
        .statusCode(400)
        .body("detail", containsString("role must be one of"));
    String taken = Accounts.newUser("taken", "annotator");
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("username", taken, "password", Accounts.PASSWORD, "role", "annotator"))
        .post("/api/users")
        .then()
        .statusCode(409);
  }

  @Test
  void shouldStopARevokedTokenAtOnce() {
    String user = Accounts.newUser("revoke", "researcher");
    Response created =
        given()
            .contentType(ContentType.JSON)
            .body(Map.of("name", "ci", "user", user))
            .post("/api/tokens");
    created.then().statusCode(201).body("secret", startsWith("earshot_"));
    String secret = created.path("secret");
    String id = created.path("token.id");
    Accounts.as(secret).get("/api/datasets").then().statusCode(200);
    Accounts.as(secret).delete("/api/tokens/" + id).then().statusCode(200);
    Accounts.as(secret).get("/api/datasets").then().statusCode(401);
  }

  @Test
  void shouldScopeTokensByRoleAndCapThemAtTheOwnersRole() {
    String user = Accounts.newUser("scoped", "researcher");
    String annotatorToken =
        given()
            .contentType(ContentType.JSON)
            .body(Map.of("name", "rating-only", "role", "annotator", "user", user))
            .post("/api/tokens")
            .then()
            .statusCode(201)
            .extract()
            .path("secret");
    Accounts.as(annotatorToken).get("/api/datasets").then().statusCode(403);
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("name", "too-much", "role", "admin", "user", user))
        .post("/api/tokens")
        .then()
        .statusCode(403);

    String researcherToken = Accounts.tokenOf(user);
    Accounts.as(researcherToken).get("/api/datasets").then().statusCode(200);
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("role", "annotator"))
        .patch("/api/users/" + user)
        .then()
        .statusCode(200);
    Accounts.as(researcherToken).get("/api/datasets").then().statusCode(403);
  }

  @Test
  void shouldLogInWithTheFormAndKeepAnonymousRestCallsFromRedirecting() {
    String user = Accounts.newUser("form", "researcher");
    Response login =
        Accounts.anonymous()
            .redirects()
            .follow(false)
            .contentType(ContentType.URLENC)
            .formParam("username", user)
            .formParam("password", Accounts.PASSWORD)
            .post("/j_security_check");
    login.then().statusCode(302);
    assertThat(login.getCookie("quarkus-credential")).isNotBlank();
    Accounts.anonymous()
        .cookies(login.getCookies())
        .get("/api/me")
        .then()
        .statusCode(200)
        .body("username", equalTo(user));

    Accounts.anonymous()
        .redirects()
        .follow(false)
        .contentType(ContentType.URLENC)
        .formParam("username", user)
        .formParam("password", "wrong password")
        .post("/j_security_check")
        .then()
        .statusCode(302)
        .header("Location", containsString("/login?error"));
  }

  @Test
  void shouldDocumentTheBearerSchemeForEveryGuardedOperation() {
    management()
        .queryParam("format", "json")
        .get("openapi")
        .then()
        .statusCode(200)
        .body("components.securitySchemes.bearer.scheme", equalTo("bearer"))
        .body("paths.'/api/campaigns'.post.security[0].bearer", hasItem("researcher"))
        .body("paths.'/api/votes'.post.security[0].bearer", hasItem("annotator"));
  }

  @Test
  void shouldStillAnswerUnknownApiPathsWith404() {
    Accounts.anonymous().get("/api/no-such-thing").then().statusCode(404);
  }
}
