package dev.earshot.platform.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.earshot.testing.BrowserTest;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a script on an Earshot page gets for an API path that does not exist. */
@QuarkusTest
class ApiFallbackBrowserTest extends BrowserTest {

  @Test
  void shouldAnswerUnknownApiPathFetchedFromThePageWithProblemJson() {
    page.navigate("/datasets");

    @SuppressWarnings("unchecked")
    Map<String, Object> answer =
        (Map<String, Object>)
            page.evaluate(
                """
                async () => {
                  const response = await fetch('/api/no-such-thing', {headers: {Accept: 'application/json'}});
                  return {status: response.status,
                          type: response.headers.get('content-type'),
                          body: await response.json()};
                }
                """);

    assertThat(answer.get("status")).isEqualTo(404);
    assertThat((String) answer.get("type")).startsWith("application/problem+json");
    @SuppressWarnings("unchecked")
    Map<String, Object> problem = (Map<String, Object>) answer.get("body");
    assertThat(problem.get("status")).isEqualTo(404);
    assertThat((String) problem.get("detail")).contains("/api/no-such-thing");
  }
}
