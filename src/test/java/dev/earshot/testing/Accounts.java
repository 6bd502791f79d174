package dev.earshot.testing;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Users and tokens for tests, made through the API as the bootstrap admin. */
public final class Accounts {

  /** Every test user gets this password. */
  public static final String PASSWORD = "correct horse battery";

  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  private Accounts() {}

  /** A request without any credentials. */
  public static RequestSpecification anonymous() {
    return given().header(DefaultAdminToken.ANONYMOUS, "yes");
  }

  /** A request with this bearer token. */
  public static RequestSpecification as(String token) {
    return given().header("Authorization", "Bearer " + token);
  }

  /** A new user with a unique name starting with {@code prefix}; returns the name. */
  public static String newUser(String prefix, String role) {
    String username = prefix + "-" + SEQUENCE.incrementAndGet() + "-" + System.nanoTime() % 100000;
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("username", username, "password", PASSWORD, "role", role))
        .post("/api/users")
        .then()
        .statusCode(201);
    return username;
  }

  /** A new token of the user, acting with their role; returns its secret. */
  public static String tokenOf(String username) {
    return given()
        .contentType(ContentType.JSON)
        .body(Map.of("name", "test", "user", username))
        .post("/api/tokens")
        .then()
        .statusCode(201)
        .extract()
        .path("secret");
  }

  /** A new user with the role and a token; returns the token. */
  public static String tokenForNewUser(String prefix, String role) {
    return tokenOf(newUser(prefix, role));
  }
}
