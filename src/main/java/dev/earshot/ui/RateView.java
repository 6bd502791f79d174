package dev.earshot.ui;

import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.earshot.security.Role;
import jakarta.annotation.security.RolesAllowed;

@Route(value = "rate", layout = MainLayout.class)
@PageTitle("Rate · Earshot")
@RolesAllowed(Role.ANNOTATOR_NAME)
public class RateView extends NotYetAvailableView {

  private static final long serialVersionUID = 1L;

  public RateView() {
    super("Rate", "Blind A/B listening for human raters, with a verdict per dimension.");
  }
}
