package dev.earshot.security.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.earshot.security.Role;
import dev.earshot.testing.Accounts;
import dev.earshot.testing.BrowserTest;
import io.quarkus.test.junit.QuarkusTest;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Logging in and out through the real login page, and moving around once logged in. */
@QuarkusTest
class LoginBrowserTest extends BrowserTest {

  private static final Pattern LOGIN_PAGE = Pattern.compile(".*/login(\\?.*)?$");

  @BeforeEach
  void startLoggedOut() {
    openAnonymous();
  }

  @Test
  void shouldSendAnonymousVisitorsToTheLoginPage() {
    page.navigate("/");

    assertThat(page).hasURL(LOGIN_PAGE);
    assertThat(page.locator("vaadin-login-form")).isVisible();
  }

  @Test
  void shouldLogAResearcherInAndOut() {
    String researcher = Accounts.newUser("browser-login", Role.RESEARCHER_NAME);
    page.navigate("/");

    logIn(researcher, Accounts.PASSWORD);

    assertThat(page).hasURL(Pattern.compile(".*/datasets$"));
    assertThat(page.locator("#account-link")).hasText(researcher);

    page.locator("#logout").click();

    assertThat(page).hasURL(LOGIN_PAGE);
    page.navigate("/datasets");
    assertThat(page).hasURL(LOGIN_PAGE);
    assertThat(page.locator("vaadin-login-form")).isVisible();
  }

  @Test
  void shouldSaySoWhenThePasswordIsWrong() {
    String researcher = Accounts.newUser("browser-wrong", Role.RESEARCHER_NAME);
    page.navigate("/login");

    logIn(researcher, "not the password");

    assertThat(page).hasURL(Pattern.compile(".*/login\\?error.*"));
    assertThat(page.getByText("Incorrect username or password")).isVisible();
    page.navigate("/datasets");
    assertThat(page).hasURL(LOGIN_PAGE);
  }

  @Test
  void shouldOpenEveryViewOfTheMenu() {
    String researcher = Accounts.newUser("browser-menu", Role.RESEARCHER_NAME);
    page.navigate("/");
    logIn(researcher, Accounts.PASSWORD);
    assertThat(page).hasURL(Pattern.compile(".*/datasets$"));

    menu("Leaderboard").click();
    assertThat(page).hasURL(Pattern.compile(".*/leaderboard$"));
    assertThat(page.locator("#leaderboard-source")).isVisible();

    menu("Evaluate").click();
    assertThat(page).hasURL(Pattern.compile(".*/evaluate$"));
    menu("Datasets").click();
    assertThat(page).hasURL(Pattern.compile(".*/datasets$"));
    assertThat(page.getByText("Internal error")).not().isAttached();
    assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Datasets")))
        .isVisible();
  }

  private void logIn(String username, String password) {
    Locator form = page.locator("vaadin-login-form");
    form.locator("input[name='username']").fill(username);
    form.locator("input[name='password']").fill(password);
    form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Log in")).click();
  }

  private Locator menu(String label) {
    return page.locator(
        "#navigation vaadin-side-nav-item", new Page.LocatorOptions().setHasText(label));
  }
}
