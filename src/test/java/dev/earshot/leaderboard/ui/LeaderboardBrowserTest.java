package dev.earshot.leaderboard.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.restassured.RestAssured.given;

import dev.earshot.testing.BrowserTest;
import io.quarkus.test.junit.QuarkusTest;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** A researcher reads an arena's leaderboard: table, interval chart, heatmap, download links. */
@QuarkusTest
class LeaderboardBrowserTest extends BrowserTest {

  @Test
  void shouldRenderTheLeaderboardChartsOfAnArena() {
    given()
        .contentType("text/csv")
        .body(
            "a,b,outcome\nsys-a,sys-b,a\nsys-a,sys-b,a\nsys-b,sys-a,a\nsys-b,sys-c,a\nsys-c,sys-b,tie\nsys-a,sys-c,a\nsys-c,sys-a,a\n")
        .when()
        .post("/api/arenas/browser-arena/battles")
        .then()
        .statusCode(201);

    page.navigate("/leaderboard");
    page.locator("#leaderboard-source").click();
    page.locator(
            "vaadin-select-item",
            new com.microsoft.playwright.Page.LocatorOptions().setHasText("arena:browser-arena"))
        .click();

    assertThat(page.locator("#leaderboard-table")).containsText("sys-a");
    assertThat(page.locator("#leaderboard-intervals canvas")).isVisible();
    assertThat(page.locator("#leaderboard-heatmap canvas")).isVisible();
    assertThat(page.locator("#leaderboard-battles canvas")).isVisible();
    assertThat(page.locator("a:has-text('Download CSV')"))
        .hasAttribute("href", Pattern.compile(".*source=arena%3Abrowser-arena.*format=csv"));
  }
}
