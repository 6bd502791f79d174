package dev.earshot.codec.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.earshot.codec.service.CodecDemoLoader;
import dev.earshot.codec.service.CodecService;
import dev.earshot.codec.service.CodecViews.CodecLeaderboard;
import dev.earshot.codec.service.CodecViews.CodecRow;
import dev.earshot.codec.service.CodecViews.CodecView;
import dev.earshot.codec.service.CodecViews.MetricInfo;
import dev.earshot.codec.service.CodecViews.MetricSummary;
import dev.earshot.codec.service.CodecViews.NewCodec;
import dev.earshot.codec.service.CodecViews.NewCodecRun;
import dev.earshot.dataset.service.DatasetService;
import dev.earshot.dataset.service.DatasetViews.DatasetSummary;
import dev.earshot.evaluation.service.RunViews.RunView;
import dev.earshot.platform.error.DomainException;
import dev.earshot.security.Role;
import dev.earshot.ui.Charts;
import dev.earshot.ui.MainLayout;
import dev.earshot.ui.NavigationEntry;
import dev.earshot.ui.Polling;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Locale;

/**
 * Codecs: register one (its bitrate follows from its shape), start a codec run on a dataset whose
 * resyntheses are uploaded, follow its progress, and read the leaderboard as a table and as a
 * quality-against-bitrate plot.
 */
@NavigationEntry(label = "Codecs", order = 55, icon = VaadinIcon.COMPRESS_SQUARE)
@Route(value = "codecs", layout = MainLayout.class)
@RolesAllowed(Role.RESEARCHER_NAME)
@PageTitle("Codecs · Earshot")
public class CodecsView extends VerticalLayout {

  private static final long serialVersionUID = 1L;
  private static final int POLL_MILLIS = 1000;
  private static final long SEED = 1;

  private final transient CodecService codecs;
  private final transient DatasetService datasets;

  private final TextField name = new TextField("Name");
  private final NumberField frameRate = new NumberField("Frame rate (frames/s)");
  private final IntegerField codebooks = new IntegerField("Codebooks");
  private final IntegerField codebookSize = new IntegerField("Codebook size");
  private final Span registerMessage = new Span();
  private final Grid<CodecView> registered = new Grid<>(CodecView.class, false);
  private final ComboBox<String> dataset = new ComboBox<>("Dataset");
  private final ComboBox<MetricInfo> plotted = new ComboBox<>("Plotted metric");
  private final ProgressBar progress = new ProgressBar();
  private final Span progressText = new Span();
  private final Span message = new Span();
  private final Grid<CodecRow> board = new Grid<>(CodecRow.class, false);
  private final Div chart = new Div();
  private transient CodecLeaderboard shown;

  public CodecsView(CodecService codecs, DatasetService datasets) {
    this.codecs = codecs;
    this.datasets = datasets;
    configureRegistration();
    configureLeaderboard();
    add(
        new H2("Codecs"),
        new H3("Register a codec"),
        registrationForm(),
        registerMessage,
        registered,
        new H3("Resynthesis leaderboard"),
        runForm(),
        progress,
        progressText,
        message,
        board,
        chart);
    refreshCodecs();
    Polling.whileAttached(this, POLL_MILLIS, this::refreshRun);
  }

  @Override
  protected void onAttach(AttachEvent event) {
    super.onAttach(event);
    Charts.load(event.getUI());
    refreshLeaderboard();
  }

  private void configureRegistration() {
    name.setId("codec-name");
    frameRate.setId("codec-frame-rate");
    codebooks.setId("codec-codebooks");
    codebookSize.setId("codec-codebook-size");
    registerMessage.setId("codec-register-message");
    registered.addColumn(CodecView::name).setHeader("Codec").setAutoWidth(true);
    registered.addColumn(CodecView::frameRate).setHeader("Frames/s");
    registered.addColumn(CodecView::codebooks).setHeader("Codebooks");
    registered.addColumn(CodecView::codebookSize).setHeader("Codebook size");
    registered.addColumn(c -> bitrate(c.bitrateBps())).setHeader("Bitrate");
    registered.setAllRowsVisible(true);
    registered.addThemeVariants(GridVariant.LUMO_COMPACT);
    registered.setId("codec-list");
  }

  private HorizontalLayout registrationForm() {
    Button register = new Button("Register", e -> register());
    register.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    register.setId("codec-register");
    HorizontalLayout form =
        new HorizontalLayout(name, frameRate, codebooks, codebookSize, register);
    form.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
    // Five controls do not fit a laptop screen's width next to the menu.
    form.setWrap(true);
    return form;
  }

  private void register() {
    try {
      CodecView codec =
          codecs.register(
              new NewCodec(
                  name.getValue(),
                  frameRate.getValue(),
                  codebooks.getValue(),
                  codebookSize.getValue(),
                  null));
      registerMessage.setText("Registered " + codec.name() + ": " + bitrate(codec.bitrateBps()));
      refreshCodecs();
    } catch (DomainException e) {
      registerMessage.setText(e.getMessage());
    }
  }

