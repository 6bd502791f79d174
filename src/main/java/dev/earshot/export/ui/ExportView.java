package dev.earshot.export.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.earshot.dataset.service.DatasetService;
import dev.earshot.dataset.service.DatasetViews.DatasetSummary;
import dev.earshot.dataset.service.DatasetViews.SystemView;
import dev.earshot.export.selection.Aggregation;
import dev.earshot.export.selection.PairsWithSignal;
import dev.earshot.export.selection.TiePolicy;
import dev.earshot.export.service.ExportConfig;
import dev.earshot.export.service.ExportConfig.AudioMode;
import dev.earshot.export.service.ExportConfig.Format;
import dev.earshot.export.service.ExportConfig.PairsFrom;
import dev.earshot.export.service.ExportService;
import dev.earshot.export.service.ExportStatus;
import dev.earshot.judge.service.CodecEncoderService;
import dev.earshot.judge.service.CodecEncoderService.CodecEncoderStatus;
import dev.earshot.judge.service.JudgeRegistry;
import dev.earshot.judge.service.JudgeRegistry.JudgeView;
import dev.earshot.platform.error.DomainException;
import dev.earshot.rating.service.CampaignViews.CampaignChoice;
import dev.earshot.ui.MainLayout;
import dev.earshot.ui.NavigationEntry;
import dev.earshot.ui.Polling;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reward-data exports: a form for the config (only the fields that apply to the chosen format are
 * enabled), the progress of the export being written, and every past export with its download.
 * Exports are written by the background worker; this page only polls them.
 */
@NavigationEntry(label = "Export", order = 60, icon = VaadinIcon.DOWNLOAD)
@Route(value = "export", layout = MainLayout.class)
@PageTitle("Export · Earshot")
@RolesAllowed({"admin", "researcher"})
public class ExportView extends VerticalLayout {

  private static final long serialVersionUID = 1L;
  private static final int POLL_MILLIS = 1000;

  private final transient ExportService exports;

  private final Select<Format> format = new Select<>();
  private final Select<PairsFrom> pairsFrom = new Select<>();
  private final ComboBox<String> dataset = new ComboBox<>("Dataset");
  private final MultiSelectComboBox<String> systems = new MultiSelectComboBox<>("Systems");
  private final ComboBox<String> dimension = new ComboBox<>("Dimension");
  private final MultiSelectComboBox<String> sources = new MultiSelectComboBox<>("Sources");
  private final Select<CampaignChoice> campaign = new Select<>();
  private final Select<Aggregation> aggregation = new Select<>();
  private final Select<TiePolicy> tiePolicy = new Select<>();
  private final NumberField minAgreement = new NumberField("Minimum agreement");
  private final NumberField minMargin = new NumberField("Minimum margin");
  private final NumberField ktoThreshold = new NumberField("KTO threshold");
  private final TextField weights = new TextField("Weights");
  private final Checkbox normalizePerPrompt = new Checkbox("Normalise rewards per prompt");
  private final Checkbox keepPairsWithoutSignal = new Checkbox("Keep pairs without signal");
  private final Checkbox codecTokens = new Checkbox("Codec tokens of the responses");
  private final Select<AudioMode> audio = new Select<>();
  private final IntegerField sampleRate = new IntegerField("Resample audio to (Hz)");
  private final ProgressBar progress = new ProgressBar();
  private final Span progressText = new Span();
  private final Paragraph pairSummary = new Paragraph();
  private final Paragraph warnings = new Paragraph();
  private final Grid<ExportStatus> history = new Grid<>(ExportStatus.class, false);
  private Long watched;

  public ExportView(
      ExportService exports,
      DatasetService datasets,
      JudgeRegistry judges,
      CodecEncoderService codecEncoder) {
    this.exports = exports;
    configureForm(datasets, judges);
    configureCodecTokens(codecEncoder.status());
    configureHistory();
    progressText.setId("export-progress");
    progress.setVisible(false);
    pairSummary.setId("export-pair-summary");
    warnings.setId("export-warnings");
    warnings.getStyle().set("color", "var(--lumo-error-text-color)");
    warnings.setVisible(false);
    add(
        new H2("Export"),
        new Paragraph(
            "Preference and reward data for RL trainers (TRL, OpenRLHF, LLaMA-Factory), as a"
                + " reproducible snapshot: the same config on the same data gives the same files."),
        form(),
        progress,
        progressText,
        pairSummary,
        warnings,
        new H3("Exports"),
        history);
    refresh();
    Polling.whileAttached(this, POLL_MILLIS, this::refresh);
  }

