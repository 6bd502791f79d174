package dev.earshot.security.auth;

import dev.earshot.platform.error.DomainException;
import dev.earshot.platform.error.Failure;
import dev.earshot.platform.error.FailureCauses;
import dev.earshot.platform.rest.Problem;
import dev.earshot.platform.rest.ProblemMappers;
import dev.earshot.security.auth.BearerTokenIdentityProvider.TokenNotChecked;
import dev.earshot.security.auth.LoginSessionAugmentor.EndedSession;
import dev.earshot.security.auth.LoginSessionAugmentor.LockedAccount;
import io.quarkus.security.AuthenticationFailedException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;

/**
 * Authentication fails before any REST resource runs (it is proactive), so its answers are written
 * here, as the same problem JSON the resources give: a bad bearer token or an ended browser session
 * gets 401, a locked account 429, and a credential check the database could not answer 503 with
 * {@code Retry-After} (a valid token must not read as revoked while the database restarts). Failed
 * form logins are counted for the throttle and keep their redirect to the login page.
 */
@ApplicationScoped
public class AuthenticationFailureHandler {

  private static final String LOGIN_FIELD = "username";

  private final LoginCookies cookies;
  private final LoginThrottle throttle;

  public AuthenticationFailureHandler(LoginCookies cookies, LoginThrottle throttle) {
    this.cookies = cookies;
    this.throttle = throttle;
  }

  void register(@Observes Router router) {
    router.route().order(Integer.MIN_VALUE).failureHandler(this::handle);
  }

  private void handle(RoutingContext context) {
    if (context.response().headWritten()) {
      context.next();
      return;
    }
    // A credential check the database could not answer, whether or not it came wrapped.
    Optional<DomainException> unavailable =
        FailureCauses.classify(context.failure())
            .filter(known -> known.failure() == Failure.UNAVAILABLE);
    if (unavailable.isPresent()) {
      retryLater(context, unavailable.get().title(), unavailable.get().getMessage());
      return;
    }
    if (!(context.failure() instanceof AuthenticationFailedException failure)) {
      context.next();
      return;
    }
    if (failure.getCause() instanceof TokenNotChecked notChecked) {
      retryLater(context, "Service Unavailable", notChecked.getMessage());
    } else if (failure.getCause() instanceof LockedAccount locked) {
      context
          .response()
          .putHeader(
              HttpHeaders.RETRY_AFTER,
              Long.toString(LoginThrottle.retryAfterSeconds(locked.retryAfter())));
      answer(context, 429, "Too Many Requests", failure.getMessage());
    } else if (failure.getCause() instanceof EndedSession) {
      cookies.expireBoth(context);
      if (context.request().path().startsWith("/api/")) {
        answer(context, 401, "Unauthorized", failure.getMessage());
      } else {
        context.response().setStatusCode(302).putHeader(HttpHeaders.LOCATION, "/login").end();
      }
    } else if (bearer(context)) {
      context.response().putHeader("WWW-Authenticate", BearerTokenMechanism.CHALLENGE);
      answer(
          context,
          401,
          "Unauthorized",
          failure.getMessage() == null
              ? "The credentials were not accepted; log in again or send a valid API token"
              : failure.getMessage());
    } else {
      if (LoginSessionAugmentor.isLogin(context)) {
        throttle.failed(
            context.request().getFormAttribute(LOGIN_FIELD),
            context.request().remoteAddress().hostAddress());
      }
      context.next();
    }
  }

  private static boolean bearer(RoutingContext context) {
    String authorization = context.request().getHeader(HttpHeaders.AUTHORIZATION);
    return authorization != null
        && authorization.regionMatches(
            true, 0, BearerTokenMechanism.SCHEME, 0, BearerTokenMechanism.SCHEME.length());
  }

  private static void retryLater(RoutingContext context, String title, String detail) {
    context
        .response()
        .putHeader(HttpHeaders.RETRY_AFTER, Integer.toString(ProblemMappers.RETRY_AFTER_SECONDS));
    answer(context, 503, title, detail);
  }

  private static void answer(RoutingContext context, int status, String title, String detail) {
    Problem problem =
        new Problem("about:blank", title, status, detail, context.request().path(), null);
    context
        .response()
        .setStatusCode(status)
        .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
        .end(Json.encode(problem));
  }
}
