package dev.earshot.dataset.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.FileChooser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import dev.earshot.testing.BrowserTest;
import dev.earshot.testing.DatasetZip;
import dev.earshot.testing.TestAudio;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import java.util.regex.Pattern;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

/** A researcher browsing, importing and listening to datasets in a real browser. */
@QuarkusTest
class DatasetPagesBrowserTest extends BrowserTest {

  @Test
  void shouldListTheDemoDataset() {
    page.navigate("/");

    assertThat(datasetLink("demo")).isVisible();
  }

  @Test
  void shouldListEveryProblemOfABadZipWithItsLineAndImportNothing() {
    byte[] zip =
        new DatasetZip()
            .text(
                "browser-bad/manifest.jsonl",
                """
                {"id":"ok","text":"fine"}
                {"id":"bad id!","text":"x"}
                {"id":"gone","audio":"nowhere.wav"}
                {"id":"ok","text":"duplicate id"}
                """)
            .bytes();
    page.navigate("/datasets");

    upload("browser-bad.zip", zip);

    assertThat(page.locator("#import-status")).containsText("Nothing was imported");
    assertThat(page.getByText("3 problems", new Page.GetByTextOptions().setExact(true)))
        .isVisible();
    assertThat(problemRow("2 'id' must be")).isVisible();
    assertThat(problemRow("3 audio file 'nowhere.wav' does not exist")).isVisible();
    assertThat(problemRow("4 prompt id 'ok' is already used on line 1")).isVisible();
    assertThat(problemRow("")).hasCount(3);
    assertThat(datasetLink("browser-bad")).not().isAttached();
  }

  @Test
  void shouldImportAGoodZipAndListIt() {
    byte[] zip =
        new DatasetZip()
            .text(
                "browser-good/manifest.jsonl",
                """
                {"id":"q1","text":"Ask me whether it rains.","audio":"prompts/q1.wav"}
                {"id":"q2","text":"Name a colour."}
                """)
            .text(
                "browser-good/responses.jsonl",
                """
                {"system":"alpha","prompt":"q1","audio":"responses/alpha/q1.wav"}
                {"system":"beta","prompt":"q2","audio":"responses/beta/q2.wav"}
                """)
            .file("browser-good/prompts/q1.wav", TestAudio.toneWav(200, 0.3, 16_000))
            .file("browser-good/responses/alpha/q1.wav", TestAudio.toneWav(220, 0.3, 16_000))
            .file("browser-good/responses/beta/q2.wav", TestAudio.toneWav(240, 0.3, 16_000))
            .bytes();
    page.navigate("/datasets");

    upload("browser-good.zip", zip);

    assertThat(page.locator("#import-status"))
        .hasText("Imported 'browser-good': 2 prompts, 2 responses of 2 systems.");
    assertThat(page.locator("#import-problems")).isHidden();
    assertThat(datasetLink("browser-good")).isVisible();
  }

  @Test
  void shouldShowTheDemoPromptsWithPlayableAudio() {
    page.navigate("/");
    datasetLink("demo").click();

    assertThat(page).hasURL(Pattern.compile("/datasets/demo$"));
    Locator prompts = page.locator("#prompts");
    assertThat(prompts).containsText("What is the capital of France?");
    Locator audio = prompts.locator("audio").first();
    String src = audio.getAttribute("src");
    Assertions.assertThat(src).matches("/api/audio/[0-9a-f]{64}");

    @SuppressWarnings("unchecked")
    Map<String, Object> answer =
        (Map<String, Object>)
            page.evaluate(
                """
                async src => {
                  const response = await fetch(src);
                  return {status: response.status, type: response.headers.get('content-type')};
                }
                """,
                src);
    Assertions.assertThat(answer.get("status")).isEqualTo(200);
    Assertions.assertThat((String) answer.get("type")).matches("audio/(flac|wav|x-wav)");

    // Muted, because the browser only lets a page start unmuted sound after a user gesture.
    audio.evaluate("a => { a.muted = true; return a.play(); }");
    page.waitForFunction(
        "a => a.readyState >= 2 && a.duration > 0 && a.currentTime > 0", audio.elementHandle());
  }

  private Locator datasetLink(String name) {
    return page.locator("#datasets")
        .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(name).setExact(true));
  }

  /**
   * Rows of the problem report about the manifest whose line number and message start with the
   * given text (a row's accessible name is its cells' text: file, line, message). The pattern runs
   * in the browser, so it is escaped for JavaScript, not with {@code Pattern.quote}.
   */
  private Locator problemRow(String lineAndMessage) {
    String literal = lineAndMessage.replaceAll("[.*+?^${}()|\\[\\]\\\\]", "\\\\$0");
    return page.locator("#import-problems")
        .getByRole(
            AriaRole.ROW,
            new Locator.GetByRoleOptions()
                .setName(Pattern.compile("^manifest\\.jsonl " + literal)));
  }

  /** Picks the zip in the upload's file chooser, as a user would. */
  private void upload(String fileName, byte[] zip) {
    FileChooser chooser =
        page.waitForFileChooser(
            () ->
                page.locator("#dataset-upload")
                    .getByRole(
                        AriaRole.BUTTON,
                        new Locator.GetByRoleOptions().setName(Pattern.compile("Upload")))
                    .click());
    chooser.setFiles(new FilePayload(fileName, "application/zip", zip));
  }
}
