package dev.earshot.evaluation.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import dev.earshot.dataset.service.DatasetService;
import dev.earshot.dataset.service.DatasetViews.DatasetSummary;
import dev.earshot.dataset.service.DatasetViews.SystemView;
import dev.earshot.evaluation.service.EvaluationService;
import dev.earshot.evaluation.service.RunViews.NewRun;
import dev.earshot.evaluation.service.RunViews.RunView;
import dev.earshot.evaluation.service.RunViews.ScoreView;
import dev.earshot.evaluation.service.RunViews.SummaryView;
import dev.earshot.judge.service.JudgeRegistry;
import dev.earshot.judge.service.JudgeRegistry.JudgeView;
import dev.earshot.platform.error.DomainException;
import dev.earshot.security.Role;
import dev.earshot.ui.MainLayout;
import dev.earshot.ui.NavigationEntry;
import dev.earshot.ui.Polling;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Start an evaluation run (dataset, systems, judges), watch its progress, read its results. Runs
 * are processed by the background workers; this page only polls their progress.
 */
@NavigationEntry(label = "Evaluate", order = 20, icon = VaadinIcon.CHART_LINE)
@Route(value = "evaluate", layout = MainLayout.class)
@RolesAllowed(Role.RESEARCHER_NAME)
@PageTitle("Evaluate · Earshot")
public class EvaluateView extends VerticalLayout {

  private static final long serialVersionUID = 1L;
  private static final int POLL_MILLIS = 1000;

  private final transient EvaluationService evaluation;
  private final transient DatasetService datasets;
  private final transient JudgeRegistry judges;

  private final ComboBox<String> dataset = new ComboBox<>("Dataset");
  private final MultiSelectComboBox<String> systems = new MultiSelectComboBox<>("Systems");
  private final CheckboxGroup<JudgeView> judgeChoice = new CheckboxGroup<>("Judges");
  private final Grid<RunView> runs = new Grid<>(RunView.class, false);
  private final ProgressBar progress = new ProgressBar();
  private final Span progressText = new Span();
  private final Grid<SummaryView> summary = new Grid<>(SummaryView.class, false);
  private final Grid<ScoreView> scores = new Grid<>(ScoreView.class, false);
  private Long selectedRun;

  public EvaluateView(EvaluationService evaluation, DatasetService datasets, JudgeRegistry judges) {
    this.evaluation = evaluation;
    this.datasets = datasets;
    this.judges = judges;
    configureForm();
    configureRuns();
    configureResults();
    progressText.setId("run-progress");
    add(
        new H2("Evaluate"),
        form(),
        new H3("Runs"),
        runs,
        progress,
        progressText,
        new H3("Mean score per system"),
        summary,
        new H3("Scores"),
        scores);
    refreshRuns();
    Polling.whileAttached(
        this,
        POLL_MILLIS,
        () -> {
          refreshRuns();
          showRun();
        });
  }

  private void configureForm() {
    dataset.setItems(datasets.list().stream().map(DatasetSummary::name).toList());
    dataset.addValueChangeListener(
        e -> {
          List<String> names =
              e.getValue() == null
                  ? List.of()
                  : datasets.systems(e.getValue()).stream().map(SystemView::name).toList();
          systems.setItems(names);
          systems.select(names);
        });
    dataset.setId("run-dataset");
    systems.setId("run-systems");
    List<JudgeView> available = judges.current();
    judgeChoice.setItems(available);
    judgeChoice.setItemLabelGenerator(
        j ->
            j.id()
                + (j.pairwise() ? " (pairwise: " : " (")
                + String.join(", ", j.dimensions())
                + ")"
                + (j.runnable() ? "" : " — " + j.unavailableReason()));
    judgeChoice.setItemEnabledProvider(JudgeView::runnable);
    // Pairwise judges compare two systems and cost model calls: opt-in rather than preselected.
    judgeChoice.select(available.stream().filter(j -> j.runnable() && !j.pairwise()).toList());
    judgeChoice.setId("run-judges");
  }

  private VerticalLayout form() {
    Button start = new Button("Start run", e -> start());
    start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    start.setId("start-run");
    HorizontalLayout choices = new HorizontalLayout(dataset, systems);
    choices.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
    VerticalLayout form = new VerticalLayout(choices, judgeChoice, whatJudgesMeasure(), start);
    form.setPadding(false);
    return form;
  }

  /**
   * Per dimension, the judges that score it and why: no judge is read under a dimension blindly.
   */
  private Details whatJudgesMeasure() {
    Grid<JudgeDimension> grid = new Grid<>();
    grid.addColumn(JudgeDimension::dimension).setHeader("Dimension").setAutoWidth(true);
    grid.addColumn(JudgeDimension::judge).setHeader("Judge").setAutoWidth(true);
    grid.addColumn(JudgeDimension::why)
        .setHeader("Why it tells about the dimension")
        .setFlexGrow(1);
    grid.setItems(
        judges.current().stream()
            .flatMap(
                judge ->
                    judge.rationale().entrySet().stream()
                        .map(e -> new JudgeDimension(e.getKey(), judge.id(), e.getValue())))
            .sorted(Comparator.comparing(JudgeDimension::dimension))
            .toList());
    grid.setAllRowsVisible(true);
    grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
    grid.setId("judge-rationale");
    Details details = new Details("What each judge measures", grid);
    details.setWidthFull();
    return details;
  }

