package dev.earshot.leaderboard.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.earshot.judge.service.JudgeRegistry;
import dev.earshot.leaderboard.service.AgreementService;
import dev.earshot.leaderboard.service.AgreementService.AgreementView;
import dev.earshot.leaderboard.service.AgreementService.JudgeAuditView;
import dev.earshot.leaderboard.service.AgreementService.RaterView;
import dev.earshot.leaderboard.service.LeaderboardService;
import dev.earshot.leaderboard.service.LeaderboardService.LeaderboardQuery;
import dev.earshot.leaderboard.service.LeaderboardService.RowView;
import dev.earshot.leaderboard.service.LeaderboardService.StyleControlledView;
import dev.earshot.leaderboard.service.LeaderboardService.WinRateMatrix;
import dev.earshot.leaderboard.service.RaterSource;
import dev.earshot.platform.error.DomainException;
import dev.earshot.rating.service.CampaignViews.CampaignChoice;
import dev.earshot.security.Role;
import dev.earshot.stats.StyleControlledFit.StyleControlledRating;
import dev.earshot.ui.Charts;
import dev.earshot.ui.MainLayout;
import dev.earshot.ui.NavigationEntry;
import jakarta.annotation.security.RolesAllowed;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Leaderboard per source and dimension: the table, ratings with 95 % intervals, the win-rate
 * heatmap, "as of" any past date, the human votes of one rating campaign, and the same numbers as
 * CSV or JSON. People ({@code humans}) and simulated raters ({@code simulated}) are separate
 * sources: on a fresh demo the humans' leaderboard is empty and says so. Charts are drawn by
 * ECharts in the browser from data computed here.
 */
@NavigationEntry(label = "Leaderboard", order = 50, icon = VaadinIcon.TROPHY)
@Route(value = "leaderboard", layout = MainLayout.class)
@RolesAllowed(Role.RESEARCHER_NAME)
@PageTitle("Leaderboard · Earshot")
public class LeaderboardView extends VerticalLayout {

  private static final long serialVersionUID = 1L;
  private static final int BOOTSTRAP = 1000;

  /**
   * Marks a row with fewer battles than the minimum; the message under the controls explains it.
   */
  static final String FEW_BATTLES_MARK = "(few battles)";

  private static final long SEED = 1;
  private static final List<String> DIMENSIONS =
      List.of("overall", "content", "prosody", "emotion", "nonspeech", "quality", "turn-taking");

  private final transient LeaderboardService leaderboards;
  private final transient AgreementService agreement;
  private final Select<String> source = new Select<>();
  private final Select<String> dimension = new Select<>();
  private final Select<CampaignChoice> campaign = new Select<>();
  private final DatePicker asOf = new DatePicker("As of");
  private final Checkbox hideFewBattles = new Checkbox("Hide systems with few battles");
  private final Span message = new Span();
  private final Grid<RowView> table = new Grid<>(RowView.class, false);
  private final Div intervals = new Div();
  private final Div heatmap = new Div();
  private final Div battleMatrix = new Div();
  private final Anchor matrixJson = new Anchor("", "Matrix JSON");
  private final Grid<StyleControlledRating> styleTable =
      new Grid<>(StyleControlledRating.class, false);
  private final Span styleCoefficients = new Span();
  private final H3 styleTitle = new H3("With style control (duration, speaking rate, loudness)");
  private final Span agreementSummary = new Span();
  private final Grid<RaterView> raters = new Grid<>(RaterView.class, false);
  private final Grid<JudgeAuditView> audit = new Grid<>(JudgeAuditView.class, false);
  private final Anchor agreementJson = new Anchor("", "Agreement JSON");
  private final Anchor auditJson = new Anchor("", "Judge audit JSON");
  private final Anchor csv = new Anchor("", "Download CSV");
  private final Anchor json = new Anchor("", "Download JSON");

