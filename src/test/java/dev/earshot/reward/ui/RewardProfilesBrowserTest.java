package dev.earshot.reward.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import dev.earshot.testing.BrowserTest;
import dev.earshot.testing.TestAudio;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

/** A researcher making a reward profile and a key for a training run, then revoking the key. */
@QuarkusTest
class RewardProfilesBrowserTest extends BrowserTest {

  @Test
  void shouldCreateAProfileAndAKeyWhoseUrlRewardsUntilRevoked() {
    page.navigate("/rewards");
    assertThat(page.locator("#reward-profiles")).containsText("demo");

    page.locator("#reward-profile-name input").fill("from-the-ui");
    page.getByLabel("audio-quality (quality)").check();
    page.locator("#reward-profile-create").click();
    assertThat(page.locator("#reward-profiles")).containsText("from-the-ui");

    page.locator("#reward-key-label input").fill("ui run");
    page.locator("#reward-key-create").click();
    Locator url = page.locator("#reward-issued-url input");
    assertThat(url).hasValue(Pattern.compile("^http://.+/api/reward/[A-Za-z0-9_-]{43}$"));
    String rewardUrl = url.inputValue();
    Assertions.assertThat(rewardUrl)
        .endsWith(page.locator("#reward-issued-key input").inputValue());
    String body =
        "{\"query\": [{\"audio\": \""
            + Base64.getEncoder().encodeToString(TestAudio.toneWav(290, 1, 16_000))
            + "\"}]}";
    Assertions.assertThat(post(rewardUrl, body)).isEqualTo(200);
    page.getByText("Done").click();

    assertThat(page.locator("#reward-keys")).containsText("ui run");
    page.locator("#reward-keys").getByText("Revoke").click();
    assertThat(page.locator("#reward-keys")).containsText("revoked");
    Assertions.assertThat(post(rewardUrl, body)).isEqualTo(404);
  }

  /** Status of a POST made by the page itself, as a trainer would make it. */
  private int post(String url, String body) {
    return ((Number)
            page.evaluate(
                "async ([url, body]) => (await fetch(url, {method: 'POST', body,"
                    + " headers: {'Content-Type': 'application/json'}})).status",
                List.of(url, body)))
        .intValue();
  }
}
