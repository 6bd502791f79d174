package dev.earshot.rating.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.server.VaadinRequest;
import dev.earshot.rating.service.RatingService;
import dev.earshot.rating.service.RatingService.RaterCampaign;
import dev.earshot.security.Role;
import dev.earshot.ui.MainLayout;
import dev.earshot.ui.NavigationEntry;
import jakarta.annotation.security.RolesAllowed;

/** A rater's campaigns with how far they are in each; rating resumes where they stopped. */
@NavigationEntry(label = "Rate", order = 40, icon = VaadinIcon.HEADPHONES)
@Route(value = "rate", layout = MainLayout.class)
@PageTitle("Rate · Earshot")
@RolesAllowed(Role.ANNOTATOR_NAME)
public class RateView extends VerticalLayout {

  private static final long serialVersionUID = 1L;

  public RateView(RatingService rating) {
    String rater = VaadinRequest.getCurrent().getUserPrincipal().getName();
    Grid<RaterCampaign> grid = new Grid<>(RaterCampaign.class, false);
    grid.addColumn(RaterCampaign::name).setHeader("Campaign").setAutoWidth(true);
    grid.addColumn(r -> String.join(", ", r.dimensions())).setHeader("Dimensions");
    grid.addColumn(r -> r.voted() + " of " + r.total())
        .setHeader("Your progress")
        .setAutoWidth(true);
    grid.addColumn(RaterCampaign::status).setHeader("Status").setAutoWidth(true);
    grid.addComponentColumn(
            r -> {
              Button rate =
                  new Button(
                      r.voted() == 0 ? "Start" : "Continue",
                      click ->
                          getUI()
                              .ifPresent(
                                  ui ->
                                      ui.navigate(
                                          RatingView.class,
                                          new RouteParameters("campaign", r.id().toString()))));
              rate.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
              rate.setEnabled("active".equals(r.status()));
              return rate;
            })
        .setHeader("");
    grid.setItems(rating.campaignsOf(rater));
    grid.setAllRowsVisible(true);
    grid.setId("my-campaigns");
    grid.setEmptyStateText(
        "No campaigns for you yet: a researcher adds you to one on the Campaigns page.");
    add(
        new H2("Rate"),
        new Paragraph(
            "Your rating campaigns. You can stop at any time: the pair you were on waits for you."),
        grid);
  }
}
