package dev.earshot.ui;

import com.vaadin.flow.component.icon.VaadinIcon;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Puts a routed view into the navigation drawer of {@link MainLayout}. Views declare it themselves,
 * so the shell lists features without importing them (features import the shell, never the other
 * way round).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface NavigationEntry {

  /** The label in the drawer. */
  String label();

  /** Position in the drawer, ascending. */
  int order();

  VaadinIcon icon();
}
