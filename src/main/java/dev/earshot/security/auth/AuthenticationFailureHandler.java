package dev.earshot.security.auth;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.earshot.platform.rest.Problem;
import io.quarkus.security.AuthenticationFailedException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * A bad bearer token fails before any REST resource runs (authentication is proactive), so its 401
 * is written here, as the same problem JSON the resources give.
 */
@ApplicationScoped
public class AuthenticationFailureHandler {

  private final ObjectMapper json;

  public AuthenticationFailureHandler(ObjectMapper json) {
    this.json = json;
  }

  void register(@Observes Router router) {
    router.route().order(Integer.MIN_VALUE).failureHandler(this::handle);
  }

  private void handle(RoutingContext context) {
    String authorization = context.request().getHeader(HttpHeaders.AUTHORIZATION);
    boolean bearer =
        authorization != null
            && authorization.regionMatches(
                true, 0, BearerTokenMechanism.SCHEME, 0, BearerTokenMechanism.SCHEME.length());
    // Failed form logins keep their redirect to the login page.
    if (!bearer
        || !(context.failure() instanceof AuthenticationFailedException failure)
        || context.response().headWritten()) {
      context.next();
      return;
    }
    String detail =
        failure.getMessage() == null
            ? "The credentials were not accepted; log in again or send a valid API token"
            : failure.getMessage();
    Problem problem =
        new Problem("about:blank", "Unauthorized", 401, detail, context.request().path(), null);
    try {
      context
          .response()
          .setStatusCode(401)
          .putHeader("WWW-Authenticate", BearerTokenMechanism.CHALLENGE)
          .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
          .end(json.writeValueAsString(problem));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      context.fail(e);
    }
  }
}
