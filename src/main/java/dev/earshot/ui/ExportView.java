package dev.earshot.ui;

import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.earshot.security.Role;
import jakarta.annotation.security.RolesAllowed;

@Route(value = "export", layout = MainLayout.class)
@RolesAllowed(Role.RESEARCHER_NAME)
@PageTitle("Export · Earshot")
public class ExportView extends NotYetAvailableView {

  private static final long serialVersionUID = 1L;

  public ExportView() {
    super("Export", "Preference and reward data for RL trainers (TRL, OpenRLHF, LLaMA-Factory).");
  }
}