  private void configureForm(DatasetService datasets, JudgeRegistry judges) {
    format.setLabel("Format");
    format.setItems(Format.values());
    format.setItemLabelGenerator(ExportView::label);
    format.setValue(Format.TRL_STANDARD);
    format.setId("export-format");
    pairsFrom.setLabel("Pairs from");
    pairsFrom.setItems(PairsFrom.values());
    pairsFrom.setItemLabelGenerator(ExportView::label);
    pairsFrom.setValue(PairsFrom.VOTES);
    dataset.setItems(datasets.list().stream().map(DatasetSummary::name).toList());
    dataset.setClearButtonVisible(true);
    dataset.setId("export-dataset");
    systems.setItems(datasets.systems().stream().map(SystemView::name).toList());
    dimension.setItems(exports.dimensions());
    dimension.setAllowCustomValue(true);
    dimension.addCustomValueSetListener(e -> dimension.setValue(e.getDetail()));
    dimension.setClearButtonVisible(true);
    dimension.setId("export-dimension");
    List<String> sourceChoices = new ArrayList<>(List.of("humans", "simulated", "judges"));
    for (JudgeView judge : judges.current()) {
      sourceChoices.add("judge:" + judge.id());
      sourceChoices.add("judge:" + judge.id() + "@" + judge.version());
    }
    sources.setItems(sourceChoices);
    sources.setHelperText(
        "Default: humans (people only) for votes, judges for scores; simulated raters' votes only"
            + " when simulated is chosen");
    sources.setId("export-sources");
    campaign.setLabel("Campaign");
    campaign.setItems(exports.campaigns());
    // The empty "all" item is labelled with a null campaign.
    campaign.setItemLabelGenerator(c -> c == null ? "all" : c.name());
    campaign.setEmptySelectionAllowed(true);
    campaign.setEmptySelectionCaption("all");
    campaign.setHelperText("Only this rating campaign's human votes");
    campaign.setId("export-campaign");
    aggregation.setLabel("Aggregation of votes");
    aggregation.setItems(Aggregation.values());
    aggregation.setItemLabelGenerator(ExportView::label);
    aggregation.setValue(Aggregation.MAJORITY);
    tiePolicy.setLabel("Ties and both bad");
    tiePolicy.setItems(TiePolicy.values());
    tiePolicy.setItemLabelGenerator(ExportView::label);
    tiePolicy.setValue(TiePolicy.EXCLUDE);
    minAgreement.setMin(0);
    minAgreement.setMax(1);
    minAgreement.setStep(0.05);
    minAgreement.setPlaceholder("0");
    minMargin.setMin(0);
    minMargin.setPlaceholder("0");
    minMargin.setHelperText("A preference is kept when its margin exceeds this");
    ktoThreshold.setMin(0);
    ktoThreshold.setMax(1);
    ktoThreshold.setPlaceholder("0.5");
    weights.setPlaceholder("quality=1, content=0.5");
    weights.setHelperText(
        "dimension=weight pairs, comma-separated, e.g. quality=1, content=0.5. Empty: the chosen"
            + " dimension, weight 1");
    weights.setId("export-weights");
    audio.setLabel("Audio");
    audio.setItems(AudioMode.values());
    audio.setItemLabelGenerator(ExportView::label);
    audio.setValue(AudioMode.COPY);
    sampleRate.setMin(1_000);
    sampleRate.setMax(768_000);
    sampleRate.setPlaceholder("original");
    keepPairsWithoutSignal.setTooltipText(
        "Pairs whose chosen and rejected responses this format writes identically (the same"
            + " text, where only text is written) teach a trainer nothing; they are dropped and"
            + " counted unless kept");
    keepPairsWithoutSignal.setId("export-keep-without-signal");
    format.addValueChangeListener(e -> enableApplicableFields());
    pairsFrom.addValueChangeListener(e -> enableApplicableFields());
    enableApplicableFields();
  }

