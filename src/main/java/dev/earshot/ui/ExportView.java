package dev.earshot.ui;

import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

@Route(value = "export", layout = MainLayout.class)
@PageTitle("Export · Earshot")
public class ExportView extends NotYetAvailableView {

  private static final long serialVersionUID = 1L;

  public ExportView() {
    super("Export", "Preference and reward data for RL trainers (TRL, OpenRLHF, LLaMA-Factory).");
  }
}
