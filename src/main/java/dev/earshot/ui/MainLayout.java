package dev.earshot.ui;

import com.vaadin.flow.component.Html;
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
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.router.RouteData;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.auth.AccessAnnotationChecker;
import com.vaadin.flow.theme.lumo.LumoUtility;
import jakarta.annotation.security.PermitAll;
import java.security.Principal;
import java.util.Comparator;

/**
 * The shell around every view: title bar with the user and log-out, and a navigation drawer that
 * lists only the views the user may open (an annotator sees only "Rate"). The drawer lists the
 * registered routes marked with {@link NavigationEntry}, so the shell imports no feature.
 */
@PermitAll
public class MainLayout extends AppLayout {

  private static final long serialVersionUID = 1L;

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
    RouteConfiguration.forApplicationScope().getAvailableRoutes().stream()
        .map(RouteData::getNavigationTarget)
        .filter(view -> view.isAnnotationPresent(NavigationEntry.class))
        .filter(access::hasAccess)
        .distinct()
        .sorted(Comparator.comparingInt(view -> view.getAnnotation(NavigationEntry.class).order()))
        .forEach(
            view -> {
              NavigationEntry entry = view.getAnnotation(NavigationEntry.class);
              nav.addItem(new SideNavItem(entry.label(), view, entry.icon().create()));
            });
    return nav;
  }

  private static HorizontalLayout userMenu() {
    Principal user = VaadinRequest.getCurrent().getUserPrincipal();
    // A router-handled link by route, so the shell does not import the security feature's views.
    Anchor account = new Anchor("account", user == null ? "" : user.getName());
    account.setId("account-link");
    // A real POST, not a router navigation or a link: the log-out servlet must clear the cookies,
    // and logging out by GET would let any page elsewhere do it.
    Html logout =
        new Html(
            "<form method=\"post\" action=\"/logout\" style=\"margin:0\"><button id=\"logout\""
                + " type=\"submit\" style=\"background:none;border:none;padding:0;cursor:pointer;"
                + "color:var(--lumo-primary-text-color);font:inherit\">Log out</button></form>");
    HorizontalLayout menu =
        new HorizontalLayout(VaadinIcon.USER.create(), account, new Span("·"), logout);
    menu.setAlignItems(FlexComponent.Alignment.CENTER);
    return menu;
  }
}
