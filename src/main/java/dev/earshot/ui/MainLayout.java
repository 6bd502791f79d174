package dev.earshot.ui;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.theme.lumo.LumoUtility;
import dev.earshot.dataset.ui.DatasetsView;
import dev.earshot.evaluation.ui.EvaluateView;
import dev.earshot.leaderboard.ui.LeaderboardView;
import dev.earshot.reward.ui.RewardProfilesView;

/** The shell around every view: title bar and navigation drawer. */
public class MainLayout extends AppLayout {

  private static final long serialVersionUID = 1L;

  public MainLayout() {
    H1 title = new H1("Earshot");
    title.addClassNames(LumoUtility.FontSize.LARGE, LumoUtility.Margin.NONE);
    addToNavbar(new DrawerToggle(), title);
    addToDrawer(navigation());
    setPrimarySection(Section.DRAWER);
  }

  private static SideNav navigation() {
    SideNav nav = new SideNav();
    nav.addItem(
        new SideNavItem("Datasets", DatasetsView.class, VaadinIcon.DATABASE.create()),
        new SideNavItem("Evaluate", EvaluateView.class, VaadinIcon.CHART_LINE.create()),
        new SideNavItem("Rate", RateView.class, VaadinIcon.HEADPHONES.create()),
        new SideNavItem("Leaderboard", LeaderboardView.class, VaadinIcon.TROPHY.create()),
        new SideNavItem("Export", ExportView.class, VaadinIcon.DOWNLOAD.create()),
        new SideNavItem("Rewards", RewardProfilesView.class, VaadinIcon.COINS.create()));
    return nav;
  }
}
