package dev.earshot.dataset.ui;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.earshot.dataset.manifest.PromptExpectations;
import dev.earshot.dataset.service.DatasetService;
import dev.earshot.dataset.service.DatasetViews.DatasetSummary;
import dev.earshot.dataset.service.DatasetViews.PromptView;
import dev.earshot.dataset.service.DatasetViews.ResponseView;
import dev.earshot.dataset.service.DatasetViews.SystemView;
import dev.earshot.platform.error.DomainException;
import dev.earshot.security.Role;
import dev.earshot.ui.MainLayout;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** A dataset's prompts with their expectations and every system's responses, all playable. */
@Route(value = "datasets/:name", layout = MainLayout.class)
@RolesAllowed(Role.RESEARCHER_NAME)
@PageTitle("Dataset · Earshot")
public class DatasetDetailView extends VerticalLayout implements BeforeEnterObserver {

  private static final long serialVersionUID = 1L;
  private static final String PLAYER =
      "${item.audioUrl ? html`<audio controls preload=\"none\" src=\"${item.audioUrl}\"></audio>` : ''}";

  private final transient DatasetService datasets;
  private final H2 title = new H2();
  private final Paragraph description = new Paragraph();
  private final Grid<PromptView> prompts = new Grid<>(PromptView.class, false);
  private final Grid<ResponseView> responses = new Grid<>(ResponseView.class, false);
  private final ComboBox<String> systemFilter = new ComboBox<>("System");
  private String datasetName;

  public DatasetDetailView(DatasetService datasets) {
    this.datasets = datasets;
    setSizeFull();
    configurePrompts();
    configureResponses();
    TabSheet tabs = new TabSheet();
    tabs.add("Prompts", prompts);
    VerticalLayout responseTab = new VerticalLayout(systemFilter, responses);
    responseTab.setPadding(false);
    responseTab.setSizeFull();
    tabs.add("Responses", responseTab);
    tabs.setSizeFull();
    add(title, description, tabs);
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    datasetName = event.getRouteParameters().get("name").orElse("");
    DatasetSummary summary;
    try {
      summary = datasets.get(datasetName);
    } catch (DomainException e) {
      event.rerouteToError(IllegalArgumentException.class, e.getMessage());
      return;
    }
    title.setText(summary.name());
    description.setText(summary.description() == null ? "" : summary.description());
    prompts.setItems(
        query ->
            datasets.prompts(datasetName, query.getPage(), query.getPageSize()).items().stream(),
        query -> (int) datasets.prompts(datasetName, 0, 1).total());
    List<String> systems = datasets.systems(datasetName).stream().map(SystemView::name).toList();
    systemFilter.setItems(systems);
    systemFilter.clear();
    showResponses();
  }

  private void configurePrompts() {
    prompts.addColumn(PromptView::id).setHeader("Id").setAutoWidth(true).setFlexGrow(0);
    prompts.addColumn(PromptView::text).setHeader("Prompt").setFlexGrow(2);
    prompts
        .addColumn(
            LitRenderer.<PromptView>of(PLAYER).withProperty("audioUrl", PromptView::audioUrl))
        .setHeader("Audio")
        .setAutoWidth(true)
        .setFlexGrow(0);
    prompts.addColumn(PromptView::reference).setHeader("Reference answer").setFlexGrow(2);
    prompts.addColumn(p -> describe(p.expectations())).setHeader("Expectations").setFlexGrow(2);
    prompts.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_ROW_STRIPES);
    prompts.setId("prompts");
    prompts.setSizeFull();
  }

  private void configureResponses() {
    systemFilter.setPlaceholder("All systems");
    systemFilter.setClearButtonVisible(true);
    systemFilter.addValueChangeListener(e -> showResponses());
    responses.addColumn(ResponseView::prompt).setHeader("Prompt").setAutoWidth(true).setFlexGrow(0);
    responses.addColumn(ResponseView::system).setHeader("System").setAutoWidth(true).setFlexGrow(0);
    responses
        .addColumn(
            LitRenderer.<ResponseView>of(PLAYER).withProperty("audioUrl", ResponseView::audioUrl))
        .setHeader("Audio")
        .setAutoWidth(true)
        .setFlexGrow(0);
    responses.addColumn(ResponseView::text).setHeader("Text channel").setFlexGrow(3);
    responses
        .addColumn(
            r ->
                r.durationSeconds() == null
                    ? ""
                    : String.format(Locale.ROOT, "%.2f s", r.durationSeconds()))
        .setHeader("Duration")
        .setAutoWidth(true)
        .setFlexGrow(0);
    responses
        .addColumn(r -> r.latencyMs() == null ? "" : r.latencyMs() + " ms")
        .setHeader("Latency")
        .setAutoWidth(true)
        .setFlexGrow(0);
    responses.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_ROW_STRIPES);
    responses.setId("responses");
    responses.setSizeFull();
  }

  private void showResponses() {
    if (datasetName == null) {
      return;
    }
    String system = systemFilter.getValue();
    responses.setItems(
        query ->
            datasets
                .responses(datasetName, system, query.getPage(), query.getPageSize())
                .items()
                .stream(),
        query -> (int) datasets.responses(datasetName, system, 0, 1).total());
  }

  /** One line a person can read: "prosody · question · excited · sounds: siren (ambulance)". */
  static String describe(PromptExpectations e) {
    if (e == null) {
      return "";
    }
    List<String> parts = new ArrayList<>();
    if (e.dimensions() != null) {
      parts.add(String.join(", ", e.dimensions()));
    }
    add(parts, "intonation", e.intonation());
    add(parts, "delivery", e.delivery());
    add(parts, "emotion", e.emotion());
    add(parts, "arousal", e.arousal());
    add(parts, "valence", e.valence());
    if (e.speakingRate() != null) {
      parts.add(
          "rate "
              + (e.speakingRate().min() == null ? "" : e.speakingRate().min())
              + "–"
              + (e.speakingRate().max() == null ? "" : e.speakingRate().max())
              + " syl/s");
    }
    if (e.answer() != null && !e.answer().isEmpty()) {
      parts.add("answer: " + String.join(" | ", e.answer()));
    }
    if (e.keywords() != null && !e.keywords().isEmpty()) {
      parts.add("keywords: " + String.join(", ", e.keywords()));
    }
    if (e.events() != null && !e.events().isEmpty()) {
      parts.add(
          "sounds: "
              + e.events().stream()
                  .map(
                      ev ->
                          ev.synonyms().isEmpty()
                              ? ev.label()
                              : ev.label() + " (" + String.join(", ", ev.synonyms()) + ")")
                  .collect(Collectors.joining("; ")));
    }
    if (e.rubric() != null) {
      parts.add(e.rubric());
    }
    return String.join(" · ", parts);
  }

  private static void add(List<String> parts, String name, String value) {
    if (value != null) {
      parts.add(name + ": " + value);
    }
  }
}
