package dev.earshot.security.auth;

import dev.earshot.platform.config.EarshotConfig;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The cookies of a browser login: Quarkus' sealed login cookie and our session cookie, which names
 * the server-side session that logout and credential changes end.
 */
@ApplicationScoped
public class LoginCookies {

  /** Quarkus form authentication's cookie. */
  public static final String LOGIN = "quarkus-credential";

  /** The secret of the login's server-side session. */
  public static final String SESSION = "earshot-session";

  private final EarshotConfig config;

  public LoginCookies(EarshotConfig config) {
    this.config = config;
  }

  /** Whether cookies of this request must be {@code Secure}. */
  public boolean secure(RoutingContext context) {
    return config.security().secureCookies() || "https".equals(context.request().scheme());
  }

  public void setSession(RoutingContext context, String secret) {
    context.response().addCookie(cookie(context, SESSION, secret));
  }

  public String session(RoutingContext context) {
    Cookie cookie = context.request().getCookie(SESSION);
    return cookie == null ? null : cookie.getValue();
  }

  /** Tells the browser to drop both login cookies. */
  public void expireBoth(RoutingContext context) {
    for (String name : new String[] {LOGIN, SESSION}) {
      context.response().addCookie(cookie(context, name, "").setMaxAge(0));
    }
  }

  private Cookie cookie(RoutingContext context, String name, String value) {
    return Cookie.cookie(name, value)
        .setPath("/")
        .setHttpOnly(true)
        .setSameSite(CookieSameSite.STRICT)
        .setSecure(secure(context));
  }
}
