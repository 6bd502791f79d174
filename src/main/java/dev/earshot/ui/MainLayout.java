package dev.earshot.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.auth.AccessAnnotationChecker;
import com.vaadin.flow.theme.lumo.LumoUtility;
import dev.earshot.dataset.ui.DatasetsView;
import dev.earshot.evaluation.ui.EvaluateView;
import dev.earshot.export.ui.ExportView;
import dev.earshot.leaderboard.ui.LeaderboardView;
import dev.earshot.rating.ui.CampaignsView;
import dev.earshot.rating.ui.RateView;
import dev.earshot.reward.ui.RewardModelsView;
import dev.earshot.reward.ui.RewardProfilesView;
import dev.earshot.security.ui.AccountView;
import dev.earshot.security.ui.UsersView;
import jakarta.annotation.security.PermitAll;
import java.security.Principal;
import java.util.List;

/**
 * The shell around every view: title bar with the user and log-out, and a navigation drawer that
 * lists only the views the user may open (an annotator sees only "Rate").
 */
@PermitAll
public class MainLayout extends AppLayout {

  private static final long serialVersionUID = 1L;

  private record Entry(String label, Class<? extends Component> view, VaadinIcon icon) {}

  private static final List<Entry> ENTRIES =
      List.of(
          new Entry("Datasets", DatasetsView.class, VaadinIcon.DATABASE),
          new Entry("Evaluate", EvaluateView.class, VaadinIcon.CHART_LINE),
          new Entry("Campaigns", CampaignsView.class, VaadinIcon.GROUP),
          new Entry("Rate", RateView.class, VaadinIcon.HEADPHONES),
          new Entry("Leaderboard", LeaderboardView.class, VaadinIcon.TROPHY),
          new Entry("Export", ExportView.class, VaadinIcon.DOWNLOAD),
          new Entry("Rewards", RewardProfilesView.class, VaadinIcon.COINS),
          new Entry("Reward models", RewardModelsView.class, VaadinIcon.ACADEMY_CAP),
          new Entry("Users", UsersView.class, VaadinIcon.USERS));

  public MainLayout() {
    H1 title = new H1("Earshot");
    title.addClassNames(LumoUtility.FontSize.LARGE, LumoUtility.Margin.NONE);
    HorizontalLayout bar = new HorizontalLayout(new DrawerToggle(), title, userMenu());
    bar.setWidthFull();
    bar.setAlignItems(FlexComponent.Alignment.CENTER);
    bar.expand(title);
    bar.getStyle().set("padding-right", "var(--lumo-space-m)");
    addToNavbar(bar);
    addToDrawer(navigation());
    setPrimarySection(Section.DRAWER);
  }

  private static SideNav navigation() {
    AccessAnnotationChecker access = new AccessAnnotationChecker();
    SideNav nav = new SideNav();
    nav.setId("navigation");
    ENTRIES.stream()
        .filter(e -> access.hasAccess(e.view()))
        .forEach(e -> nav.addItem(new SideNavItem(e.label(), e.view(), e.icon().create())));
    return nav;
  }

  private static HorizontalLayout userMenu() {
    Principal user = VaadinRequest.getCurrent().getUserPrincipal();
    RouterLink account = new RouterLink(user == null ? "" : user.getName(), AccountView.class);
    account.setId("account-link");
    // A real request, not a router navigation: the log-out servlet must clear the cookie.
    Anchor logout = new Anchor("/logout", "Log out");
    logout.setRouterIgnore(true);
    logout.setId("logout");
    HorizontalLayout menu =
        new HorizontalLayout(VaadinIcon.USER.create(), account, new Span("·"), logout);
    menu.setAlignItems(FlexComponent.Alignment.CENTER);
    return menu;
  }
}
