package dev.earshot.ui;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.server.AppShellSettings;

/**
 * Application shell. Our CSS is a static file linked at run time: a CSS import or theme annotation
 * would force a custom front-end bundle, which cannot be built offline here.
 */
@Push
public class AppShell implements AppShellConfigurator {

  private static final long serialVersionUID = 1L;

  @Override
  public void configurePage(AppShellSettings settings) {
    settings.setPageTitle("Earshot");
    settings.addLink("stylesheet", "/static/earshot.css");
    settings.addFavIcon("icon", "/static/favicon.svg", "any");
  }
}
