package dev.earshot.security.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.notNullValue;

import dev.earshot.testing.Accounts;
import dev.earshot.testing.RawHttp;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.net.URL;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Through the login form: after the failures the right password is refused too, with 429. */
@QuarkusTest
class LoginThrottlingTest {

  @Test
  void shouldRefuseEvenTheRightPasswordWhileTheAccountIsLocked() {
    String user = Accounts.newUser("throttled", "researcher");
    for (int i = 0; i < 5; i++) {
      logIn(user, "wrong password " + i)
          .then()
          .statusCode(302)
          .header("Location", containsString("/login?error"));
    }

    logIn(user, Accounts.PASSWORD)
        .then()
        .statusCode(429)
        .header("Retry-After", notNullValue())
        .contentType("application/problem+json");
  }

  @TestHTTPResource("/")
  URL root;

  @Test
  void shouldRefuseALoginFormWithoutALength() throws Exception {
    RawHttp.Answer answer =
        RawHttp.streamChunked(
            root.getPort(),
            "POST",
            "/j_security_check",
            1024 * 1024,
            Map.of("Content-Type", "application/x-www-form-urlencoded"));

    assertThat(answer.status()).isEqualTo(411);
  }

  private static Response logIn(String user, String password) {
    return Accounts.anonymous()
        .redirects()
        .follow(false)
        .contentType(ContentType.URLENC)
        .formParam("username", user)
        .formParam("password", password)
        .post("/j_security_check");
  }
}
