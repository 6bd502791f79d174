package dev.earshot.evaluation.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import dev.earshot.duplex.service.DuplexDemoLoader;
import dev.earshot.testing.BrowserTest;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

/** The response page of a two-channel dialogue shows its turn-taking timeline; others do not. */
@QuarkusTest
class DuplexTimelineBrowserTest extends BrowserTest {

  @Inject DuplexDemoLoader demo;

  @Test
  void shouldDrawBothChannelsOverlapsAndLatenciesOfTheDemoDialogue() {
    demo.loadIfMissing();
    page.navigate("/datasets/" + DuplexDemoLoader.DATASET);
    Object id =
        page.evaluate(
            "async () => (await (await fetch('/api/datasets/"
                + DuplexDemoLoader.DATASET
                + "/responses?system=patient&size=1')).json()).items[0].id");
    page.navigate("/responses/" + id);

    assertThat(page.locator("#duplex-timeline canvas")).isVisible();
    // For people reviewing the page: target/duplex-timeline.png.
    page.locator("#duplex-timeline")
        .screenshot(new Locator.ScreenshotOptions().setPath(Path.of("target/duplex-timeline.png")));
    @SuppressWarnings("unchecked")
    Map<String, Object> drawn =
        (Map<String, Object>)
            page.evaluate(
                """
                () => {
                  const series = echarts.getInstanceByDom(document.querySelector('#duplex-timeline'))
                      .getOption().series[0];
                  return { bars: series.data.length, overlaps: series.markArea.data.length,
                           arrows: series.markLine.data.length,
                           firstLatency: series.markLine.data[0][0].name };
                }
                """);
    // The patient dialogue: 3 user and 4 model segments, a backchannel and a barge-in overlapping,
    // three answered turns, the first 0.3 s (within 30 ms) after the user stopped.
    Assertions.assertThat(drawn)
        .containsEntry("bars", 7)
        .containsEntry("overlaps", 2)
        .containsEntry("arrows", 3);
    Assertions.assertThat((String) drawn.get("firstLatency")).matches("0\\.(2[7-9]|3[0-3]) s");
  }

  @Test
  void shouldShowNoTimelineForAOneChannelResponse() {
    page.navigate("/datasets/demo");
    Object id =
        page.evaluate(
            "async () => (await (await fetch('/api/datasets/demo/responses?size=1')).json())"
                + ".items[0].id");
    page.navigate("/responses/" + id);

    assertThat(page.locator("#contour-chart canvas")).isVisible();
    assertThat(page.locator("#duplex-timeline")).isHidden();
  }
}
