package dev.earshot.security.service;

import dev.earshot.platform.config.EarshotConfig;
import dev.earshot.platform.startup.WarmUp;
import dev.earshot.security.Role;
import dev.earshot.security.SecretTokens;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Makes sure somebody can get in on a fresh install: with no users and no bootstrap admin token,
 * creates user {@code admin} with a random password and prints it once to the log.
 */
@ApplicationScoped
public class FirstAdmin {

  static final String USERNAME = "admin";
  private static final Logger LOG = Logger.getLogger(FirstAdmin.class);

  private final AccountService accounts;
  private final EarshotConfig config;
  private final WarmUp warmUp;

  public FirstAdmin(AccountService accounts, EarshotConfig config, WarmUp warmUp) {
    this.accounts = accounts;
    this.config = config;
    this.warmUp = warmUp;
  }

  void onStart(@Observes StartupEvent event) {
    warmUp.submit("first admin", this::createUnlessAnyUser);
  }

  private void createUnlessAnyUser() {
    if (accounts.anyUser()) {
      return;
    }
    if (config.bootstrapAdminToken().filter(t -> !t.isBlank()).isPresent()) {
      LOG.info(
          "No users yet: create them with POST /api/users and the bootstrap admin token"
              + " (earshot.bootstrap-admin-token)");
      return;
    }
    String password = SecretTokens.generate("").substring(0, 20);
    accounts.createUser(USERNAME, password, Role.ADMIN.id());
    LOG.warnf(
        "%n%n  First start: created user '%s' with the one-time password%n%n      %s%n%n"
            + "  Log in at /login and change it on the Account page. It is not shown again.%n",
        USERNAME, password);
  }
}
