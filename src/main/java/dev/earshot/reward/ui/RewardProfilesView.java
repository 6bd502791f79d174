package dev.earshot.reward.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinRequest;
import dev.earshot.judge.service.JudgeRegistry.JudgeView;
import dev.earshot.platform.error.DomainException;
import dev.earshot.reward.JudgeWeights;
import dev.earshot.reward.service.RewardProfileService;
import dev.earshot.reward.service.RewardProfileViews.IssuedKey;
import dev.earshot.reward.service.RewardProfileViews.KeyView;
import dev.earshot.reward.service.RewardProfileViews.NewProfile;
import dev.earshot.reward.service.RewardProfileViews.NormalisationSpec;
import dev.earshot.reward.service.RewardProfileViews.ProfileView;
import dev.earshot.ui.MainLayout;
import dev.earshot.ui.NavigationEntry;
import jakarta.annotation.security.RolesAllowed;
import java.net.URL;
import java.security.Principal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reward profiles for RL trainers: create one from the runnable judges, create keys (the key and
 * the reward URL to paste into OpenRLHF are shown once) and revoke them.
 */
@NavigationEntry(label = "Rewards", order = 70, icon = VaadinIcon.COINS)
@Route(value = "rewards", layout = MainLayout.class)
@PageTitle("Rewards · Earshot")
@RolesAllowed({"admin", "researcher"})
public class RewardProfilesView extends VerticalLayout {

  private static final long serialVersionUID = 1L;

  private final transient RewardProfileService profiles;

  private final Grid<ProfileView> profileGrid = new Grid<>(ProfileView.class, false);
  private final H3 keysTitle = new H3();
  private final Grid<KeyView> keyGrid = new Grid<>(KeyView.class, false);
  private final TextField keyLabel = new TextField("Label of a new key");
  private final Button createKey = new Button("Create key", e -> createKey());
  private final TextField name = new TextField("Name");
  private final Map<String, Checkbox> judgeChosen = new LinkedHashMap<>();
  private final Map<String, NumberField> judgeWeight = new LinkedHashMap<>();
  private final Select<String> normalisation = new Select<>();
  private final NumberField clipMin = new NumberField("Clip min");
  private final NumberField clipMax = new NumberField("Clip max");
  private ProfileView selected;

  public RewardProfilesView(RewardProfileService profiles) {
    this.profiles = profiles;
    configureProfiles();
    configureKeys();
    add(
        new H2("Rewards"),
        new Paragraph(
            "A reward profile turns judge scores into rewards for PPO/GRPO training: OpenRLHF"
                + " posts to /api/reward/<key> (--remote_rm_url). Select a profile to manage its"
                + " keys."),
        profileGrid,
        keysTitle,
        keyGrid,
        keyForm(),
        new H3("New profile"),
        profileForm());
    refresh();
  }

  private void configureProfiles() {
    profileGrid.addColumn(ProfileView::name).setHeader("Name").setAutoWidth(true).setFlexGrow(0);
    profileGrid
        .addColumn(p -> p.judges().stream().map(this::describe).collect(Collectors.joining("; ")))
        .setHeader("Judges and weights")
        .setFlexGrow(1);
    profileGrid
        .addColumn(p -> describe(p.normalisation()))
        .setHeader("Normalisation")
        .setAutoWidth(true)
        .setFlexGrow(0);
    profileGrid
        .addColumn(ProfileView::revision)
        .setHeader("Revision")
        .setAutoWidth(true)
        .setFlexGrow(0);
    profileGrid
        .addColumn(p -> p.keys().stream().filter(KeyView::active).count())
        .setHeader("Active keys")
        .setAutoWidth(true)
        .setFlexGrow(0);
    profileGrid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
    profileGrid.setAllRowsVisible(true);
    profileGrid.setId("reward-profiles");
    profileGrid.setEmptyStateText("No reward profiles yet: create one on this page.");
    profileGrid.asSingleSelect().addValueChangeListener(e -> select(e.getValue()));
  }

  private void configureKeys() {
    keyGrid.addColumn(KeyView::id).setHeader("Id").setAutoWidth(true).setFlexGrow(0);
    keyGrid.addColumn(KeyView::label).setHeader("Label").setFlexGrow(1);
    keyGrid.addColumn(KeyView::createdAt).setHeader("Created").setAutoWidth(true);
    keyGrid
        .addColumn(k -> k.active() ? "active" : "revoked " + k.revokedAt())
        .setHeader("State")
        .setAutoWidth(true);
    keyGrid
        .addComponentColumn(
            k -> {
              Button revoke = new Button("Revoke", e -> revoke(k));
              revoke.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
              revoke.setEnabled(k.active());
              return revoke;
            })
        .setAutoWidth(true)
        .setFlexGrow(0);
    keyGrid.setAllRowsVisible(true);
    keyGrid.setId("reward-keys");
  }

  private HorizontalLayout keyForm() {
    keyLabel.setPlaceholder("e.g. grpo run 7");
    keyLabel.setId("reward-key-label");
    createKey.setId("reward-key-create");
    HorizontalLayout form = new HorizontalLayout(keyLabel, createKey);
    form.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
    return form;
  }