  /** Offered only when an encoder is loaded; its status says why not otherwise. */
  private void configureCodecTokens(CodecEncoderStatus encoder) {
    boolean loaded = CodecEncoderService.LOADED.equals(encoder.status());
    codecTokens.setHelperText(
        "Codec encoder: "
            + (loaded ? encoder.status() + ", " + encoder.detail() : encoder.detail())
            + ". Adds chosen_audio_codes and rejected_audio_codes (TRL formats)");
    codecTokens.setReadOnly(!loaded);
    codecTokens.setId("export-codec-tokens");
  }

  /** Fields that do not apply to the format are disabled and left out of the config. */
  private void enableApplicableFields() {
    Format chosen = format.getValue();
    boolean scalar = chosen == Format.SCALAR_REWARDS;
    boolean fromScores = scalar || pairsFrom.getValue() == PairsFrom.SCORES;
    pairsFrom.setEnabled(!scalar);
    aggregation.setEnabled(!fromScores);
    campaign.setEnabled(!fromScores);
    minAgreement.setEnabled(!fromScores);
    tiePolicy.setEnabled(chosen.pairs());
    keepPairsWithoutSignal.setEnabled(chosen.pairs());
    minMargin.setEnabled(!scalar);
    ktoThreshold.setEnabled(chosen == Format.TRL_KTO && fromScores);
    weights.setEnabled(scalar);
    normalizePerPrompt.setEnabled(scalar);
    codecTokens.setEnabled(chosen == Format.TRL_STANDARD || chosen == Format.TRL_CONVERSATIONAL);
  }

  private Component form() {
    Button start = new Button("Start export", e -> start());
    start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    start.setId("start-export");
    FormLayout fields =
        new FormLayout(
            format,
            pairsFrom,
            dataset,
            systems,
            dimension,
            sources,
            campaign,
            aggregation,
            tiePolicy,
            minAgreement,
            minMargin,
            ktoThreshold,
            weights,
            normalizePerPrompt,
            keepPairsWithoutSignal,
            codecTokens,
            audio,
            sampleRate);
    fields.setResponsiveSteps(
        new FormLayout.ResponsiveStep("0", 1),
        new FormLayout.ResponsiveStep("600px", 2),
        new FormLayout.ResponsiveStep("1000px", 4));
    VerticalLayout form = new VerticalLayout(fields, start);
    form.setPadding(false);
    return form;
  }

  private void configureHistory() {
    history.addColumn(ExportStatus::id).setHeader("Export").setAutoWidth(true).setFlexGrow(0);
    history
        .addColumn(e -> e.config().path("format").asText())
        .setHeader("Format")
        .setAutoWidth(true)
        .setFlexGrow(0);
    history
        .addColumn(e -> describe(e.config().path("dataset").asText("all datasets"), e))
        .setHeader("Selection")
        .setFlexGrow(1);
    history.addColumn(ExportView::state).setHeader("Status").setAutoWidth(true).setFlexGrow(0);
    history
        .addColumn(e -> e.counts() == null ? "" : String.valueOf(e.counts().get("records")))
        .setHeader("Records")
        .setAutoWidth(true)
        .setFlexGrow(0);
    history
        .addComponentColumn(ExportView::download)
        .setHeader("Download")
        .setAutoWidth(true)
        .setFlexGrow(0);
    history.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
    history.setAllRowsVisible(true);
    history.setId("exports");
    history.setEmptyStateText("No exports yet: choose a format on this page and start one.");
    history
        .asSingleSelect()
        .addValueChangeListener(
            e -> {
              if (e.getValue() != null) {
                watched = e.getValue().id();
                showWatched();
              }
            });
  }

  private void start() {
    ExportConfig config;
    try {
      config = config();
    } catch (IllegalArgumentException e) {
      Notification.show(e.getMessage()).addThemeVariants(NotificationVariant.LUMO_WARNING);
      return;
    }
    try {
      watched = exports.create(config, null).id();
      refresh();
    } catch (DomainException e) {
      Notification.show(e.getMessage(), 8000, Notification.Position.BOTTOM_START)
          .addThemeVariants(NotificationVariant.LUMO_ERROR);
    }
  }

