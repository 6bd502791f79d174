package dev.earshot.export.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.earshot.testing.BrowserTest;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

/** A researcher exporting the demo's votes from the Export page and downloading the archive. */
@QuarkusTest
class ExportBrowserTest extends BrowserTest {

  @Test
  void shouldExportTheDemoVotesAndOfferTheArchiveForDownload() {
    page.navigate("/export");

    page.locator("#export-dataset input").fill("demo");
    page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("demo").setExact(true))
        .click();
    page.locator("#export-dimension input").fill("overall");
    page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("overall").setExact(true))
        .click();
    // The demo's votes are simulated: exported only when that source is chosen.
    page.locator("#export-sources input").fill("simulated");
    page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("simulated").setExact(true))
        .click();
    page.keyboard().press("Escape");
    // Weights apply to scalar rewards only: for the default format the field is disabled.
    assertThat(page.locator("#export-weights")).hasAttribute("disabled", "");
    page.locator("#start-export").click();

    Locator progress = page.locator("#export-progress");
    assertThat(progress).containsText(Pattern.compile("Export \\d+: done"));
    Matcher id = Pattern.compile("Export (\\d+)").matcher(progress.textContent());
    Assertions.assertThat(id.find()).isTrue();
    Locator download = page.locator("#export-archive-" + id.group(1));
    assertThat(download).hasAttribute("href", "/api/exports/" + id.group(1) + "/archive");
    @SuppressWarnings("unchecked")
    Map<String, Object> archive =
        (Map<String, Object>)
            page.evaluate(
                """
                async href => {
                  const answer = await fetch(href);
                  return {status: answer.status, type: answer.headers.get('content-type'),
                          size: (await answer.arrayBuffer()).byteLength};
                }
                """,
                download.getAttribute("href"));
    Assertions.assertThat(archive)
        .containsEntry("status", 200)
        .containsEntry("type", "application/gzip");
    Assertions.assertThat(((Number) archive.get("size")).intValue()).isPositive();
  }
}
