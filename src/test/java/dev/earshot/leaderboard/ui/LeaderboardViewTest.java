package dev.earshot.leaderboard.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import dev.earshot.leaderboard.service.LeaderboardService.RowView;
import dev.earshot.security.Role;
import dev.earshot.stats.StyleControlledFit.StyleControlledRating;
import dev.earshot.testing.KaribuTest;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A small leaderboard on the page: rows with few battles are marked and can be hidden, style
 * control says why it has no ratings, and no panel keeps the previous selection's numbers.
 */
@QuarkusTest
class LeaderboardViewTest extends KaribuTest {

  private static final String SMALL_JUDGE = "llm-pairwise";

  @Inject EntityManager entityManager;

  @Test
  void shouldMarkHideAndExplainASmallLeaderboardWithoutStaleStyleNumbers() {
    QuarkusTransaction.requiringNew().run(this::storeSmallJudgeVerdicts);
    loginAs("leaderboard-viewer", Role.RESEARCHER);
    open(LeaderboardView.class);
    Select<String> source = byId(Select.class, "leaderboard-source");
    Select<String> dimension = byId(Select.class, "leaderboard-dimension");

    // The demo's simulated raters: many battles per system, a fitted style-controlled table.
    source.setValue("simulated");
    dimension.setValue("overall");
    Grid<RowView> table = byId(Grid.class, "leaderboard-table");
    Grid<StyleControlledRating> style = byId(Grid.class, "leaderboard-style");
    Span message = byId(Span.class, "leaderboard-message");
    Span styleNote = byId(Span.class, "leaderboard-style-note");
    assertThat(GridKt._size(table)).isPositive();
    assertThat(GridKt._size(style)).isPositive();
    assertThat(message.getText()).isEmpty();

    // Six battles between two systems on one prompt: too few to rank, style not identifiable.
    source.setValue("judge:" + SMALL_JUDGE);
    dimension.setValue("nonspeech");
    assertThat(GridKt._size(table)).isEqualTo(2);
    assertThat(GridKt._getFormattedRow(table, 0).get(1)).endsWith(" (few battles)");
    assertThat(message.getText())
        .isEqualTo(
            "2 of 2 systems have fewer than 30 battles: their ratings and intervals rest on too"
                + " little to rank them (marked (few battles)).");
    assertThat(GridKt._size(style)).as("no stale style-controlled rows").isZero();
    assertThat(style.isVisible()).isFalse();
    assertThat(styleNote.getText()).startsWith("No style-controlled ratings: Not identifiable");

    byId(Checkbox.class, "leaderboard-hide-few-battles").setValue(true);
    assertThat(GridKt._size(table)).isZero();
    assertThat(message.getText()).endsWith("(hidden).");
  }

  /** Six verdicts of the judge's versions on nonspeech, reference against monotone, one prompt. */
  private void storeSmallJudgeVerdicts() {
    @SuppressWarnings("unchecked")
    List<Object[]> pairs =
        entityManager
            .createNativeQuery(
                "SELECT p.id, ra.id, rb.id FROM prompt p JOIN dataset d ON d.id = p.dataset_id"
                    + " JOIN response ra ON ra.prompt_id = p.id JOIN system_under_test sa ON sa.id = ra.system_id"
                    + " JOIN response rb ON rb.prompt_id = p.id JOIN system_under_test sb ON sb.id = rb.system_id"
                    + " WHERE d.name = 'demo' AND sa.name = 'reference' AND sb.name = 'monotone' ORDER BY p.position")
            .getResultList();
    Object[] pair = pairs.get(0);
    for (int i = 0; i < 6; i++) {
      entityManager
          .createNativeQuery(
              "INSERT INTO preference (id, prompt_id, response_a_id, response_b_id, dimension, verdict,"
                  + " source_kind, source) VALUES (?1, ?2, ?3, ?4, 'nonspeech', ?5, 'judge', ?6)")
          .setParameter(1, UUID.randomUUID())
          .setParameter(2, ((Number) pair[0]).longValue())
          .setParameter(3, ((Number) pair[1]).longValue())
          .setParameter(4, ((Number) pair[2]).longValue())
          .setParameter(5, i % 2 == 0 ? "a_better" : "b_better")
          // A judge version's verdict on a pair counts once: the six are six versions.
          .setParameter(6, SMALL_JUDGE + "@small-test-" + i)
          .executeUpdate();
    }
  }
}
