package dev.earshot.rating.ui;

import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.VaadinRequest;
import dev.earshot.dataset.service.DatasetService;
import dev.earshot.dataset.service.DatasetViews.DatasetSummary;
import dev.earshot.dataset.service.DatasetViews.SystemView;
import dev.earshot.platform.error.DomainException;
import dev.earshot.rating.service.CampaignService;
import dev.earshot.rating.service.CampaignSpec;
import dev.earshot.rating.service.CampaignSpec.GoldRule;
import dev.earshot.rating.service.CampaignViews.CampaignSummary;
import dev.earshot.security.Role;
import dev.earshot.security.service.AccountService;
import dev.earshot.security.service.AccountService.UserView;
import dev.earshot.ui.MainLayout;
import dev.earshot.ui.NavigationEntry;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/** Researchers start rating campaigns and see them all with their progress. */
@NavigationEntry(label = "Campaigns", order = 30, icon = VaadinIcon.GROUP)
@Route(value = "campaigns", layout = MainLayout.class)
@PageTitle("Campaigns · Earshot")
@RolesAllowed(Role.RESEARCHER_NAME)
public class CampaignsView extends VerticalLayout {

  private static final long serialVersionUID = 1L;

  private final transient CampaignService campaigns;
  private final transient DatasetService datasets;
  private final String researcher;
  private final Grid<CampaignSummary> grid = new Grid<>(CampaignSummary.class, false);

  public CampaignsView(
      CampaignService campaigns, DatasetService datasets, AccountService accounts) {
    this.campaigns = campaigns;
    this.datasets = datasets;
    this.researcher = VaadinRequest.getCurrent().getUserPrincipal().getName();
    configureGrid();
    add(new H2("Rating campaigns"), grid, new H3("New campaign"), form(accounts));
    refresh();
  }

  private void configureGrid() {
    grid.addComponentColumn(
            c ->
                new RouterLink(
                    c.name(),
                    CampaignDetailView.class,
                    new RouteParameters("id", c.id().toString())))
        .setHeader("Campaign")
        .setAutoWidth(true);
    grid.addColumn(CampaignSummary::dataset).setHeader("Dataset").setAutoWidth(true);
    grid.addColumn(c -> String.join(", ", c.dimensions())).setHeader("Dimensions");
    grid.addColumn(c -> c.votes() + " / " + c.votesWanted()).setHeader("Votes").setAutoWidth(true);
    grid.addColumn(CampaignSummary::status).setHeader("Status").setAutoWidth(true);
    grid.setAllRowsVisible(true);
    grid.setId("campaigns");
    grid.setEmptyStateText("No campaigns yet: start one with the form on this page.");
  }

