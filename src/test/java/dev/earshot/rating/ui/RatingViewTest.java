package dev.earshot.rating.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.router.RouteParameters;
import dev.earshot.rating.rest.Campaigns;
import dev.earshot.security.Role;
import dev.earshot.testing.Accounts;
import dev.earshot.testing.KaribuTest;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The rating page on the server side: locked until both responses were heard, then keys vote. */
@QuarkusTest
class RatingViewTest extends KaribuTest {

  @Inject EntityManager em;

  @Test
  void shouldUnlockVerdictsOnlyAfterBothResponsesPlayedAndVoteWithKeys() {
    String annotator = Accounts.newUser("view-rater", "annotator");
    String campaign = Campaigns.create(List.of(annotator), List.of("prosody", "emotion"), 1);
    loginAs(annotator, Role.ANNOTATOR);
    UI.getCurrent().navigate(RatingView.class, new RouteParameters("campaign", campaign));
    RatingView view = (RatingView) UI.getCurrent().getCurrentView();
    RadioButtonGroup<String> prosody = byId(RadioButtonGroup.class, "verdict-prosody");
    Button submit = _get(Button.class, spec -> spec.withId("submit-vote"));
    assertThat(_get(Span.class, s -> s.withId("rating-progress")).getText()).isEqualTo("1 of 144");
    assertThat(prosody.isEnabled()).isFalse();
    assertThat(submit.isEnabled()).isFalse();
    assertThat(keyboardHelp())
        .contains("Space play / pause", "A / B switch", "1–5 verdict", "6 both bad")
        .contains("Enter submit", "S skip");

    // Enter before listening names what is missing, not a verdict.
    view.submitKey();
    assertThat(notifications()).containsExactly("Listen to A and B to the end first");

    view.verdictKey(2);
    assertThat(notifications()).contains("Listen to A and B to the end first");
    view.played("a");
    assertThat(notifications()).anyMatch(n -> n.contains("listen to it to the end"));

    String assignment =
        (String)
            em.createNativeQuery("SELECT CAST(id AS text) FROM rating_assignment WHERE rater = ?1")
                .setParameter(1, annotator)
                .getSingleResult();
    Campaigns.letTimePass(em, assignment, 60);
    // What the page's players fetch in a browser: the server needs both sent before a vote.
    String token = Accounts.tokenOf(annotator);
    Campaigns.download(token, assignment, "a");
    Campaigns.download(token, assignment, "b");
    view.played("a");
    assertThat(prosody.isEnabled()).isFalse();
    view.played("b");
    assertThat(prosody.isEnabled()).isTrue();
    assertThat(submit.isEnabled()).isTrue();
    assertThat(_get(Span.class, s -> s.withId("status-b")).getText()).contains("Heard to the end");

    view.verdictKey(1);
    view.verdictKey(6);
    assertThat(prosody.getValue()).isEqualTo("a_much_better");
    assertThat(byId(RadioButtonGroup.class, "verdict-emotion").getValue()).isEqualTo("both_bad");
    view.submitKey();

    assertThat(notifications()).contains("Vote saved");
    assertThat(_get(Span.class, s -> s.withId("rating-progress")).getText()).isEqualTo("2 of 144");
    assertThat(
            ((Number)
                    em.createNativeQuery("SELECT count(*) FROM preference WHERE source = ?1")
                        .setParameter(1, "rater:" + annotator)
                        .getSingleResult())
                .intValue())
        .isEqualTo(2);
  }

  @Test
  void shouldGoBackToThePreviousItemChangeTheVoteAndNameTheSystemsHeard() {
    String annotator = Accounts.newUser("view-changer", "annotator");
    String token = Accounts.tokenOf(annotator);
    String campaign =
        Campaigns.create(
            java.util.Map.of(
                "name",
                "revealing",
                "dataset",
                "demo",
                "systems",
                List.of("monotone", "reference"),
                "dimensions",
                List.of("prosody"),
                "raters",
                List.of(annotator),
                "overlap",
                1,
                "revealSystemsAfterVote",
                true));
    String voted = Campaigns.voteFor(em, token, campaign, "prosody", "monotone");
    String heardAsA = systemHeard(voted, "a");
    String heardAsB = systemHeard(voted, "b");
    String monotoneSide = heardAsA.equals("monotone") ? "a" : "b";
    loginAs(annotator, Role.ANNOTATOR);
    UI.getCurrent().navigate(RatingView.class, new RouteParameters("campaign", campaign));
    RatingView view = (RatingView) UI.getCurrent().getCurrentView();

    _get(Button.class, spec -> spec.withId("previous-item")).click();

    assertThat(_get(Paragraph.class, spec -> spec.withId("revising-note")).getText())
        .contains("Changing your vote on item 1", "A: " + heardAsA, "B: " + heardAsB);
    RadioButtonGroup<String> prosody = byId(RadioButtonGroup.class, "verdict-prosody");
    assertThat(prosody.getValue()).isEqualTo(monotoneSide + "_better");
    assertThat(prosody.isEnabled()).isTrue();
    view.verdictKey(3);
    view.submitKey();

    assertThat(notifications()).contains("Vote changed");
    assertThat(_get(Paragraph.class, spec -> spec.withId("revealed-systems")).getText())
        .isEqualTo(
            "You just heard A: "
                + heardAsA
                + ", B: "
                + heardAsB
                + ". The next item is blind again.");
    assertThat(_get(Span.class, s -> s.withId("rating-progress")).getText()).startsWith("2 of");
    List<?> prosodyVerdicts =
        em.createNativeQuery(
                "SELECT CAST(verdicts ->> 'prosody' AS text) FROM rating_vote"
                    + " WHERE assignment_id = CAST(?1 AS uuid) ORDER BY created_at")
            .setParameter(1, voted)
            .getResultList();
    assertThat(prosodyVerdicts.stream().map(String.class::cast).toList())
        .containsExactly(monotoneSide + "_better", "tie");
  }

  private String systemHeard(String assignment, String side) {
    return (String)
        em.createNativeQuery(
                "SELECT s.name FROM rating_assignment a JOIN response r ON r.id = a.response_"
                    + side
                    + "_id JOIN system_under_test s ON s.id = r.system_id"
                    + " WHERE a.id = CAST(?1 AS uuid)")
            .setParameter(1, assignment)
            .getSingleResult();
  }

  private static String keyboardHelp() {
    return _get(Div.class, spec -> spec.withId("keyboard-help"))
        .getChildren()
        .map(child -> child.getElement().getTextRecursively())
        .collect(Collectors.joining(" | "));
  }
}
