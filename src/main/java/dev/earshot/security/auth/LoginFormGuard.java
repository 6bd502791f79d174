package dev.earshot.security.auth;

import dev.earshot.platform.rest.RouteProblems;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Refuses a login form before it is read: from an address locked after failed logins (429 with
 * {@code Retry-After}), or without a {@code Content-Length} (411), so that the size limit of {@code
 * earshot.limits.login-form-bytes} holds before Quarkus' form mechanism reads the body.
 */
@ApplicationScoped
public class LoginFormGuard {

  /** Before authentication, which reads the form. */
  private static final int ORDER = Integer.MIN_VALUE + 10;

  private final LoginThrottle throttle;

  public LoginFormGuard(LoginThrottle throttle) {
    this.throttle = throttle;
  }

  void register(@Observes Router router) {
    router.post(LoginSessionAugmentor.LOGIN_PATH).order(ORDER).handler(this::guard);
  }

  private void guard(RoutingContext context) {
    var locked = throttle.addressLocked(context.request().remoteAddress().hostAddress());
    if (locked.isPresent()) {
      context
          .response()
          .putHeader(
              HttpHeaders.RETRY_AFTER,
              Long.toString(LoginThrottle.retryAfterSeconds(locked.get())));
      RouteProblems.refuse(
          context, 429, "Too many failed logins", "Too many failed logins from this address");
      return;
    }
    if (context.request().getHeader(HttpHeaders.CONTENT_LENGTH) == null) {
      RouteProblems.refuse(
          context, 411, "Length required", "The login form must be sent with a Content-Length");
      return;
    }
    context.next();
  }
}