  private VerticalLayout profileForm() {
    name.setId("reward-profile-name");
    VerticalLayout judgeRows = new VerticalLayout();
    judgeRows.setPadding(false);
    for (JudgeView judge : profiles.scoringJudges()) {
      Checkbox chosen =
          new Checkbox(judge.id() + " (" + String.join(", ", judge.dimensions()) + ")");
      NumberField weight = new NumberField();
      weight.setValue(1.0);
      weight.setMin(0);
      weight.setStep(0.1);
      weight.setWidth("7em");
      weight.setAriaLabel("Weight of " + judge.id());
      judgeChosen.put(judge.id(), chosen);
      judgeWeight.put(judge.id(), weight);
      HorizontalLayout row = new HorizontalLayout(chosen, weight);
      row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
      judgeRows.add(row);
    }
    normalisation.setLabel("Normalisation");
    normalisation.setItems("none", "batch-z-score", "clip");
    normalisation.setValue("none");
    normalisation.addValueChangeListener(e -> showClipBounds());
    showClipBounds();
    Button create = new Button("Create profile", e -> createProfile());
    create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    create.setId("reward-profile-create");
    VerticalLayout form =
        new VerticalLayout(
            name,
            new Paragraph("Judges (a weight applies to each of the judge's dimensions):"),
            judgeRows,
            new HorizontalLayout(normalisation, clipMin, clipMax),
            create);
    form.setPadding(false);
    return form;
  }

  private void showClipBounds() {
    boolean clip = "clip".equals(normalisation.getValue());
    clipMin.setVisible(clip);
    clipMax.setVisible(clip);
  }

  private void createProfile() {
    List<JudgeWeights> chosen = new ArrayList<>();
    for (JudgeView judge : profiles.scoringJudges()) {
      if (judgeChosen.get(judge.id()).getValue()) {
        Double weight = judgeWeight.get(judge.id()).getValue();
        Map<String, Double> weights = new LinkedHashMap<>();
        judge.dimensions().forEach(dimension -> weights.put(dimension, weight));
        chosen.add(new JudgeWeights(judge.id(), null, weights));
      }
    }
    boolean clip = "clip".equals(normalisation.getValue());
    NewProfile request =
        new NewProfile(
            name.getValue().strip(),
            chosen,
            new NormalisationSpec(
                normalisation.getValue(),
                clip ? clipMin.getValue() : null,
                clip ? clipMax.getValue() : null),
            null);
    try {
      ProfileView created = profiles.create(request, currentUser());
      Notification.show("Created reward profile '" + created.name() + "'")
          .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
      name.clear();
      refresh();
      selectByName(created.name());
    } catch (DomainException e) {
      error(e);
    }
  }

  private void createKey() {
    if (selected == null) {
      return;
    }
    try {
      IssuedKey issued = profiles.issueKey(selected.name(), keyLabel.getValue());
      keyLabel.clear();
      // The full URL as the researcher's browser reaches this service.
      getUI()
          .orElseThrow()
          .getPage()
          .fetchCurrentURL(page -> showIssued(issued, rewardUrl(page, issued)));
      reselect();
    } catch (DomainException e) {
      error(e);
    }
  }

  private static String rewardUrl(URL page, IssuedKey issued) {
    String port = page.getPort() < 0 ? "" : ":" + page.getPort();
    return page.getProtocol() + "://" + page.getHost() + port + issued.rewardPath();
  }

  /** The key and URL, once: only the key's hash is stored. */
  private void showIssued(IssuedKey issued, String url) {
    Dialog dialog = new Dialog();
    dialog.setHeaderTitle("Key for '" + issued.profile() + "'");
    TextField key = new TextField("Key");
    key.setValue(issued.secret());
    key.setReadOnly(true);
    key.setWidthFull();
    key.setId("reward-issued-key");
    TextField rewardUrl = new TextField("Reward URL (OpenRLHF --remote_rm_url)");
    rewardUrl.setValue(url);
    rewardUrl.setReadOnly(true);
    rewardUrl.setWidthFull();
    rewardUrl.setId("reward-issued-url");
    VerticalLayout content =
        new VerticalLayout(
            new Paragraph(
                "Copy it now: it is shown only once. Anyone with this URL can ask for rewards;"
                    + " revoke the key when the training run is over."),
            key,
            rewardUrl);
    content.setPadding(false);
    content.setWidth("40em");
    dialog.add(content);
    dialog.getFooter().add(new Button("Done", e -> dialog.close()));
    dialog.open();
  }

  private void revoke(KeyView key) {
    try {
      profiles.revokeKey(selected.name(), key.id());
      Notification.show("Key " + key.id() + " revoked");
      reselect();
    } catch (DomainException e) {
      error(e);
    }
  }

  private void select(ProfileView profile) {
    selected = profile;
    boolean any = profile != null;
    keysTitle.setText(any ? "Keys of '" + profile.name() + "'" : "");
    keysTitle.setVisible(any);
    keyGrid.setVisible(any);
    keyLabel.setVisible(any);
    createKey.setVisible(any);
    keyGrid.setItems(any ? profile.keys() : List.of());
  }

  private void reselect() {
    String name = selected.name();
    refresh();
    selectByName(name);
  }

  private void selectByName(String profile) {
    profileGrid
        .getListDataView()
        .getItems()
        .filter(p -> p.name().equals(profile))
        .findFirst()
        .ifPresent(profileGrid::select);
  }

  private void refresh() {
    profileGrid.setItems(profiles.list());
    select(null);
  }

  private String describe(JudgeWeights judge) {
    return judge.judge()
        + (judge.version() == null ? "" : "@" + judge.version())
        + " "
        + judge.weights();
  }

  private static String describe(NormalisationSpec spec) {
    return "clip".equals(spec.kind())
        ? "clip [" + spec.min() + ", " + spec.max() + "]"
        : spec.kind();
  }

  private static String currentUser() {
    VaadinRequest request = VaadinRequest.getCurrent();
    Principal user = request == null ? null : request.getUserPrincipal();
    return user == null ? null : user.getName();
  }

  private static void error(DomainException e) {
    Notification.show(e.getMessage(), 8000, Notification.Position.MIDDLE)
        .addThemeVariants(NotificationVariant.LUMO_ERROR);
  }
}
