package dev.earshot.security.auth;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Locale;

/**
 * Every cookie the service sets, whoever sets it (Quarkus' login cookie, the servlet session's
 * {@code JSESSIONID}, ours) is {@code HttpOnly}, and {@code Secure} where {@link
 * LoginCookies#secure} says so (HTTPS, or {@code earshot.security.secure-cookies}).
 */
@ApplicationScoped
public class CookieHardening {

  private final LoginCookies cookies;

  public CookieHardening(LoginCookies cookies) {
    this.cookies = cookies;
  }

  void register(@Observes Router router) {
    router.route().order(Integer.MIN_VALUE + 10).handler(this::harden);
  }

  private void harden(RoutingContext context) {
    boolean secure = cookies.secure(context);
    context.addHeadersEndHandler(
        ended -> {
          MultiMap headers = context.response().headers();
          List<String> set = headers.getAll(HttpHeaders.SET_COOKIE);
          if (set.isEmpty()) {
            return;
          }
          headers.remove(HttpHeaders.SET_COOKIE);
          set.forEach(cookie -> headers.add(HttpHeaders.SET_COOKIE, harden(cookie, secure)));
        });
    context.next();
  }

  static String harden(String setCookie, boolean secure) {
    String lower = setCookie.toLowerCase(Locale.ROOT);
    String hardened = setCookie;
    if (!lower.contains("; httponly")) {
      hardened += "; HttpOnly";
    }
    if (secure && !lower.contains("; secure")) {
      hardened += "; Secure";
    }
    return hardened;
  }
}
