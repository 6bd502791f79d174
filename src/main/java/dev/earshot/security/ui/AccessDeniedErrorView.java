package dev.earshot.security.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.AccessDeniedException;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.ParentLayout;
import dev.earshot.ui.MainLayout;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletResponse;

/**
 * What a signed-in user sees on a page their role may not open: a page inside the usual layout with
 * a way on, instead of Vaadin's bare "Could not navigate". Anonymous visitors never get here; they
 * are sent to the login view first.
 */
@ParentLayout(MainLayout.class)
@PageTitle("Not available · Earshot")
@PermitAll
public class AccessDeniedErrorView extends VerticalLayout
    implements HasErrorParameter<AccessDeniedException> {

  private static final long serialVersionUID = 1L;

  public AccessDeniedErrorView() {
    setId("access-denied");
    // Links by route, so the security feature imports no other feature's views.
    Anchor rate = new Anchor("rate", "Go to Rate");
    rate.setId("access-denied-rate");
    Anchor home = new Anchor("", "Start page");
    add(
        new H2("This page is not available to you"),
        new Paragraph(
            "Your account has no access to this page. Annotators rate on the Rate page; ask an"
                + " administrator if you need a researcher's pages."),
        rate,
        home);
  }

  @Override
  public int setErrorParameter(
      BeforeEnterEvent event, ErrorParameter<AccessDeniedException> parameter) {
    return HttpServletResponse.SC_FORBIDDEN;
  }
}
