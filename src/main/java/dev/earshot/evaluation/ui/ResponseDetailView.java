package dev.earshot.evaluation.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.NativeLabel;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.earshot.evaluation.service.ResponseInspection;
import dev.earshot.evaluation.service.ResponseInspection.Inspection;
import dev.earshot.evaluation.service.RunViews.ScoreView;
import dev.earshot.platform.error.DomainException;
import dev.earshot.security.Role;
import dev.earshot.ui.Charts;
import dev.earshot.ui.MainLayout;
import jakarta.annotation.security.RolesAllowed;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One response: hear it next to its pitch contour and intensity (and, for a two-channel dialogue,
 * its turn-taking timeline), and read every judge's reason.
 */
@Route(value = "responses/:id", layout = MainLayout.class)
@RolesAllowed(Role.RESEARCHER_NAME)
@PageTitle("Response · Earshot")
public class ResponseDetailView extends VerticalLayout implements BeforeEnterObserver {

  private static final long serialVersionUID = 1L;

  private final transient ResponseInspection inspection;
  private final H2 title = new H2();
  // A link by route, so the evaluation feature imports no dataset view.
  private final Anchor backToDataset = new Anchor();
  private final Paragraph prompt = new Paragraph();
  private final Paragraph text = new Paragraph();
  private final Element player = new Element("audio");
  private final Div chart = new Div();
  private final H3 timelineTitle = new H3("Turn-taking timeline");
  private final Paragraph timelineNote = new Paragraph();
  private final Div timeline = new Div();
  private final Grid<ScoreView> scores = new Grid<>(ScoreView.class, false);
  private transient Inspection shown;

  public ResponseDetailView(ResponseInspection inspection) {
    this.inspection = inspection;
    player.setAttribute("controls", true);
    player.setAttribute("preload", "metadata");
    Div playerBox = new Div();
    playerBox.getElement().appendChild(player);
    chart.setId("contour-chart");
    chart.setWidthFull();
    chart.setHeight("320px");
    timeline.setId("duplex-timeline");
    timeline.setWidthFull();
    timeline.setHeight("240px");
    timelineTitle.setVisible(false);
    timelineNote.setVisible(false);
    timeline.setVisible(false);
    configureScores();
    backToDataset.setId("back-to-dataset");
    add(
        backToDataset,
        title,
        prompt,
        text,
        playerBox,
        new H3("Pitch contour and intensity"),
        chart,
        timelineTitle,
        timelineNote,
        timeline,
        new H3("Judges"),
        scores);
  }

  private void configureScores() {
    scores.addColumn(ScoreView::dimension).setHeader("Dimension").setAutoWidth(true).setFlexGrow(0);
    scores
        .addColumn(s -> String.format(Locale.ROOT, "%.2f", s.value()))
        .setHeader("Score")
        .setAutoWidth(true)
        .setFlexGrow(0);
    scores
        .addColumn(s -> s.judge() + "@" + s.judgeVersion())
        .setHeader("Judge version")
        .setAutoWidth(true)
        .setFlexGrow(0);
    scores.addColumn(ScoreView::reason).setHeader("Reason").setFlexGrow(1);
    scores.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_ROW_STRIPES);
    scores.setAllRowsVisible(true);
    scores.setId("response-scores");
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    long id;
    try {
      id = Long.parseLong(event.getRouteParameters().get("id").orElse(""));
      shown = inspection.inspect(id);
    } catch (NumberFormatException | DomainException e) {
      event.rerouteToError(IllegalArgumentException.class, "No such response");
      return;
    }
    String dataset = shown.response().dataset();
    backToDataset.setHref(
        "datasets/" + URLEncoder.encode(dataset, StandardCharsets.UTF_8).replace("+", "%20"));
    backToDataset.setText("← Back to dataset " + dataset);
    title.setText(shown.response().system() + " · " + shown.response().prompt());
    prompt.setText(
        "Prompt: " + (shown.prompt().text() == null ? "(audio only)" : shown.prompt().text()));
    text.setText(
        "Text channel: " + (shown.response().text() == null ? "(none)" : shown.response().text()));
    player.setAttribute("src", shown.response().audioUrl());
    scores.setItems(shown.scores());
    shown
        .duplex()
        .ifPresent(
            dialogue -> {
              timelineTitle.setVisible(true);
              timeline.setVisible(true);
              timelineNote.setVisible(true);
              timelineNote.setText(
                  "Channel 1 the user, channel 2 the model; speech found by "
                      + dialogue.segmenter()
                      + ". Red: both speak at once; arrows: from the end of a user turn to the"
                      + " model's answer, labelled with the latency.");
            });
    if (shown.scores().isEmpty()) {
      add(
          new NativeLabel(
              "No judge has scored this response yet: start a run on the Evaluate page."));
    }
  }

  @Override
  protected void onAttach(AttachEvent event) {
    super.onAttach(event);
    Charts.load(event.getUI());
    if (shown != null) {
      Charts.draw(chart, "earshotContourChart", shown.contour(), "");
      shown
          .duplex()
          .ifPresent(dialogue -> Charts.draw(timeline, "earshotDuplexTimeline", dialogue, ""));
    }
  }
}