  public LeaderboardView(
      LeaderboardService leaderboards, AgreementService agreement, JudgeRegistry judges) {
    this.leaderboards = leaderboards;
    this.agreement = agreement;
    configureControls(judges);
    configureTable();
    intervals.setId("leaderboard-intervals");
    intervals.setWidthFull();
    intervals.setHeight("280px");
    heatmap.setId("leaderboard-heatmap");
    battleMatrix.setId("leaderboard-battles");
    battleMatrix.setWidthFull();
    battleMatrix.setHeight("360px");
    heatmap.setWidthFull();
    heatmap.setHeight("360px");
    message.setId("leaderboard-message");
    HorizontalLayout controls =
        new HorizontalLayout(source, dimension, campaign, asOf, hideFewBattles, csv, json);
    controls.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
    // On a narrow window (1024 × 768 with the drawer open) the filters wrap instead of running
    // off the page, and the wide tables scroll inside themselves.
    controls.setId("leaderboard-controls");
    controls.setWidthFull();
    controls.getStyle().set("flex-wrap", "wrap");
    add(
        new H2("Leaderboard"),
        controls,
        message,
        table,
        new H3("Ratings with 95 % intervals"),
        intervals,
        new H3("Win rate (row against column)"),
        matrixJson,
        heatmap,
        new H3("Battles per pair"),
        battleMatrix,
        styleTitle,
        styleCoefficients,
        styleTable,
        new H3("How well the raters agree (people, or simulated raters when chosen)"),
        agreementSummary,
        agreementJson,
        raters,
        new H3("Judges against the raters' majority"),
        auditJson,
        audit);
    configureStyleTable();
    configureAgreement();
  }

  private void configureControls(JudgeRegistry judges) {
    List<String> sources =
        new ArrayList<>(List.of(LeaderboardService.HUMANS, LeaderboardService.SIMULATED, "judges"));
    judges.current().forEach(j -> sources.add("judge:" + j.id()));
    leaderboards.arenas().forEach(a -> sources.add("arena:" + a));
    source.setLabel("Source");
    source.setItems(sources);
    source.setValue(LeaderboardService.HUMANS);
    source.setHelperText("humans: people only; simulated: simulated raters such as the demo's");
    source.setId("leaderboard-source");
    dimension.setLabel("Dimension");
    dimension.setItems(DIMENSIONS);
    dimension.setValue("overall");
    dimension.setId("leaderboard-dimension");
    campaign.setLabel("Campaign");
    campaign.setItems(leaderboards.campaigns());
    // The empty "all" item is labelled with a null campaign.
    campaign.setItemLabelGenerator(c -> c == null ? "all" : c.name());
    campaign.setEmptySelectionAllowed(true);
    campaign.setEmptySelectionCaption("all");
    campaign.setHelperText("human votes only");
    campaign.setId("leaderboard-campaign");
    asOf.setClearButtonVisible(true);
    asOf.setId("leaderboard-as-of");
    source.addValueChangeListener(e -> refresh());
    dimension.addValueChangeListener(e -> refresh());
    campaign.addValueChangeListener(e -> refresh());
    asOf.addValueChangeListener(e -> refresh());
    hideFewBattles.setId("leaderboard-hide-few-battles");
    hideFewBattles.setTooltipText(
        "Systems with fewer than "
            + leaderboards.minBattles()
            + " battles have intervals too wide to rank them");
    hideFewBattles.addValueChangeListener(e -> refresh());
    csv.getElement().setAttribute("download", true);
    json.getElement().setAttribute("download", true);
  }

  private void configureTable() {
    table
        .addColumn(RowView::rankUpperBound)
        .setHeader("Rank (upper bound)")
        .setAutoWidth(true)
        .setFlexGrow(0);
    table
        .addColumn(r -> r.system() + (r.fewBattles() ? " " + FEW_BATTLES_MARK : ""))
        .setHeader("System")
        .setAutoWidth(true)
        .setFlexGrow(1);
    table.addColumn(r -> format(r.rating())).setHeader("Rating").setAutoWidth(true).setFlexGrow(0);
    table
        .addColumn(r -> "[" + format(r.ciLow()) + ", " + format(r.ciHigh()) + "]")
        .setHeader("95 % interval")
        .setAutoWidth(true)
        .setFlexGrow(0);
    table
        .addColumn(r -> format(r.standardError()))
        .setHeader("SE")
        .setAutoWidth(true)
        .setFlexGrow(0);
    table.addColumn(RowView::battles).setHeader("Battles").setAutoWidth(true).setFlexGrow(0);
    table
        .addColumn(r -> r.wins() + " / " + r.losses() + " / " + r.ties())
        .setHeader("W / L / T")
        .setAutoWidth(true)
        .setFlexGrow(0);
    table.addColumn(RowView::bothBad).setHeader("Both bad").setAutoWidth(true).setFlexGrow(0);
    table.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
    table.setAllRowsVisible(true);
    table.setWidthFull();
    table.setId("leaderboard-table");
    table.setEmptyStateText(
        "No battles for these filters yet: run a rating campaign on Campaigns or import an"
            + " arena's battles.");
  }

