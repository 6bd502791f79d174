package dev.earshot.testing;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.net.URL;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One headless Debian chromium per test JVM, driven by Playwright, and a fresh browser context (own
 * cookies, storage and profile state) per test. Playwright never downloads anything: the browser
 * comes from {@code scripts/install-test-tools.sh}, the driver from the Playwright jar.
 */
public final class Browser {

  /** Installed by {@code scripts/install-test-tools.sh} before the tests run. */
  public static final Path CHROMIUM = Path.of("/usr/bin/chromium");

  /**
   * Without the networking flags chromium keeps calling outside hosts, which the closed test
   * network refuses (see STACK-NOTES). Playwright's {@code launch} gives it a fresh temporary
   * profile.
   */
  private static final List<String> FLAGS =
      List.of(
          "--headless",
          "--no-sandbox",
          "--disable-gpu",
          "--disable-quic",
          "--no-first-run",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync");

  private static com.microsoft.playwright.Browser chromium;

  private Browser() {}

  /** A new, isolated context whose relative URLs resolve against the application under test. */
  public static synchronized BrowserContext newContext(URL app) {
    if (chromium == null) {
      chromium = launch();
    }
    return chromium.newContext(
        new com.microsoft.playwright.Browser.NewContextOptions().setBaseURL(app.toString()));
  }

  private static com.microsoft.playwright.Browser launch() {
    Playwright playwright =
        Playwright.create(
            new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    com.microsoft.playwright.Browser browser =
        playwright
            .chromium()
            .launch(
                new BrowserType.LaunchOptions()
                    .setExecutablePath(CHROMIUM)
                    .setHeadless(true)
                    .setArgs(FLAGS));
    Runtime.getRuntime().addShutdownHook(new Thread(playwright::close, "playwright-close"));
    return browser;
  }
}
