package dev.earshot.rating.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.earshot.platform.error.DomainException;
import dev.earshot.rating.quality.RaterQuality.Report;
import dev.earshot.rating.service.CampaignService;
import dev.earshot.rating.service.CampaignViews.CampaignDetail;
import dev.earshot.rating.service.CampaignViews.PairProgress;
import dev.earshot.security.Role;
import dev.earshot.ui.MainLayout;
import jakarta.annotation.security.RolesAllowed;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A campaign as its researcher watches it: votes arriving per pair and dimension (refreshed every
 * few seconds), and each rater's gold accuracy, agreement with the majority and pace.
 */
@Route(value = "campaigns/:id", layout = MainLayout.class)
@PageTitle("Campaign · Earshot")
@RolesAllowed(Role.RESEARCHER_NAME)
public class CampaignDetailView extends VerticalLayout implements BeforeEnterObserver {

  private static final long serialVersionUID = 1L;
  private static final int REFRESH_MILLIS = 5000;

  private final transient CampaignService campaigns;
  private UUID id;
  private final H2 title = new H2();
  private final Paragraph summary = new Paragraph();
  private final ProgressBar progress = new ProgressBar();
  private final Grid<Report> raters = new Grid<>(Report.class, false);
  private final Grid<PairProgress> pairs = new Grid<>(PairProgress.class, false);

  public CampaignDetailView(CampaignService campaigns) {
    this.campaigns = campaigns;
    summary.setId("campaign-summary");
    configureGrids();
    add(title, summary, progress, new H3("Raters"), raters, new H3("Pairs"), pairs);
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    try {
      id = UUID.fromString(event.getRouteParameters().get("id").orElse(""));
      refresh();
    } catch (IllegalArgumentException | DomainException e) {
      removeAll();
      add(new H2("No such campaign"));
    }
  }

  private void configureGrids() {
    raters.addColumn(Report::rater).setHeader("Rater").setAutoWidth(true);
    raters.addColumn(Report::items).setHeader("Pairs rated").setAutoWidth(true);
    raters
        .addColumn(r -> share(r.goldAccuracy()) + " of " + r.goldVotes())
        .setHeader("Gold accuracy")
        .setAutoWidth(true);
    raters
        .addColumn(r -> share(r.majorityAgreement()) + " of " + r.comparedWithMajority())
        .setHeader("Agrees with majority")
        .setAutoWidth(true);
    raters
        .addColumn(r -> String.format(Locale.ROOT, "%.1f s", r.medianSecondsPerItem()))
        .setHeader("Median time per item")
        .setAutoWidth(true);
    raters.setAllRowsVisible(true);
    raters.setId("campaign-raters");
    pairs.addColumn(PairProgress::prompt).setHeader("Prompt").setAutoWidth(true);
    pairs.addColumn(PairProgress::systemX).setHeader("x").setAutoWidth(true);
    pairs.addColumn(PairProgress::systemY).setHeader("y").setAutoWidth(true);
    pairs.addColumn(p -> p.gold() ? "gold" : "").setHeader("").setAutoWidth(true);
    pairs.addColumn(PairProgress::votes).setHeader("Votes").setAutoWidth(true);
    pairs
        .addColumn(
            p ->
                p.perDimension().entrySet().stream()
                    .map(d -> d.getKey() + ": " + d.getValue())
                    .collect(Collectors.joining("; ")))
        .setHeader("Preferences per dimension")
        .setFlexGrow(1);
    pairs.setPageSize(50);
    pairs.setHeight("30em");
    pairs.setId("campaign-pairs");
  }

  private void refreshIfShown() {
    if (id != null) {
      refresh();
    }
  }

  private void refresh() {
    CampaignDetail detail = campaigns.detail(id);
    title.setText(detail.campaign().name());
    summary.removeAll();
    summary.add(
        detail.campaign().votes()
            + " of "
            + detail.campaign().votesWanted()
            + " votes · "
            + detail.campaign().pairs()
            + " pairs · "
            + String.join(", ", detail.campaign().dimensions())
            + " · "
            + detail.campaign().status()
            + " · ");
    summary.add(new Anchor("/api/votes?campaign=" + id, "votes as JSON"));
    progress.setValue(
        detail.campaign().votesWanted() == 0
            ? 0
            : (double) detail.campaign().votes() / detail.campaign().votesWanted());
    raters.setItems(detail.raters());
    pairs.setItems(detail.pairs());
  }

  private static String share(Double value) {
    return value == null ? "–" : String.format(Locale.ROOT, "%.0f %%", value * 100);
  }
}
