package dev.earshot.codec.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import dev.earshot.codec.service.CodecDemoLoader;
import dev.earshot.evaluation.rest.Runs;
import dev.earshot.testing.BrowserTest;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

/** The Codecs page on the codec demo: the leaderboard table and the quality-bitrate plot. */
@QuarkusTest
class CodecsBrowserTest extends BrowserTest {

  @Inject CodecDemoLoader demo;

  @Test
  void shouldShowTheCodecDemoAsTableAndQualityBitratePlot() {
    demo.loadIfMissing();
    Assertions.assertThat(Runs.awaitFinished(demo.start().id()).getString("status"))
        .isEqualTo("completed");
    resize(1024, 768);
    page.navigate("/codecs");

    assertThat(page.locator("#codec-leaderboard")).containsText("sim-transparent");
    for (String codec : List.of("sim-noise-5db", "sim-lowpass-3k", "sim-noise-20db")) {
      assertThat(page.locator("#codec-leaderboard")).containsText(codec);
    }
    assertThat(page.locator("#codec-leaderboard")).containsText("1.000 [1.000, 1.000]");
    assertThat(page.locator("#codec-chart canvas")).isVisible();
    @SuppressWarnings("unchecked")
    List<Object> plotted =
        (List<Object>)
            page.evaluate(
                """
                () => echarts.getInstanceByDom(document.querySelector('#codec-chart'))
                    .getOption().series[1].data.map(point => point[4])
                """);
    Assertions.assertThat(plotted)
        .containsExactly("sim-noise-5db", "sim-lowpass-3k", "sim-noise-20db", "sim-transparent");
    Assertions.assertThat(scrollsSideways()).as("cut off at 1024 px").isFalse();
    // The app layout scrolls inside the page: bring the leaderboard and the plot into the picture.
    page.locator("#codec-chart").scrollIntoViewIfNeeded();
    screenshot("codecs-1024x768");
  }
}
