package dev.earshot.security.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinRequest;
import dev.earshot.security.Role;
import dev.earshot.ui.MainLayout;
import jakarta.annotation.security.PermitAll;

/**
 * Where a login lands: annotators go to rating, everyone else to the datasets. Forwards by route,
 * so that security imports neither the dataset nor the rating feature.
 */
@Route(value = "", layout = MainLayout.class)
@PermitAll
public class HomeView extends Div implements BeforeEnterObserver {

  private static final long serialVersionUID = 1L;

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    boolean researcher = VaadinRequest.getCurrent().isUserInRole(Role.RESEARCHER_NAME);
    event.forwardTo(researcher ? "datasets" : "rate");
  }
}
