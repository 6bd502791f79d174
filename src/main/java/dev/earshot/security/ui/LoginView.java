package dev.earshot.security.ui;

import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/**
 * The login page. The form posts to Quarkus's form authentication ({@code j_security_check}), which
 * sets the login cookie and sends the browser to {@code /}, or back here with {@code ?error}.
 */
@Route("login")
@PageTitle("Log in · Earshot")
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver {

  private static final long serialVersionUID = 1L;

  private final LoginForm form = new LoginForm();

  public LoginView() {
    form.setAction("j_security_check");
    form.setForgotPasswordButtonVisible(false);
    form.setId("login");
    Paragraph hint =
        new Paragraph(
            "Accounts are made by an admin. On a fresh install the first start prints the password"
                + " of user 'admin' to the log.");
    hint.getStyle().set("max-width", "22em").set("color", "var(--lumo-secondary-text-color)");
    add(form, hint);
    setSizeFull();
    setAlignItems(FlexComponent.Alignment.CENTER);
    setJustifyContentMode(FlexComponent.JustifyContentMode.CENTER);
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    VaadinRequest request = VaadinRequest.getCurrent();
    if (request != null && request.getUserPrincipal() != null) {
      event.forwardTo(HomeView.class);
      return;
    }
    form.setError(event.getLocation().getQueryParameters().getParameters().containsKey("error"));
  }
}
