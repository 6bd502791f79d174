package dev.earshot.security.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.earshot.testing.Accounts;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A warm token is recognised without the database; revoking through the service stops it at once.
 */
@QuarkusTest
class TokenCacheTest {

  @Inject EntityManager em;

  @Test
  void shouldAnswerAWarmTokenFromMemoryAndForgetItWhenRevoked() {
    String user = Accounts.newUser("cached", "researcher");
    Response created =
        given()
            .contentType(ContentType.JSON)
            .body(Map.of("name", "warm", "user", user))
            .post("/api/tokens");
    String secret = created.path("secret");
    UUID id = UUID.fromString(created.path("token.id"));
    Accounts.as(secret).get("/api/datasets").then().statusCode(200);
    Object lastUsed = column("last_used_at", id);
    assertThat(lastUsed).isNotNull();

    // Revoked behind the service's back: the cached identity still answers, so no lookup happened.
    setRevoked(id, true);
    Accounts.as(secret).get("/api/datasets").then().statusCode(200);
    assertThat(column("last_used_at", id)).isEqualTo(lastUsed);
    setRevoked(id, false);

    Accounts.as(secret).delete("/api/tokens/" + id).then().statusCode(200);
    Accounts.as(secret).get("/api/datasets").then().statusCode(401);
  }

  private void setRevoked(UUID id, boolean revoked) {
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                em.createNativeQuery(
                        "UPDATE api_token SET revoked_at = CASE WHEN ?2 THEN now() END WHERE id = ?1")
                    .setParameter(1, id)
                    .setParameter(2, revoked)
                    .executeUpdate());
  }

  private Object column(String name, UUID id) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                em.createNativeQuery("SELECT " + name + " FROM api_token WHERE id = ?1")
                    .setParameter(1, id)
                    .getSingleResult());
  }
}
