package dev.earshot.security.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.earshot.audit.AuditEvent;
import dev.earshot.audit.service.AuditLog;
import dev.earshot.security.Role;
import dev.earshot.ui.MainLayout;
import dev.earshot.ui.NavigationEntry;
import jakarta.annotation.security.RolesAllowed;
import java.time.format.DateTimeFormatter;
import java.util.stream.Collectors;

/** Admins read who did what: the newest administrative and researcher actions. */
@NavigationEntry(label = "Audit log", order = 95, icon = VaadinIcon.CLIPBOARD_TEXT)
@Route(value = "admin/audit", layout = MainLayout.class)
@PageTitle("Audit log · Earshot")
@RolesAllowed(Role.ADMIN_NAME)
public class AuditView extends VerticalLayout {

  private static final long serialVersionUID = 1L;

  /** How many events the page shows; the API pages further back. */
  static final int SHOWN = 500;

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private final transient AuditLog audit;
  private final Grid<AuditEvent> events = new Grid<>(AuditEvent.class, false);
  private final TextField actor = new TextField("Actor");
  private final TextField action = new TextField("Action");

  public AuditView(AuditLog audit) {
    this.audit = audit;
    actor.setId("audit-actor");
    action.setId("audit-action");
    action.setPlaceholder("e.g. user.role-changed");
    Button show = new Button("Show", click -> refresh());
    show.setId("audit-show");
    HorizontalLayout filters = new HorizontalLayout(actor, action, show);
    filters.setAlignItems(Alignment.BASELINE);
    filters.getStyle().set("flex-wrap", "wrap");
    configureGrid();
    add(
        new H2("Audit log"),
        new Paragraph(
            "Users, roles, tokens, reward keys, campaigns, runs, exports and arena imports, newest"
                + " first (the latest "
                + SHOWN
                + "; GET /api/audit pages further back). Secrets are never recorded."),
        filters,
        events);
    refresh();
  }

  private void configureGrid() {
    events.setId("audit-events");
    events.addColumn(e -> TIME.format(e.occurredAt())).setHeader("When (UTC)").setAutoWidth(true);
    events.addColumn(AuditEvent::actor).setHeader("Who").setAutoWidth(true);
    events.addColumn(AuditEvent::action).setHeader("What").setAutoWidth(true);
    events.addColumn(AuditEvent::target).setHeader("On").setAutoWidth(true);
    events
        .addColumn(
            e ->
                e.details().entrySet().stream()
                    .map(d -> d.getKey() + "=" + d.getValue())
                    .collect(Collectors.joining(", ")))
        .setHeader("Details")
        .setFlexGrow(1);
    events
        .addColumn(e -> e.address() == null ? "" : e.address())
        .setHeader("From")
        .setAutoWidth(true);
    events.setEmptyStateText("Nothing recorded yet for these filters.");
  }

  private void refresh() {
    events.setItems(audit.newest(null, blankToNull(actor), blankToNull(action), SHOWN));
  }

  private static String blankToNull(TextField field) {
    String value = field.getValue().strip();
    return value.isEmpty() ? null : value;
  }
}
