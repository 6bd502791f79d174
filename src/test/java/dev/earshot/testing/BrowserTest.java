package dev.earshot.testing;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import io.quarkus.test.common.http.TestHTTPResource;
import java.net.URL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the browser tests: each test gets a new page in a new browser context pointed at the
 * running {@code @QuarkusTest} application. Subclasses navigate with relative URLs.
 */
public abstract class BrowserTest {

  /** How long a test waits for something a user would wait for (a page, an import, a run). */
  protected static final double PATIENCE_MILLIS = 60_000;

  @TestHTTPResource("/")
  URL app;

  private BrowserContext context;
  protected Page page;

  @BeforeEach
  void openPage() {
    PlaywrightAssertions.setDefaultAssertionTimeout(PATIENCE_MILLIS);
    context = Browser.newContext(app);
    context.setDefaultTimeout(PATIENCE_MILLIS);
    page = context.newPage();
  }

  @AfterEach
  void closePage() {
    context.close();
  }
}
