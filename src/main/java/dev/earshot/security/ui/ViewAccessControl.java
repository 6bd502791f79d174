package dev.earshot.security.ui;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.auth.NavigationAccessControl;

/**
 * Enforces the access annotations of every view ({@code @RolesAllowed}, {@code @PermitAll},
 * {@code @AnonymousAllowed}) and sends anonymous visitors to the login view. The Vaadin Quarkus
 * extension has no security integration of its own, so this is Vaadin's plain-servlet recipe,
 * registered in {@code META-INF/services}.
 */
public class ViewAccessControl implements VaadinServiceInitListener {

  private static final long serialVersionUID = 1L;

  @Override
  public void serviceInit(ServiceInitEvent event) {
    NavigationAccessControl accessControl = new NavigationAccessControl();
    accessControl.setLoginView(LoginView.class);
    event.getSource().addUIInitListener(ui -> ui.getUI().addBeforeEnterListener(accessControl));
  }
}