  private void configureLeaderboard() {
    List<String> names = datasets.list().stream().map(DatasetSummary::name).toList();
    dataset.setItems(names);
    // The codec demo, when loaded, is what a first visit can show a leaderboard of.
    if (names.contains(CodecDemoLoader.DATASET)) {
      dataset.setValue(CodecDemoLoader.DATASET);
    }
    dataset.setId("codec-dataset");
    dataset.addValueChangeListener(e -> refreshLeaderboard());
    plotted.setItemLabelGenerator(MetricInfo::label);
    plotted.setId("codec-plotted-metric");
    plotted.addValueChangeListener(e -> drawChart());
    progressText.setId("codec-run-progress");
    message.setId("codec-message");
    board.setId("codec-leaderboard");
    board.setAllRowsVisible(true);
    board.addThemeVariants(GridVariant.LUMO_COMPACT);
    chart.setId("codec-chart");
    chart.setWidthFull();
    chart.setHeight("360px");
  }

  private HorizontalLayout runForm() {
    Button start = new Button("Start codec run", e -> startRun());
    start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    start.setId("codec-start-run");
    HorizontalLayout form = new HorizontalLayout(dataset, start, plotted);
    form.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
    return form;
  }

  private void startRun() {
    if (dataset.getValue() == null) {
      message.setText("Choose a dataset first.");
      return;
    }
    try {
      RunView run = codecs.startRun(new NewCodecRun(dataset.getValue(), List.of()));
      message.setText("Started run " + run.id() + " with " + run.total() + " resyntheses.");
      refreshRun();
    } catch (DomainException e) {
      message.setText(e.getMessage());
    }
  }

  private void refreshCodecs() {
    registered.setItems(codecs.list());
  }

  /** Shows the latest codec run of the dataset; the leaderboard is refreshed while it runs. */
  private void refreshRun() {
    if (dataset.getValue() == null) {
      return;
    }
    List<RunView> runs = codecs.runs(dataset.getValue());
    if (runs.isEmpty()) {
      progress.setValue(0);
      progressText.setText("No codec run on this dataset yet.");
      return;
    }
    RunView run = runs.get(0);
    progress.setValue(run.total() == 0 ? 1 : (double) (run.done() + run.failed()) / run.total());
    progressText.setText(
        String.format(
            Locale.ROOT,
            "Run %d: %s, %d of %d done, %d failed",
            run.id(),
            run.status(),
            run.done(),
            run.total(),
            run.failed()));
    if ("running".equals(run.status()) || shown == null || countItems(shown) != run.done()) {
      refreshLeaderboard();
    }
  }

  private static long countItems(CodecLeaderboard leaderboard) {
    return leaderboard.codecs().stream().mapToLong(CodecRow::items).sum();
  }

  private void refreshLeaderboard() {
    board.removeAllColumns();
    board.setItems(List.of());
    shown = null;
    if (dataset.getValue() == null) {
      message.setText("Choose a dataset whose prompts codecs have resynthesised.");
      return;
    }
    try {
      shown = codecs.leaderboard(dataset.getValue(), SEED);
    } catch (DomainException e) {
      message.setText(e.getMessage());
      return;
    }
    board.addColumn(CodecRow::codec).setHeader("Codec").setFrozen(true).setAutoWidth(true);
    board.addColumn(row -> bitrate(row.bitrateBps())).setHeader("Bitrate");
    board.addColumn(CodecRow::items).setHeader("Items");
    for (MetricInfo metric : shown.metrics()) {
      board
          .addColumn(row -> cell(row.metrics().get(metric.key())))
          .setHeader(metric.label() + (metric.unit().isEmpty() ? "" : " (" + metric.unit() + ")"))
          .setAutoWidth(true);
    }
    board.setItems(shown.codecs());
    MetricInfo current = plotted.getValue();
    plotted.setItems(shown.metrics());
    plotted.setValue(
        current != null
            ? current
            : shown.metrics().stream()
                .filter(m -> m.key().equals("stoi"))
                .findFirst()
                .orElse(null));
    if (shown.codecs().isEmpty()) {
      message.setText("No measured resyntheses of a registered codec in this dataset yet.");
    }
    drawChart();
  }

  private void drawChart() {
    if (shown != null && plotted.getValue() != null && !shown.codecs().isEmpty()) {
      Charts.draw(chart, "earshotQualityBitrateChart", shown, plotted.getValue().key());
    }
  }

  private static String cell(MetricSummary summary) {
    return summary == null
        ? "–"
        : String.format(
            Locale.ROOT, "%.3f [%.3f, %.3f]", summary.mean(), summary.lower(), summary.upper());
  }

  private static String bitrate(double bitsPerSecond) {
    return String.format(Locale.ROOT, "%,.0f bit/s", bitsPerSecond);
  }
}
