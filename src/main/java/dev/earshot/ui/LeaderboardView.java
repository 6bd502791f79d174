package dev.earshot.ui;

import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

@Route(value = "leaderboard", layout = MainLayout.class)
@PageTitle("Leaderboard · Earshot")
public class LeaderboardView extends NotYetAvailableView {

  private static final long serialVersionUID = 1L;

  public LeaderboardView() {
    super(
        "Leaderboard", "Bradley–Terry ratings with confidence intervals per dimension and source.");
  }
}
