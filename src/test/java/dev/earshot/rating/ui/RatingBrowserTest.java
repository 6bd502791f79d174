package dev.earshot.rating.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import dev.earshot.rating.rest.Campaigns;
import dev.earshot.testing.Accounts;
import dev.earshot.testing.BrowserTest;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * An annotator rates with the keyboard only: listens to A and B to the end, votes on two
 * dimensions, and the vote lands in the preference table with the sides they were heard in.
 */
@QuarkusTest
class RatingBrowserTest extends BrowserTest {

  @Inject EntityManager em;

  @Test
  void shouldRateAPairWithTheKeyboardAfterListeningToBoth() {
    String annotator = Accounts.newUser("keys", "annotator");
    String campaign = Campaigns.create(List.of(annotator), List.of("prosody", "quality"), 1);
    logInAs(annotator);

    page.navigate("/");
    assertThat(page).hasURL(Pattern.compile(".*/rate$"));
    assertThat(page.locator("#navigation vaadin-side-nav-item")).hasCount(1);
    page.locator("#my-campaigns vaadin-button").first().click();
    assertThat(page.locator("#rating-progress")).hasText("1 of 144");
    String source = page.content();
    for (String system : Campaigns.DEMO_SYSTEMS) {
      assertThat(source).doesNotContain(system);
    }

    // Before listening, verdict keys are refused and nothing can be stored.
    page.keyboard().press("1");
    assertThat(page.getByText("Listen to A and B to the end first")).isVisible();
    assertThat(page.locator("#verdict-prosody")).hasAttribute("disabled", "");

    page.keyboard().press("Space");
    assertThat(page.locator("#status-a")).hasText("Heard to the end ✓");
    page.keyboard().press("b");
    assertThat(page.locator("#status-b")).hasText("Heard to the end ✓");

    page.keyboard().press("2");
    page.keyboard().press("4");
    page.keyboard().press("Enter");
    assertThat(page.getByText("Vote saved")).isVisible();
    assertThat(page.locator("#rating-progress")).hasText("2 of 144");

    @SuppressWarnings("unchecked")
    List<Object[]> stored =
        em.createNativeQuery(
                "SELECT p.dimension, p.verdict, p.response_a_id = a.response_a_id"
                    + " AND p.response_b_id = a.response_b_id"
                    + " FROM preference p JOIN rating_assignment a ON a.rater = ?1 AND a.status = 'voted'"
                    + " WHERE p.source = ?2 AND CAST(p.campaign_id AS text) = ?3 ORDER BY p.dimension")
            .setParameter(1, annotator)
            .setParameter(2, "rater:" + annotator)
            .setParameter(3, campaign)
            .getResultList();
    assertThat(stored).hasSize(2);
    assertThat(stored.get(0)).containsExactly("prosody", "a_better", true);
    assertThat(stored.get(1)).containsExactly("quality", "b_better", true);
  }

  @Test
  void shouldKeepFullPlayersAndAReadableHeadingOnAPhoneAndALaptop() {
    String annotator = Accounts.newUser("phone", "annotator");
    String campaign = Campaigns.create(List.of(annotator), List.of("prosody"), 1);
    logInAs(annotator);

    for (int[] screen : new int[][] {{390, 844}, {1024, 768}}) {
      resize(screen[0], screen[1]);
      page.navigate("/rate/" + campaign);
      assertThat(page.locator("#rating-progress")).hasText("1 of 144");
      assertThat(page.locator("#keyboard-help")).containsText("Enter submit");
      assertThat(page.locator("#submit-vote")).isDisabled();

      assertThat(scrollsSideways()).as("page wider than %d px", screen[0]).isFalse();
      // Chromium drops the time display and the seek bar from players narrower than this.
      for (String player : List.of("#player-a", "#player-b")) {
        assertThat(page.locator(player).boundingBox().width)
            .as("width of %s at %d px", player, screen[0])
            .isGreaterThan(280);
      }
      // The campaign name is one heading line or a few wide ones, not a column of words.
      assertThat(page.locator("#rating-heading").boundingBox().width).isGreaterThan(240);
      screenshot("rating-" + screen[0] + "x" + screen[1]);
    }

    page.keyboard().press("Enter");
    assertThat(page.getByText("Listen to A and B to the end first")).isVisible();

    // A page the annotator may not open: a friendly page in the layout, with the way to Rate.
    page.navigate("/leaderboard");
    assertThat(page.locator("#access-denied")).containsText("This page is not available to you");
    assertThat(page.locator("#navigation vaadin-side-nav-item")).hasCount(1);
    page.locator("#access-denied-rate").click();
    assertThat(page.locator("#my-campaigns")).isVisible();
  }

  @Test
  void shouldShowAResearcherTheVotesOfTheirCampaign() {
    String annotator = Accounts.newUser("watched", "annotator");
    String campaign = Campaigns.create(List.of(annotator), List.of("overall"), 1);
    page.navigate("/campaigns/" + campaign);
    Locator summary = page.locator("#campaign-summary");
    assertThat(summary).containsText("0 of 144 votes");
    assertThat(page.locator("#campaign-pairs")).isVisible();
  }
}
