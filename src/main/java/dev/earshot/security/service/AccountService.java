package dev.earshot.security.service;

import dev.earshot.audit.service.AuditLog;
import dev.earshot.platform.error.DomainException;
import dev.earshot.security.ApiToken;
import dev.earshot.security.Role;
import dev.earshot.security.SecretTokens;
import dev.earshot.security.User;
import dev.earshot.security.repository.ApiTokenRepository;
import dev.earshot.security.repository.LoginSessionRepository;
import dev.earshot.security.repository.UserRepository;
import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/** Users, their roles and passwords, and their API tokens. */
@ApplicationScoped
@Transactional
public class AccountService {

  /** Tokens start with this so that a leaked one is recognisable in logs and secret scanners. */
  public static final String TOKEN_PREFIX = "earshot_";

  public static final int MIN_PASSWORD_LENGTH = 10;

  /** What a password must be; the REST request records validate with the same words. */
  public static final String PASSWORD_RULE =
      "must have at least " + MIN_PASSWORD_LENGTH + " characters";

  public static final String USERNAME_PATTERN = "[A-Za-z0-9][A-Za-z0-9._@-]{0,63}";
  public static final String USERNAME_RULE =
      "must be 1-64 letters, digits or . _ @ -, starting with a letter or digit";

  public static final int MAX_TOKEN_NAME_LENGTH = 100;
  public static final String TOKEN_NAME_RULE =
      "give the token a name of 1-" + MAX_TOKEN_NAME_LENGTH + " characters";

