package dev.earshot.security.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.earshot.testing.Accounts;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Cookies captured before logout or a change of password or role stop working at once. */
@QuarkusTest
class LoginSessionTest {

  @Test
  void shouldRefuseCookiesCapturedBeforeLogout() {
    String user = Accounts.newUser("logout", "researcher");
    Map<String, String> cookies = logIn(user);
    me(cookies).then().statusCode(200).body("username", equalTo(user));

    Accounts.anonymous()
        .redirects()
        .follow(false)
        .cookies(cookies)
        .post("/logout")
        .then()
        .statusCode(302)
        .header("Location", containsString("/login"));

    me(cookies)
        .then()
        .statusCode(401)
        .contentType("application/problem+json")
        .body("detail", containsString("log in again"));
  }

  @Test
  void shouldNotLogOutOnGetOrFromAnotherSite() {
    String user = Accounts.newUser("logout-get", "researcher");
    Map<String, String> cookies = logIn(user);

    Accounts.anonymous()
        .redirects()
        .follow(false)
        .cookies(cookies)
        .get("/logout")
        .then()
        .statusCode(405);
    Accounts.anonymous()
        .redirects()
        .follow(false)
        .cookies(cookies)
        .header("Origin", "https://evil.example")
        .post("/logout")
        .then()
        .statusCode(403);

    me(cookies).then().statusCode(200);
  }

  @Test
  void shouldRefuseCookiesCapturedBeforeAPasswordChange() {
    String user = Accounts.newUser("password", "researcher");
    Map<String, String> cookies = logIn(user);
    me(cookies).then().statusCode(200);

    Accounts.as(dev.earshot.testing.DefaultAdminToken.TOKEN)
        .contentType(ContentType.JSON)
        .body(Map.of("password", "another long password"))
        .patch("/api/users/" + user)
        .then()
        .statusCode(200);

    me(cookies).then().statusCode(401);
  }

  @Test
  void shouldRefuseCookiesCapturedBeforeARoleChange() {
    String user = Accounts.newUser("role", "researcher");
    Map<String, String> cookies = logIn(user);
    me(cookies).then().statusCode(200);

    Accounts.as(dev.earshot.testing.DefaultAdminToken.TOKEN)
        .contentType(ContentType.JSON)
        .body(Map.of("role", "annotator"))
        .patch("/api/users/" + user)
        .then()
        .statusCode(200);

    me(cookies).then().statusCode(401);
    // A fresh login works, with the new role.
    me(logIn(user))
        .then()
        .statusCode(200)
        .body("roles", org.hamcrest.Matchers.hasItem("annotator"))
        .body("roles", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem("researcher")));
  }

  @Test
  void shouldRefuseTheLoginCookieWithoutItsSession() {
    String user = Accounts.newUser("no-session", "researcher");
    Map<String, String> cookies = logIn(user);
    Accounts.anonymous()
        .cookie(LoginCookies.LOGIN, cookies.get(LoginCookies.LOGIN))
        .get("/api/me")
        .then()
        .statusCode(401);
  }

  @Test
  void shouldMarkSessionCookiesHttpOnly() {
    String user = Accounts.newUser("http-only", "researcher");
    Response login = logInResponse(user);
    assertThat(login.getDetailedCookie(LoginCookies.LOGIN).isHttpOnly()).isTrue();
    assertThat(login.getDetailedCookie(LoginCookies.SESSION).isHttpOnly()).isTrue();
    Response page = Accounts.anonymous().cookies(login.getCookies()).get("/datasets");
    assertThat(page.getDetailedCookie("JSESSIONID")).isNotNull();
    assertThat(page.getDetailedCookie("JSESSIONID").isHttpOnly()).isTrue();
  }

  @Test
  void shouldSendSecurityHeadersEverywhere() {
    for (String path : new String[] {"/login", "/api/me", "/api/no-such-thing"}) {
      Accounts.anonymous()
          .get(path)
          .then()
          .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
          .header("X-Frame-Options", equalTo("DENY"))
          .header("X-Content-Type-Options", equalTo("nosniff"))
          .header("Referrer-Policy", equalTo("same-origin"));
    }
  }

  /** Logs in through the form; returns both login cookies. */
  static Map<String, String> logIn(String user) {
    Map<String, String> cookies = logInResponse(user).getCookies();
    assertThat(cookies).containsKeys(LoginCookies.LOGIN, LoginCookies.SESSION);
    return cookies;
  }

  private static Response logInResponse(String user) {
    Response login =
        Accounts.anonymous()
            .redirects()
            .follow(false)
            .contentType(ContentType.URLENC)
            .formParam("username", user)
            .formParam("password", Accounts.PASSWORD)
            .post("/j_security_check");
    login
        .then()
        .statusCode(302)
        .header("Location", org.hamcrest.Matchers.not(containsString("error")));
    return login;
  }

  private static Response me(Map<String, String> cookies) {
    return Accounts.anonymous().cookies(cookies).get("/api/me");
  }
}