  private FormLayout form(AccountService accounts) {
    TextField name = new TextField("Name");
    name.setId("campaign-name");
    ComboBox<String> dataset = new ComboBox<>("Dataset");
    dataset.setItems(datasets.list().stream().map(DatasetSummary::name).toList());
    dataset.setId("campaign-dataset");
    MultiSelectComboBox<String> systems = new MultiSelectComboBox<>("Systems to compare");
    systems.setId("campaign-systems");
    ComboBox<String> goldBetter = new ComboBox<>("Gold: better system");
    ComboBox<String> goldWorse = new ComboBox<>("Gold: worse system");
    dataset.addValueChangeListener(
        change -> {
          List<String> answering =
              change.getValue() == null
                  ? List.of()
                  : datasets.systems(change.getValue()).stream().map(SystemView::name).toList();
          systems.setItems(answering);
          systems.select(answering);
          goldBetter.setItems(answering);
          goldWorse.setItems(answering);
        });
    CheckboxGroup<String> dimensions = new CheckboxGroup<>("Dimensions");
    dimensions.setItems(CampaignService.DIMENSIONS);
    dimensions.setId("campaign-dimensions");
    MultiSelectComboBox<String> raters = new MultiSelectComboBox<>("Raters");
    raters.setItems(accounts.users().stream().map(UserView::username).toList());
    raters.setId("campaign-raters");
    IntegerField overlap = new IntegerField("Votes per pair");
    overlap.setMin(1);
    overlap.setId("campaign-overlap");
    NumberField goldRate = new NumberField("Gold rate (0-0.5)");
    ComboBox<String> goldDimension = new ComboBox<>("Gold: dimension");
    goldDimension.setItems(CampaignService.DIMENSIONS);
    TextArea instructions = new TextArea("Instructions (markdown)");
    instructions.setWidthFull();
    MultiSelectComboBox<String> reasonTags = reasonTagsField();
    NumberField loudnessTarget = new NumberField("Normalise loudness to (LUFS)");
    loudnessTarget.setId("campaign-loudness-target");
    loudnessTarget.setHelperText(
        "Empty: levels left as they are. E.g. -23: both sides of every item at that loudness,"
            + " never past a -1 dBTP peak.");
    Checkbox revealSystems = new Checkbox("Show raters which systems they heard after each vote");
    revealSystems.setId("campaign-reveal-systems");
    setDefaults(overlap, goldRate, reasonTags);
    Button create =
        new Button(
            "Start campaign",
            click -> {
              List<GoldRule> gold = new ArrayList<>();
              if (goldBetter.getValue() != null && goldWorse.getValue() != null) {
                gold.add(
                    new GoldRule(
                        goldBetter.getValue(), goldWorse.getValue(), goldDimension.getValue()));
              }
              CampaignSpec spec =
                  new CampaignSpec(
                      name.getValue(),
                      dataset.getValue(),
                      List.copyOf(systems.getSelectedItems()),
                      CampaignService.DIMENSIONS.stream()
                          .filter(dimensions.getSelectedItems()::contains)
                          .toList(),
                      instructions.getValue(),
                      List.copyOf(raters.getSelectedItems()),
                      overlap.getValue(),
                      goldRate.getValue(),
                      gold,
                      List.copyOf(reasonTags.getSelectedItems()),
                      loudnessTarget.getValue(),
                      revealSystems.getValue());
              try {
                CampaignSummary created = campaigns.create(spec, researcher);
                Notification.show("Started " + created.name() + ": " + created.pairs() + " pairs")
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                refresh();
                // A fresh form, so the same campaign is not started twice by accident.
                List.<HasValue<?, ?>>of(
                        name,
                        dataset,
                        systems,
                        dimensions,
                        raters,
                        overlap,
                        goldRate,
                        goldBetter,
                        goldWorse,
                        goldDimension,
                        instructions,
                        reasonTags,
                        loudnessTarget,
                        revealSystems)
                    .forEach(HasValue::clear);
                setDefaults(overlap, goldRate, reasonTags);
              } catch (DomainException e) {
                Notification.show(e.getMessage(), 8000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
              }
            });
    create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    create.setId("create-campaign");
    FormLayout form =
        new FormLayout(
            name,
            dataset,
            systems,
            dimensions,
            raters,
            overlap,
            goldRate,
            goldBetter,
            goldWorse,
            goldDimension,
            reasonTags,
            loudnessTarget,
            revealSystems,
            instructions,
            create);
    form.setColspan(reasonTags, 2);
    form.setColspan(instructions, 2);
    return form;
  }

  /**
   * The reason tags raters can tick: the defaults, less any removed, plus any typed in (Enter adds
   * one).
   */
  private static MultiSelectComboBox<String> reasonTagsField() {
    MultiSelectComboBox<String> tags = new MultiSelectComboBox<>("Reason tags raters can tick");
    tags.setId("campaign-reason-tags");
    tags.setWidthFull();
    tags.setAllowCustomValue(true);
    tags.setHelperText("Remove the ones you do not want; type a new one and press Enter.");
    List<String> offered = new ArrayList<>(CampaignService.DEFAULT_REASON_TAGS);
    tags.setItems(offered);
    tags.addCustomValueSetListener(
        typed -> {
          String tag = typed.getDetail().strip();
          if (!tag.isEmpty() && !offered.contains(tag)) {
            offered.add(tag);
            tags.getListDataView().refreshAll();
          }
          if (!tag.isEmpty()) {
            tags.select(tag);
          }
        });
    return tags;
  }

  private static void setDefaults(
      IntegerField overlap, NumberField goldRate, MultiSelectComboBox<String> reasonTags) {
    overlap.setValue(3);
    goldRate.setValue(0.0);
    reasonTags.setValue(new LinkedHashSet<>(CampaignService.DEFAULT_REASON_TAGS));
  }

  private void refresh() {
    grid.setItems(campaigns.list());
  }
}
