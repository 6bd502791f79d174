package dev.earshot.evaluation.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import dev.earshot.testing.BrowserTest;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

/** A researcher running the judges on the demo dataset and reading one response's results. */
@QuarkusTest
class EvaluatePagesBrowserTest extends BrowserTest {

  /** Every runnable judge on all 96 demo responses, on a busy two-core machine. */
  private static final double RUN_PATIENCE_MILLIS = 240_000;

  @Test
  void shouldRunTheJudgesOnTheDemoAndShowAResponseWithItsContourAndReasons() {
    page.navigate("/evaluate");

    page.locator("#run-dataset input").fill("demo");
    page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("demo").setExact(true))
        .click();
    // The dataset's systems are all chosen for the user (shown as chips; the field has a value).
    assertThat(page.locator("#run-systems")).hasAttribute("has-value", "");
    page.locator("#start-run").click();

    assertThat(page.locator("#run-progress"))
        .containsText(
            Pattern.compile("Run \\d+: completed"),
            new LocatorAssertions.ContainsTextOptions().setTimeout(RUN_PATIENCE_MILLIS));

    page.locator("#run-scores a").first().click();

    assertThat(page).hasURL(Pattern.compile("/responses/\\d+$"));
    assertThat(page.locator("#contour-chart canvas")).isVisible();
    String responseId = page.url().replaceAll(".*/responses/", "");
    @SuppressWarnings("unchecked")
    List<String> reasons =
        (List<String>)
            page.evaluate(
                """
                async id => {
                  const scores = await (await fetch('/api/scores?response=' + id)).json();
                  return scores.map(score => score.reason);
                }
                """,
                responseId);
    Assertions.assertThat(reasons)
        .isNotEmpty()
        .allSatisfy(r -> Assertions.assertThat(r).isNotBlank());
    Locator judges = page.locator("#response-scores");
    for (String reason : reasons) {
      assertThat(judges).containsText(reason);
    }
  }

  @Test
  void shouldLabelTheContourTimeAxisInRoundSecondsAndLeadBackToTheDataset() {
    page.navigate("/datasets/demo");
    Object id =
        page.evaluate(
            "async () => (await (await fetch('/api/datasets/demo/responses?size=1')).json())"
                + ".items[0].id");
    page.navigate("/responses/" + id);
    assertThat(page.locator("#contour-chart canvas")).isVisible();

    @SuppressWarnings("unchecked")
    Map<String, Object> axis =
        (Map<String, Object>)
            page.evaluate(
                """
                () => {
                  const x = echarts.getInstanceByDom(document.querySelector('#contour-chart'))
                      .getOption().xAxis[0];
                  return { name: x.name, location: x.nameLocation,
                           showMax: x.axisLabel.showMaxLabel,
                           labels: [0, 0.5, 1.25, 2.0693125].map(x.axisLabel.formatter).join(' ') };
                }
                """);
    // The raw duration label is hidden and the name sits under the axis, clear of the dB axis.
    Assertions.assertThat(axis)
        .containsEntry("name", "Time (s)")
        .containsEntry("location", "middle")
        .containsEntry("showMax", false)
        .containsEntry("labels", "0 0.5 1.25 2.07");

    page.locator("#back-to-dataset").click();
    assertThat(page).hasURL(Pattern.compile("/datasets/demo$"));
  }
}