  private record JudgeDimension(String dimension, String judge, String why) {}

  private void configureRuns() {
    runs.addColumn(RunView::id).setHeader("Run").setAutoWidth(true).setFlexGrow(0);
    runs.addColumn(RunView::dataset).setHeader("Dataset").setAutoWidth(true).setFlexGrow(0);
    runs.addColumn(RunView::status).setHeader("Status").setAutoWidth(true).setFlexGrow(0);
    runs.addColumn(r -> (r.done() + r.failed()) + " / " + r.total())
        .setHeader("Progress")
        .setAutoWidth(true)
        .setFlexGrow(0);
    runs.addColumn(RunView::failed).setHeader("Failed").setAutoWidth(true).setFlexGrow(0);
    runs.addColumn(r -> String.join(", ", r.judges())).setHeader("Judge versions").setFlexGrow(1);
    runs.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
    runs.setAllRowsVisible(true);
    runs.setId("runs");
    runs.setEmptyStateText("No runs yet: start one on this page with a dataset and judges.");
    runs.asSingleSelect()
        .addValueChangeListener(
            e -> {
              if (e.getValue() != null) {
                selectedRun = e.getValue().id();
                showRun();
              }
            });
  }

  private void configureResults() {
    summary
        .addColumn(SummaryView::dimension)
        .setHeader("Dimension")
        .setAutoWidth(true)
        .setFlexGrow(0);
    summary.addColumn(SummaryView::system).setHeader("System").setAutoWidth(true).setFlexGrow(0);
    summary
        .addColumn(s -> String.format(Locale.ROOT, "%.3f", s.mean()))
        .setHeader("Mean score")
        .setAutoWidth(true)
        .setFlexGrow(0);
    summary.addColumn(SummaryView::count).setHeader("Responses").setAutoWidth(true).setFlexGrow(0);
    summary.addColumn(SummaryView::judge).setHeader("Judge version").setFlexGrow(1);
    summary.setAllRowsVisible(true);
    summary.setId("run-summary");
    scores
        .addComponentColumn(
            s ->
                new RouterLink(
                    s.prompt(),
                    ResponseDetailView.class,
                    new RouteParameters("id", Long.toString(s.responseId()))))
        .setHeader("Prompt")
        .setAutoWidth(true)
        .setFlexGrow(0);
    scores.addColumn(ScoreView::system).setHeader("System").setAutoWidth(true).setFlexGrow(0);
    scores.addColumn(ScoreView::dimension).setHeader("Dimension").setAutoWidth(true).setFlexGrow(0);
    scores
        .addColumn(s -> String.format(Locale.ROOT, "%.2f", s.value()))
        .setHeader("Score")
        .setAutoWidth(true)
        .setFlexGrow(0);
    scores.addColumn(ScoreView::reason).setHeader("Reason").setFlexGrow(1);
    scores.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
    scores.setHeight("600px");
    scores.setId("run-scores");
  }

  private void start() {
    if (dataset.getValue() == null) {
      Notification.show("Choose a dataset first")
          .addThemeVariants(NotificationVariant.LUMO_WARNING);
      return;
    }
    try {
      RunView run =
          evaluation.start(
              new NewRun(
                  dataset.getValue(),
                  new ArrayList<>(systems.getValue()),
                  judgeChoice.getValue().stream().map(JudgeView::id).toList()));
      selectedRun = run.id();
      refreshRuns();
      showRun();
    } catch (DomainException e) {
      Notification.show(e.getMessage()).addThemeVariants(NotificationVariant.LUMO_ERROR);
    }
  }

  private void refreshRuns() {
    runs.setItems(evaluation.list());
  }

  private void showRun() {
    if (selectedRun == null) {
      return;
    }
    RunView run = evaluation.get(selectedRun);
    progress.setValue(run.total() == 0 ? 1 : (double) (run.done() + run.failed()) / run.total());
    progressText.setText(
        "Run "
            + run.id()
            + ": "
            + run.status()
            + ", "
            + run.done()
            + " done, "
            + run.failed()
            + " failed of "
            + run.total()
            + (run.etaSeconds() == null ? "" : ", about " + run.etaSeconds() + " s left")
            + (run.preferences() == 0
                ? ""
                : ", "
                    + run.preferences()
                    + " preferences ("
                    + run.positionConflicts()
                    + " position conflicts)")
            + (run.failures().isEmpty() ? "" : "; first error: " + run.failures().get(0).error()));
    summary.setItems(evaluation.summary(run.id()));
    if (!"running".equals(run.status())) {
      scores.setItems(evaluation.scores(run.id()));
    }
  }
}