  private void configureAgreement() {
    agreementSummary.setId("agreement-summary");
    raters.addColumn(RaterView::rater).setHeader("Rater").setAutoWidth(true).setFlexGrow(0);
    raters
        .addColumn(r -> rate(r.agreementWithOthers()))
        .setHeader("Agreement with the others' majority")
        .setAutoWidth(true)
        .setFlexGrow(0);
    raters
        .addColumn(r -> r.flagged() ? "flagged" : "")
        .setHeader("Flag")
        .setAutoWidth(true)
        .setFlexGrow(0);
    raters.addColumn(r -> String.join("; ", r.reasons())).setHeader("Why").setFlexGrow(1);
    raters.setAllRowsVisible(true);
    raters.setId("agreement-raters");
    audit
        .addColumn(JudgeAuditView::judge)
        .setHeader("Judge version")
        .setAutoWidth(true)
        .setFlexGrow(1);
    audit
        .addColumn(a -> rate(a.agreementWithHumanMajority()))
        .setHeader("Agreement with majority")
        .setAutoWidth(true)
        .setFlexGrow(0);
    audit
        .addColumn(a -> rate(a.agreementWithHumanMajorityWithoutTies()))
        .setHeader("without ties")
        .setAutoWidth(true)
        .setFlexGrow(0);
    audit
        .addColumn(JudgeAuditView::sharedItems)
        .setHeader("Shared items")
        .setAutoWidth(true)
        .setFlexGrow(0);
    audit
        .addColumn(a -> rate(a.positionConflictRate()))
        .setHeader("Position conflicts")
        .setAutoWidth(true)
        .setFlexGrow(0);
    audit
        .addColumn(
            a ->
                a.rankCorrelation() == null
                    ? ""
                    : "ρ "
                        + rate(a.rankCorrelation().spearmanRho())
                        + ", τ "
                        + rate(a.rankCorrelation().kendallTauB()))
        .setHeader("Rank correlation with the raters")
        .setAutoWidth(true)
        .setFlexGrow(0);
    audit.setAllRowsVisible(true);
    audit.setId("judge-audit");
  }

  /**
   * Agreement of the simulated raters when the simulated leaderboard is shown, of people otherwise:
   * the two never mix.
   */
  private void showAgreement() {
    String dimensionValue = dimension.getValue();
    RaterSource raterSource =
        LeaderboardService.SIMULATED.equals(source.getValue())
            ? RaterSource.SIMULATED
            : RaterSource.HUMANS;
    String parameters =
        "?dimension="
            + encode(dimensionValue)
            + "&source="
            + raterSource.leaderboardSource()
            + campaignParameter();
    agreementJson.setHref("/api/agreement" + parameters);
    auditJson.setHref("/api/judge-audit" + parameters);
    AgreementView view;
    List<JudgeAuditView> audits;
    try {
      view = agreement.agreement(dimensionValue, raterSource, campaignId());
      audits = agreement.judgeAudit(dimensionValue, raterSource, campaignId());
    } catch (DomainException e) {
      agreementSummary.setText(e.getMessage());
      raters.setItems(List.of());
      audit.setItems(List.of());
      return;
    }
    agreementSummary.setText(
        String.format(
            Locale.ROOT,
            "%s: %d items, %d raters: percent agreement %s (without ties %s), Fleiss' κ %s, Krippendorff's α (ordinal) %s",
            raterSource == RaterSource.SIMULATED ? "Simulated raters" : "People",
            view.items(),
            view.raterCount(),
            rate(view.percentAgreement().withTies()),
            rate(view.percentAgreement().withoutTies()),
            rate(view.fleissKappa()),
            rate(view.krippendorffAlphaOrdinal())));
    raters.setItems(view.raters());
    audit.setItems(audits);
  }

  private static String rate(Double value) {
    return value == null ? "—" : String.format(Locale.ROOT, "%.2f", value);
  }

  private void configureStyleTable() {
    styleTable.addColumn(StyleControlledRating::system).setHeader("System").setFlexGrow(1);
    styleTable
        .addColumn(r -> format(r.rating()))
        .setHeader("Rating")
        .setAutoWidth(true)
        .setFlexGrow(0);
    styleTable
        .addColumn(r -> format(r.standardError()))
        .setHeader("SE")
        .setAutoWidth(true)
        .setFlexGrow(0);
    styleTable.setAllRowsVisible(true);
    styleTable.setId("leaderboard-style");
    styleCoefficients.setId("leaderboard-style-note");
  }

  @Override
  protected void onAttach(AttachEvent event) {
    super.onAttach(event);
    Charts.load(event.getUI());
    refresh();
  }

