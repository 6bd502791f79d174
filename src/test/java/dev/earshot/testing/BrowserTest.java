package dev.earshot.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import io.quarkus.test.common.http.TestHTTPResource;
import java.net.URL;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the browser tests: each test gets a new page in a new browser context pointed at the
 * running {@code @QuarkusTest} application, logged in as an admin. Subclasses navigate with
 * relative URLs.
 */
public abstract class BrowserTest {

  /** How long a test waits for something a user would wait for (a page, an import, a run). */
  protected static final double PATIENCE_MILLIS = 60_000;

  @TestHTTPResource("/")
  URL app;

  private BrowserContext context;
  protected Page page;

  /** What the browser refused under the Content-Security-Policy, over the whole test. */
  private final List<String> blockedByPolicy = new CopyOnWriteArrayList<>();

  /** An admin every browser test logs in as unless it logs in as someone else. */
  private static String admin;

  @BeforeEach
  void openPage() {
    PlaywrightAssertions.setDefaultAssertionTimeout(PATIENCE_MILLIS);
    synchronized (BrowserTest.class) {
      if (admin == null) {
        admin = Accounts.newUser("browser-admin", "admin");
      }
    }
    logInAs(admin);
  }

  /**
   * A fresh browser context logged in as the user (password {@link Accounts#PASSWORD}), through the
   * same form request the login page sends.
   */
  protected void logInAs(String username) {
    openAnonymous();
    APIResponse login =
        context
            .request()
            .post(
                "/j_security_check",
                RequestOptions.create()
                    .setForm(
                        FormData.create()
                            .set("username", username)
                            .set("password", Accounts.PASSWORD))
                    .setMaxRedirects(0));
    if (login.status() != 302 || login.headers().getOrDefault("location", "").contains("error")) {
      throw new IllegalStateException("Could not log in as " + username + ": " + login.status());
    }
  }

  /** A fresh browser context with nobody logged in. */
  protected void openAnonymous() {
    if (context != null) {
      context.close();
    }
    context = Browser.newContext(app);
    context.setDefaultTimeout(PATIENCE_MILLIS);
    page = context.newPage();
    page.onConsoleMessage(
        message -> {
          if (message.text().contains("Content Security Policy")) {
            blockedByPolicy.add(message.text());
          }
        });
  }

  /** Sizes the window as a given screen (1024 × 768 laptop, 390 × 844 phone) for layout checks. */
  protected void resize(int width, int height) {
    page.setViewportSize(width, height);
  }

  /**
   * Saves what the page shows as {@code target/screenshots/<name>.png}, for a person to look at.
   */
  protected void screenshot(String name) {
    page.screenshot(
        new Page.ScreenshotOptions()
            .setPath(Path.of("target", "screenshots", name + ".png"))
            .setFullPage(true));
  }

  /** Whether the page is wider than the window, i.e. something is cut off to the right. */
  protected boolean scrollsSideways() {
    return (Boolean)
        page.evaluate(
            "() => document.documentElement.scrollWidth > document.documentElement.clientWidth");
  }

  @AfterEach
  void closePage() {
    context.close();
    assertThat(blockedByPolicy).as("blocked by the Content-Security-Policy").isEmpty();
  }
}
