package dev.earshot.leaderboard.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.restassured.RestAssured.given;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.earshot.rating.rest.Campaigns;
import dev.earshot.testing.Accounts;
import dev.earshot.testing.BrowserTest;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A researcher reads an arena's leaderboard (table, interval chart, heatmap, download links) and
 * the leaderboard of one rating campaign.
 */
@QuarkusTest
class LeaderboardBrowserTest extends BrowserTest {

  @Inject EntityManager em;

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
    choose("#leaderboard-source", "arena:browser-arena");

    assertThat(page.locator("#leaderboard-table")).containsText("sys-a");
    assertThat(page.locator("#leaderboard-intervals canvas")).isVisible();
    assertThat(page.locator("#leaderboard-heatmap canvas")).isVisible();
    assertThat(page.locator("#leaderboard-battles canvas")).isVisible();
    assertThat(page.locator("a:has-text('Download CSV')"))
        .hasAttribute("href", Pattern.compile(".*source=arena%3Abrowser-arena.*format=csv"));
  }

  @Test
  void shouldRankTheVotesOfTheChosenCampaign() {
    String name = "browser campaign " + UUID.randomUUID();
    String rater = Accounts.newUser("browser-rater", "annotator");
    String campaign =
        Campaigns.create(
            Map.of(
                "name",
                name,
                "dataset",
                "demo",
                "systems",
                List.of("reference", "monotone"),
                "dimensions",
                List.of("prosody"),
                "raters",
                List.of(rater),
                "overlap",
                1));
    Campaigns.voteFor(em, Accounts.tokenOf(rater), campaign, "prosody", "monotone");

    page.navigate("/leaderboard");
    choose("#leaderboard-dimension", "prosody");
    // The demo's raters are simulated: a source of their own, never counted as people.
    choose("#leaderboard-source", "simulated");
    assertThat(page.locator("#leaderboard-table")).containsText("wrongfacts");
    assertThat(page.locator("#agreement-summary")).containsText("Simulated raters: ");
    choose("#leaderboard-source", "humans");
    choose("#leaderboard-campaign", name);

    // The campaign's one vote: monotone won once, the reference lost once (wins / losses / ties).
    assertThat(page.locator("#leaderboard-table")).containsText("1 / 0 / 0");
    assertThat(page.locator("#leaderboard-table")).containsText("0 / 1 / 0");
    assertThat(page.locator("a:has-text('Download CSV')"))
        .hasAttribute("href", Pattern.compile(".*campaign=" + campaign + ".*"));
    assertThat(page.locator("a:has-text('Agreement JSON')"))
        .hasAttribute("href", Pattern.compile(".*campaign=" + campaign));
  }

  @Test
  void shouldKeepEveryFilterAndColumnReachableOnALaptopAndAPhone() {
    given()
        .contentType("text/csv")
        .body("a,b,outcome\nsys-a,sys-b,a\nsys-b,sys-c,b\nsys-c,sys-a,tie\n")
        .when()
        .post("/api/arenas/layout-arena/battles")
        .then()
        .statusCode(201);

    for (int[] screen : new int[][] {{1024, 768}, {390, 844}}) {
      resize(screen[0], screen[1]);
      page.navigate("/leaderboard");
      choose("#leaderboard-source", "arena:layout-arena");
      assertThat(page.locator("#leaderboard-table")).containsText("sys-a");

      org.assertj.core.api.Assertions.assertThat(scrollsSideways())
          .as("page wider than %d px", screen[0])
          .isFalse();
      for (Locator control :
          List.of(
              page.locator("#leaderboard-as-of"),
              page.locator("a:has-text('Download CSV')"),
              page.locator("a:has-text('Download JSON')"))) {
        // Reachable by scrolling down (a phone has a tall page), never cut off to the side.
        control.scrollIntoViewIfNeeded();
        assertThat(control).isInViewport();
      }
      // A wide table scrolls inside itself: its last column can be brought into view.
      Locator bothBad =
          page.locator("#leaderboard-table")
              .getByText("Both bad", new Locator.GetByTextOptions().setExact(true));
      bothBad.scrollIntoViewIfNeeded();
      assertThat(bothBad).isInViewport();
      screenshot("leaderboard-" + screen[0] + "x" + screen[1]);
    }
  }

  private void choose(String select, String item) {
    page.locator(select).click();
    page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName(item).setExact(true))
        .click();
  }
}