  /**
   * Recomputes every panel. Each panel is emptied first, so a panel whose computation fails shows
   * its error or nothing, never the numbers of the previous selection.
   */
  private void refresh() {
    LeaderboardQuery query = query();
    clearPanels();
    updateDownloads();
    showAgreement();
    List<RowView> all;
    try {
      all = leaderboards.leaderboard(query);
    } catch (DomainException e) {
      message.setText(e.getMessage());
      return;
    }
    List<RowView> rows =
        hideFewBattles.getValue() ? LeaderboardService.withoutFewBattles(all) : all;
    show(rows, all.isEmpty() ? LeaderboardService.emptyNote(query) : fewBattlesNote(all, rows));
    if (!rows.isEmpty()) {
      WinRateMatrix matrix =
          leaderboards.matrix(query, rows.stream().map(RowView::system).toList());
      Charts.draw(intervals, "earshotIntervalChart", rows, "");
      Charts.draw(heatmap, "earshotMatrixHeatmap", matrix, "winRate");
      Charts.draw(battleMatrix, "earshotMatrixHeatmap", matrix, "battles");
    }
    showStyleControl(query, !all.isEmpty() && !query.source().startsWith("arena:"));
  }

  private void clearPanels() {
    show(List.of(), "");
    showStyleControl(null, false);
    styleTable.setItems(List.of());
    styleCoefficients.setText("");
    agreementSummary.setText("");
    raters.setItems(List.of());
    audit.setItems(List.of());
  }

  /** Explains the marked rows, or says that every row is hidden. */
  private String fewBattlesNote(List<RowView> all, List<RowView> shown) {
    long few = all.stream().filter(RowView::fewBattles).count();
    if (few == 0) {
      return "";
    }
    String why =
        few
            + " of "
            + all.size()
            + " systems have fewer than "
            + leaderboards.minBattles()
            + " battles: their ratings and intervals rest on too little to rank them";
    if (shown.size() < all.size()) {
      return why + " (hidden).";
    }
    return why + " (marked " + FEW_BATTLES_MARK + ").";
  }

  /** Arena battles carry no audio, so style control applies to people's and judges' verdicts. */
  private void showStyleControl(LeaderboardQuery query, boolean applicable) {
    styleTitle.setVisible(applicable);
    styleTable.setVisible(applicable);
    styleCoefficients.setVisible(applicable);
    if (!applicable) {
      return;
    }
    StyleControlledView controlled;
    try {
      controlled = leaderboards.styleControlled(query);
    } catch (DomainException e) {
      styleCoefficients.setText(e.getMessage());
      return;
    }
    styleTable.setItems(controlled.rows());
    styleTable.setVisible(controlled.fitted());
    styleCoefficients.setText(
        controlled.fitted()
            ? "Style effects on the log-odds of winning, per unit of difference: "
                + controlled.coefficients().stream()
                    .map(
                        c ->
                            String.format(
                                Locale.ROOT,
                                "%s %+.3f ± %.3f",
                                c.name(),
                                c.estimate(),
                                c.standardError()))
                    .collect(Collectors.joining("; "))
            : "No style-controlled ratings: " + controlled.reason());
  }

  private void show(List<RowView> rows, String text) {
    table.setItems(rows);
    message.setText(text);
    intervals.setVisible(!rows.isEmpty());
    heatmap.setVisible(!rows.isEmpty());
    battleMatrix.setVisible(!rows.isEmpty());
  }

  private LeaderboardQuery query() {
    OffsetDateTime until =
        asOf.getValue() == null ? null : LeaderboardQuery.endOfDay(asOf.getValue());
    return new LeaderboardQuery(
        source.getValue(),
        dimension.getValue(),
        null,
        campaignId(),
        null,
        until,
        false,
        null,
        Double.NaN,
        BOOTSTRAP,
        SEED);
  }

  private void updateDownloads() {
    String parameters =
        "source="
            + encode(source.getValue())
            + "&dimension="
            + encode(dimension.getValue())
            + "&bootstrap="
            + BOOTSTRAP
            + "&seed="
            + SEED
            + (asOf.getValue() == null ? "" : "&asOf=" + asOf.getValue())
            + campaignParameter();
    String rowFilter = hideFewBattles.getValue() ? "&hideFewBattles=true" : "";
    csv.setHref("/api/leaderboard?" + parameters + rowFilter + "&format=csv");
    json.setHref("/api/leaderboard?" + parameters + rowFilter);
    matrixJson.setHref("/api/leaderboard/matrix?" + parameters);
  }

  private UUID campaignId() {
    return campaign.getValue() == null ? null : campaign.getValue().id();
  }

  private String campaignParameter() {
    return campaign.getValue() == null ? "" : "&campaign=" + campaign.getValue().id();
  }

  private static String encode(String value) {
    return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
  }

  private static String format(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }
}
