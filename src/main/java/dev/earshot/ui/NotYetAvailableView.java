package dev.earshot.ui;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

/** A navigation entry whose feature has not landed yet: says so plainly instead of faking it. */
abstract class NotYetAvailableView extends VerticalLayout {

  private static final long serialVersionUID = 1L;

  NotYetAvailableView(String feature, String whatItWillDo) {
    add(new H2(feature), new Paragraph(feature + " is not yet available. " + whatItWillDo));
    addClassName("not-yet-available");
  }
}
