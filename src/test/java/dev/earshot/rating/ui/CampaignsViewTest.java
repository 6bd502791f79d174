package dev.earshot.rating.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.ComboBoxBase.CustomValueSetEvent;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.RouteParameters;
import dev.earshot.rating.rest.Campaigns;
import dev.earshot.rating.service.CampaignService;
import dev.earshot.rating.service.CampaignViews.CampaignSummary;
import dev.earshot.rating.service.RatingService;
import dev.earshot.security.Role;
import dev.earshot.testing.Accounts;
import dev.earshot.testing.KaribuTest;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A researcher starts a campaign from the form and watches its votes arrive. */
@QuarkusTest
class CampaignsViewTest extends KaribuTest {

  @Inject CampaignService campaigns;
  @Inject EntityManager em;
  @Inject RatingService rating;

  @Test
  void shouldStartACampaignFromTheFormAndShowItsVotes() {
    String researcher = Accounts.newUser("campaign-owner", "researcher");
    String annotator = Accounts.newUser("campaign-rater", "annotator");
    loginAs(researcher, Role.RESEARCHER);
    open(CampaignsView.class);

    String name = "From the form " + System.nanoTime();
    _get(TextField.class, spec -> spec.withId("campaign-name")).setValue(name);
    ComboBox<String> dataset = byId(ComboBox.class, "campaign-dataset");
    dataset.setValue("demo");
    MultiSelectComboBox<String> systems = byId(MultiSelectComboBox.class, "campaign-systems");
    assertThat(systems.getSelectedItems())
        .containsExactlyInAnyOrderElementsOf(Campaigns.DEMO_SYSTEMS);
    systems.setValue(Set.of("reference", "monotone"));
    CheckboxGroup<String> dimensions = byId(CheckboxGroup.class, "campaign-dimensions");
    dimensions.setValue(Set.of("prosody"));
    MultiSelectComboBox<String> raters = byId(MultiSelectComboBox.class, "campaign-raters");
    raters.setValue(Set.of(annotator));
    _get(IntegerField.class, spec -> spec.withId("campaign-overlap")).setValue(1);
    MultiSelectComboBox<String> reasonTags =
        byId(MultiSelectComboBox.class, "campaign-reason-tags");
    assertThat(reasonTags.getSelectedItems())
        .containsExactlyInAnyOrderElementsOf(CampaignService.DEFAULT_REASON_TAGS);
    reasonTags.setValue(Set.of("wrong content"));
    ComponentUtil.fireEvent(reasonTags, new CustomValueSetEvent<>(reasonTags, true, "too robotic"));
    _get(NumberField.class, spec -> spec.withId("campaign-loudness-target")).setValue(-23.04);
    _get(Checkbox.class, spec -> spec.withId("campaign-reveal-systems")).setValue(true);
    _click(_get(Button.class, spec -> spec.withId("create-campaign")));

    assertThat(notifications()).contains("Started " + name + ": 24 pairs");
    CampaignSummary created =
        campaigns.list().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    assertThat(created.createdBy()).isEqualTo(researcher);
    assertThat(created.overlap()).isEqualTo(1);
    assertThat(created.loudnessTargetLufs()).isEqualTo(-23.0);
    assertThat(created.revealSystemsAfterVote()).isTrue();
    assertThat(rating.next(created.id(), annotator).orElseThrow().reasonTags())
        .containsExactlyInAnyOrder("wrong content", "too robotic");
    // The form is fresh again: nothing of the started campaign is left to start twice.
    assertThat(_get(TextField.class, spec -> spec.withId("campaign-name")).getValue()).isEmpty();
    assertThat(dataset.getValue()).isNull();
    assertThat(raters.getSelectedItems()).isEmpty();
    assertThat(_get(NumberField.class, spec -> spec.withId("campaign-loudness-target")).getValue())
        .isNull();
    assertThat(_get(Checkbox.class, spec -> spec.withId("campaign-reveal-systems")).getValue())
        .isFalse();
    assertThat(dimensions.getSelectedItems()).isEmpty();
    assertThat(reasonTags.getSelectedItems())
        .containsExactlyInAnyOrderElementsOf(CampaignService.DEFAULT_REASON_TAGS);

    String token = Accounts.tokenOf(annotator);
    String assignment = Campaigns.listenToNext(em, token, created.id().toString());
    Campaigns.vote(token, UUID.randomUUID(), assignment, Map.of("prosody", "tie"))
        .then()
        .statusCode(201);
    UI.getCurrent()
        .navigate(CampaignDetailView.class, new RouteParameters("id", created.id().toString()));
    assertThat(_get(Paragraph.class, spec -> spec.withId("campaign-summary")).getText())
        .startsWith("1 of 24 votes");
  }
}
