package dev.earshot.security.auth;

import dev.earshot.security.service.LoginSessionService;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;

/**
 * Ties browser logins to server-side sessions. A form login (past the throttle) opens a session and
 * sets its cookie; every later request that the login cookie authenticates must show an open
 * session of the same user, or it is refused ({@link EndedSession}). Bearer-token identities are
 * left alone: tokens are revoked on their own.
 */
@ApplicationScoped
public class LoginSessionAugmentor implements SecurityIdentityAugmentor {

  /** Where Vaadin's login form posts; Quarkus' form mechanism answers it. */
  static final String LOGIN_PATH = "/j_security_check";

  /**
   * Why a login cookie was refused: its session ended (logout, password or role change). The cause
   * of the {@link AuthenticationFailedException} that Quarkus passes on.
   */
  public static final class EndedSession extends RuntimeException {
    private static final long serialVersionUID = 1L;

    EndedSession() {
      super("This login has ended (logout, or a change of password or role); log in again");
    }
  }

  /** Why a correct login was refused: the account is locked after failed attempts. */
  public static final class LockedAccount extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Duration retryAfter;

    LockedAccount(Duration retryAfter) {
      super("Too many failed logins to this account; try again later");
      this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
      return retryAfter;
    }
  }

  private final LoginSessionService sessions;
  private final LoginCookies cookies;
  private final LoginThrottle throttle;

  public LoginSessionAugmentor(
      LoginSessionService sessions, LoginCookies cookies, LoginThrottle throttle) {
    this.sessions = sessions;
    this.cookies = cookies;
    this.throttle = throttle;
  }

  @Override
  public Uni<SecurityIdentity> augment(
      SecurityIdentity identity, AuthenticationRequestContext context) {
    return Uni.createFrom().item(identity);
  }

  @Override
  public Uni<SecurityIdentity> augment(
      SecurityIdentity identity,
      AuthenticationRequestContext context,
      Map<String, Object> attributes) {
    RoutingContext request = HttpSecurityUtils.getRoutingContextAttribute(attributes);
    if (identity.isAnonymous() || request == null || bearer(request)) {
      return Uni.createFrom().item(identity);
    }
    String username = identity.getPrincipal().getName();
    if (isLogin(request)) {
      return context.runBlocking(() -> openSession(request, identity, username));
    }
    String secret = cookies.session(request);
    return context.runBlocking(
        () -> {
          if (!sessions.isOpen(secret, username)) {
            EndedSession ended = new EndedSession();
            throw new AuthenticationFailedException(ended.getMessage(), ended);
          }
          return identity;
        });
  }

  private SecurityIdentity openSession(
      RoutingContext request, SecurityIdentity identity, String username) {
    throttle
        .accountLocked(username)
        .ifPresent(
            left -> {
              LockedAccount locked = new LockedAccount(left);
              throw new AuthenticationFailedException(locked.getMessage(), locked);
            });
    throttle.succeeded(username);
    cookies.setSession(request, sessions.open(username));
    return identity;
  }

  static boolean isLogin(RoutingContext request) {
    return request.request().method().equals(HttpMethod.POST)
        && LOGIN_PATH.equals(request.request().path());
  }

  private static boolean bearer(RoutingContext request) {
    String authorization = request.request().getHeader(HttpHeaders.AUTHORIZATION);
    return authorization != null
        && authorization.regionMatches(
            true, 0, BearerTokenMechanism.SCHEME, 0, BearerTokenMechanism.SCHEME.length());
  }
}