  private ExportConfig config() {
    return new ExportConfig(
        format.getValue(),
        dataset.getValue(),
        systems.getValue().isEmpty() ? null : List.copyOf(systems.getValue()),
        blankToNull(dimension.getValue()),
        sources.getValue().isEmpty() ? null : List.copyOf(sources.getValue()),
        campaign.isEnabled() && campaign.getValue() != null ? campaign.getValue().id() : null,
        pairsFrom.isEnabled() ? pairsFrom.getValue() : null,
        null,
        null,
        aggregation.isEnabled() ? aggregation.getValue() : null,
        tiePolicy.isEnabled() ? tiePolicy.getValue() : null,
        minAgreement.isEnabled() ? minAgreement.getValue() : null,
        minMargin.isEnabled() ? minMargin.getValue() : null,
        ktoThreshold.isEnabled() ? ktoThreshold.getValue() : null,
        weights.isEnabled() ? weights(weights.getValue()) : null,
        normalizePerPrompt.isEnabled() ? normalizePerPrompt.getValue() : null,
        audio.getValue(),
        sampleRate.getValue(),
        keepPairsWithoutSignal.isEnabled() ? keepPairsWithoutSignal.getValue() : null,
        codecTokens.isEnabled() ? codecTokens.getValue() : null);
  }

  /** "quality=1, content=0.5" as a map; blank is no weights (the default applies). */
  private static Map<String, Double> weights(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    Map<String, Double> parsed = new LinkedHashMap<>();
    for (String entry : text.split(",")) {
      String[] parts = entry.split("=");
      try {
        if (parts.length != 2 || parts[0].isBlank()) {
          throw new NumberFormatException();
        }
        parsed.put(parts[0].trim(), Double.parseDouble(parts[1].trim()));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "Weights are dimension=number pairs separated by commas, e.g. quality=1, content=0.5;"
                + " not '"
                + entry.trim()
                + "'");
      }
    }
    return parsed;
  }

  private void refresh() {
    List<ExportStatus> all = exports.list();
    history.setItems(all);
    if (watched == null) {
      all.stream()
          .filter(e -> "queued".equals(e.status()) || "running".equals(e.status()))
          .findFirst()
          .ifPresent(e -> watched = e.id());
    }
    showWatched();
  }

  private void showWatched() {
    if (watched == null) {
      return;
    }
    ExportStatus export = exports.get(watched);
    progress.setVisible(true);
    progress.setValue(export.progress());
    progressText.setText(
        "Export "
            + export.id()
            + ": "
            + export.status()
            + ("failed".equals(export.status()) ? " — " + export.error() : "")
            + (export.counts() == null ? "" : "; per step: " + steps(export.counts())));
    pairSummary.setText(pairSummary(export.counts()));
    List<String> exportWarnings = export.warnings() == null ? List.of() : export.warnings();
    warnings.setText(String.join(" ", exportWarnings));
    warnings.setVisible(!exportWarnings.isEmpty());
  }

  /** The two drops that decide whether a pair export is worth training on; empty for others. */
  private static String pairSummary(Map<String, Long> counts) {
    if (counts == null || !counts.containsKey(PairsWithSignal.WITHOUT_SIGNAL)) {
      return "";
    }
    return String.format(
        Locale.ROOT,
        "%d records written; dropped %d pairs without signal (chosen and rejected written"
            + " identically) and %d duplicate records.",
        counts.getOrDefault("records", 0L),
        counts.get(PairsWithSignal.WITHOUT_SIGNAL),
        counts.getOrDefault(PairsWithSignal.DUPLICATES, 0L));
  }

  private static String state(ExportStatus export) {
    return "running".equals(export.status())
        ? String.format(Locale.ROOT, "running %.0f %%", 100 * export.progress())
        : export.status();
  }

  private static String describe(String datasetName, ExportStatus export) {
    String dimensionName = export.config().path("dimension").asText("all dimensions");
    return datasetName
        + ", "
        + dimensionName
        + ", "
        + String.join(" + ", sources(export))
        + (export.error() == null ? "" : " — " + export.error());
  }

  private static String steps(Map<String, Long> counts) {
    List<String> steps = new ArrayList<>();
    counts.forEach((step, count) -> steps.add(step + " " + count));
    return String.join(" · ", steps);
  }

  private static List<String> sources(ExportStatus export) {
    List<String> names = new ArrayList<>();
    export.config().path("sources").forEach(source -> names.add(source.asText()));
    return names;
  }

  private static Component download(ExportStatus export) {
    if (export.archive() == null) {
      return new Span();
    }
    Anchor archive = new Anchor(export.archive(), ".tar.gz");
    archive.getElement().setAttribute("download", true);
    archive.setId("export-archive-" + export.id());
    return archive;
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text;
  }

  private static String label(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }
}