  private static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);
  private static final Pattern USERNAME = Pattern.compile(USERNAME_PATTERN);

  /** A user as shown to admins and to the user. */
  public record UserView(String username, String role, OffsetDateTime createdAt) {
    static UserView of(User user) {
      return new UserView(user.username, user.role, user.createdAt);
    }
  }

  /** A token without its secret. */
  public record TokenView(
      UUID id,
      String owner,
      String name,
      String role,
      OffsetDateTime createdAt,
      OffsetDateTime lastUsedAt,
      OffsetDateTime revokedAt) {
    static TokenView of(ApiToken token) {
      return new TokenView(
          token.id,
          token.user.username,
          token.name,
          token.role,
          token.createdAt,
          token.lastUsedAt,
          token.revokedAt);
    }
  }

  /** A token just created: the only time its secret is known. */
  public record CreatedToken(TokenView token, String secret) {}

  private final UserRepository users;
  private final ApiTokenRepository tokens;
  private final LoginSessionRepository sessions;
  private final AuditLog audit;
  private final TokenIdentityCache tokenCache;
  private final TransactionSynchronizationRegistry transactions;

  public AccountService(
      UserRepository users,
      ApiTokenRepository tokens,
      LoginSessionRepository sessions,
      AuditLog audit,
      TokenIdentityCache tokenCache,
      TransactionSynchronizationRegistry transactions) {
    this.users = users;
    this.tokens = tokens;
    this.sessions = sessions;
    this.audit = audit;
    this.tokenCache = tokenCache;
    this.transactions = transactions;
  }

  public List<UserView> users() {
    return users.listAll().stream()
        .sorted((a, b) -> a.username.compareTo(b.username))
        .map(UserView::of)
        .toList();
  }

  public UserView user(String username) {
    return UserView.of(existing(username));
  }

  public boolean anyUser() {
    return users.count() > 0;
  }

  public UserView createUser(String username, String password, String role) {
    if (username == null || !USERNAME.matcher(username).matches()) {
      throw DomainException.invalidRequest("username " + USERNAME_RULE);
    }
    Role parsed = role(role);
    checkPassword(password);
    if (users.findByUsername(username).isPresent()) {
      throw DomainException.conflict(
          "User exists", "A user named '" + username + "' exists already; pick another name");
    }
    User user = new User();
    user.username = username;
    user.passwordHash = BcryptUtil.bcryptHash(password);
    user.role = parsed.id();
    users.persistAndFlush(user);
    users.getEntityManager().refresh(user);
    audit.record("user.created", username, "role", user.role);
    return UserView.of(user);
  }

  public UserView changeRole(String username, String role) {
    User user = existing(username);
    Role parsed = role(role);
    if (user.roleValue() == Role.ADMIN && parsed != Role.ADMIN) {
      requireAnotherAdmin(user);
    }
    audit.record("user.role-changed", username, "from", user.role, "to", parsed.id());
    if (!user.role.equals(parsed.id())) {
      // Browsers logged in under the old role log in again rather than keep it.
      sessions.endAllOf(user, OffsetDateTime.now());
    }
    user.role = parsed.id();
    forgetCachedTokens();
    return UserView.of(user);
  }

  /** Sets a new password and ends every browser session of the user, wherever it was opened. */
  public void changePassword(String username, String password) {
    checkPassword(password);
    User user = existing(username);
    user.passwordHash = BcryptUtil.bcryptHash(password);
    sessions.endAllOf(user, OffsetDateTime.now());
    audit.record("user.password-changed", username);
  }

  /** A user's own password change, which needs the current password. */
  public void changeOwnPassword(String username, String current, String replacement) {
    User user = existing(username);
    if (current == null || !BcryptUtil.matches(current, user.passwordHash)) {
      throw DomainException.forbidden("Wrong password", "The current password is not right");
    }
    changePassword(username, replacement);
  }

  /** Deletes a user and their tokens; their votes stay, attributed to the name. */
  public void deleteUser(String username) {
    User user = existing(username);
    if (user.roleValue() == Role.ADMIN) {
      requireAnotherAdmin(user);
    }
    users.delete(user);
    forgetCachedTokens();
    audit.record("user.deleted", username, "role", user.role);
  }

  /**
   * A new token for the user, acting with {@code role} (default: the user's role), which may not be
   * above the user's own role.
   */
  public CreatedToken createToken(String username, String name, String role) {
    User user = existing(username);
    if (name == null || name.isBlank() || name.length() > MAX_TOKEN_NAME_LENGTH) {
      throw DomainException.invalidRequest("name: " + TOKEN_NAME_RULE);
    }
    Role tokenRole = role == null ? user.roleValue() : role(role);
    if (!user.roleValue().covers(tokenRole)) {
      throw DomainException.forbidden(
          "Role above the owner's",
          "A token cannot have role '"
              + tokenRole.id()
              + "': its owner '"
              + username
              + "' is "
              + user.role);
    }
    String secret = SecretTokens.generate(TOKEN_PREFIX);
    ApiToken token = new ApiToken();
    token.id = UUID.randomUUID();
    token.user = user;
    token.name = name.strip();
    token.role = tokenRole.id();
    token.tokenSha256 = SecretTokens.sha256(secret);
    tokens.persistAndFlush(token);
    tokens.getEntityManager().refresh(token);
    audit.record(
        "token.created",
        token.id.toString(),
        "owner",
        username,
        "name",
        token.name,
        "role",
        token.role);
    return new CreatedToken(TokenView.of(token), secret);
  }

  public List<TokenView> tokens(String username) {
    return tokens.ofUser(existing(username)).stream().map(TokenView::of).toList();
  }

  public List<TokenView> allTokens() {
    return tokens.allWithOwners().stream().map(TokenView::of).toList();
  }

  /**
   * Revokes a token. Owners revoke their own; {@code asAdmin} may revoke anyone's. Revoking twice
   * is harmless.
   */
  public TokenView revokeToken(UUID id, String caller, boolean asAdmin) {
    ApiToken token =
        tokens
            .findByIdOptional(id)
            .filter(t -> asAdmin || t.user.username.equals(caller))
            .orElseThrow(
                () ->
                    DomainException.notFound("No token " + id + " of yours; list GET /api/tokens"));
    if (token.revokedAt == null) {
      token.revokedAt = OffsetDateTime.now();
      forgetCachedTokens();
      audit.record(
          "token.revoked", id.toString(), "owner", token.user.username, "name", token.name);
    }
    return TokenView.of(token);
  }

  /**
   * The identity behind a presented token: owner name and the role it acts with, or empty when it
   * is unknown or revoked. Records when it was last used, to the minute. Requests with a token seen
   * in the last {@link TokenIdentityCache#TIME_TO_LIVE} do not come here, so this write happens at
   * most about twice a minute per token.
   */
  public java.util.Optional<TokenIdentity> authenticate(String secret) {
    return tokens
        .findByHash(SecretTokens.sha256(secret))
        .filter(t -> !t.revoked())
        .map(
            t -> {
              OffsetDateTime now = OffsetDateTime.now();
              // A write per call would sit on every API request (the reward endpoint's included);
              // minute precision is all the account page shows.
              if (t.lastUsedAt == null || t.lastUsedAt.isBefore(now.minus(LAST_USED_PRECISION))) {
                t.lastUsedAt = now;
              }
              Role acting = Role.parse(t.role).orElseThrow().atMost(t.user.roleValue());
              return new TokenIdentity(t.user.username, acting);
            });
  }

  /**
   * Empties the token cache now and again once this transaction has ended: a request that read the
   * token before the change committed cannot keep the old identity.
   */
  private void forgetCachedTokens() {
    tokenCache.invalidateNowAndAfter(transactions);
  }

  /** Who a token acts for. */
  public record TokenIdentity(String username, Role role) {}

  private User existing(String username) {
    return users
        .findByUsername(username)
        .orElseThrow(
            () -> DomainException.notFound("No user '" + username + "'; list GET /api/users"));
  }

  private void requireAnotherAdmin(User admin) {
    if (users.countAdminsOtherThan(admin) == 0) {
      throw DomainException.conflict(
          "Last admin",
          "'" + admin.username + "' is the last admin; make another user admin first");
    }
  }

  private static Role role(String role) {
    return Role.parse(role)
        .orElseThrow(
            () ->
                DomainException.invalidRequest(
                    "role must be one of " + Role.ids() + ", not " + role));
  }

  private static void checkPassword(String password) {
    if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
      throw DomainException.invalidRequest("password " + PASSWORD_RULE);
    }
  }
}
