package dev.earshot.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.sidenav.SideNavItem;
import dev.earshot.dataset.ui.DatasetsView;
import dev.earshot.evaluation.ui.EvaluateView;
import dev.earshot.leaderboard.ui.LeaderboardView;
import dev.earshot.rating.ui.RateView;
import dev.earshot.security.Role;
import dev.earshot.security.ui.AccessDeniedErrorView;
import dev.earshot.security.ui.AccountView;
import dev.earshot.security.ui.HomeView;
import dev.earshot.security.ui.LoginView;
import dev.earshot.security.ui.UsersView;
import dev.earshot.testing.KaribuTest;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Who may open which view, and what the navigation offers them. */
@QuarkusTest
class NavigationViewTest extends KaribuTest {

  @Test
  void shouldSendAnonymousVisitorsToTheLoginView() {
    assertThat(navigate(HomeView.class)).isInstanceOf(LoginView.class);
    assertThat(navigate(DatasetsView.class)).isInstanceOf(LoginView.class);
    assertThat(navigate(RateView.class)).isInstanceOf(LoginView.class);
    assertThat(navigate(UsersView.class)).isInstanceOf(LoginView.class);
    assertThat(navigate(AccountView.class)).isInstanceOf(LoginView.class);
  }

  @Test
  void shouldOfferAnnotatorsOnlyRatingAndRefuseTheRest() {
    loginAs("annotator-nav", Role.ANNOTATOR);

    open(RateView.class);

    assertThat(navigationLabels()).containsExactly("Rate");
    // A new annotator has no campaigns: the empty table says where they come from.
    Grid<?> campaigns = byId(Grid.class, "my-campaigns");
    assertThat(campaigns.getGenericDataView().getItems()).isEmpty();
    assertThat(campaigns.getEmptyStateText()).contains("a researcher adds you");
    assertThat(navigate(DatasetsView.class)).isInstanceOf(AccessDeniedErrorView.class);
    assertThat(navigate(EvaluateView.class)).isInstanceOf(AccessDeniedErrorView.class);
    assertThat(navigate(UsersView.class)).isInstanceOf(AccessDeniedErrorView.class);
  }

  @Test
  void shouldShowAnnotatorsAFriendlyPageInsideTheLayoutWithALinkToRate() {
    loginAs("annotator-denied", Role.ANNOTATOR);

    assertThat(navigate(LeaderboardView.class)).isInstanceOf(AccessDeniedErrorView.class);

    assertThat(UI.getCurrent().getInternals().getActiveRouterTargetsChain())
        .anySatisfy(target -> assertThat(target).isInstanceOf(MainLayout.class));
    assertThat(navigationLabels()).containsExactly("Rate");
    Anchor rate = _get(Anchor.class, spec -> spec.withId("access-denied-rate"));
    assertThat(rate.getHref()).isEqualTo("rate");
    assertThat(_get(H2.class).getText()).isEqualTo("This page is not available to you");
  }

  @Test
  void shouldForwardAnnotatorsFromHomeToRating() {
    loginAs("annotator-home", Role.ANNOTATOR);

    assertThat(navigate(HomeView.class)).isInstanceOf(RateView.class);
  }

  @Test
  void shouldForwardResearchersFromHomeToDatasets() {
    loginAs("researcher-home", Role.RESEARCHER);

    assertThat(navigate(HomeView.class)).isInstanceOf(DatasetsView.class);
  }

  @Test
  void shouldOfferResearchersEverythingButUsers() {
    loginAs("researcher-nav", Role.RESEARCHER);

    open(LeaderboardView.class);

    assertThat(navigationLabels())
        .containsExactly(
            "Datasets",
            "Evaluate",
            "Campaigns",
            "Rate",
            "Leaderboard",
            "Codecs",
            "Export",
            "Rewards",
            "Reward models");
    assertThat(navigate(UsersView.class)).isInstanceOf(AccessDeniedErrorView.class);
  }

  @Test
  void shouldOfferAdminsTheUsers() {
    loginAs("admin-nav", Role.ADMIN);

    open(UsersView.class);

    assertThat(navigationLabels())
        .containsExactly(
            "Datasets",
            "Evaluate",
            "Campaigns",
            "Rate",
            "Leaderboard",
            "Codecs",
            "Export",
            "Rewards",
            "Reward models",
            "Users",
            "Audit log");
  }

  private static List<String> navigationLabels() {
    return _find(SideNavItem.class).stream().map(SideNavItem::getLabel).toList();
  }
}
