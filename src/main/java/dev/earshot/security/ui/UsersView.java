package dev.earshot.security.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.earshot.platform.error.DomainException;
import dev.earshot.security.Role;
import dev.earshot.security.service.AccountService;
import dev.earshot.security.service.AccountService.UserView;
import dev.earshot.ui.MainLayout;
import dev.earshot.ui.NavigationEntry;
import jakarta.annotation.security.RolesAllowed;

/** Admins create users, change their roles and passwords, and delete them. */
@NavigationEntry(label = "Users", order = 90, icon = VaadinIcon.USERS)
@Route(value = "admin/users", layout = MainLayout.class)
@PageTitle("Users · Earshot")
@RolesAllowed(Role.ADMIN_NAME)
public class UsersView extends VerticalLayout {

  private static final long serialVersionUID = 1L;

  private final transient AccountService accounts;
  private final Grid<UserView> users = new Grid<>(UserView.class, false);

  public UsersView(AccountService accounts) {
    this.accounts = accounts;
    configureGrid();
    add(new H2("Users"), createForm(), users);
    refresh();
  }

  private HorizontalLayout createForm() {
    TextField username = new TextField("Username");
    username.setId("new-username");
    PasswordField password = new PasswordField("Password (at least 10 characters)");
    password.setId("new-password");
    ComboBox<String> role = new ComboBox<>("Role", Role.ids());
    role.setValue(Role.ANNOTATOR.id());
    role.setId("new-role");
    Button create =
        new Button(
            "Create user",
            click ->
                act(
                    () -> {
                      accounts.createUser(
                          username.getValue(), password.getValue(), role.getValue());
                      Notification.show("Created " + username.getValue())
                          .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                      username.clear();
                      password.clear();
                    }));
    create.setId("create-user");
    create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    HorizontalLayout form = new HorizontalLayout(username, password, role, create);
    form.setAlignItems(Alignment.BASELINE);
    VerticalLayout wrapper = new VerticalLayout(new H3("New user"), form);
    wrapper.setPadding(false);
    return new HorizontalLayout(wrapper);
  }

  private void configureGrid() {
    users.addColumn(UserView::username).setHeader("Username").setAutoWidth(true);
    users
        .addComponentColumn(
            u -> {
              ComboBox<String> role = new ComboBox<>();
              role.setItems(Role.ids());
              role.setValue(u.role());
              role.addValueChangeListener(
                  change -> {
                    if (change.isFromClient()) {
                      act(() -> accounts.changeRole(u.username(), change.getValue()));
                    }
                  });
              return role;
            })
        .setHeader("Role")
        .setAutoWidth(true);
    users
        .addColumn(u -> AccountView.WHEN.format(u.createdAt()))
        .setHeader("Created")
        .setAutoWidth(true);
    users
        .addComponentColumn(
            u -> {
              PasswordField password = new PasswordField();
              password.setPlaceholder("new password");
              Button reset =
                  new Button(
                      "Set",
                      click ->
                          act(
                              () -> {
                                accounts.changePassword(u.username(), password.getValue());
                                Notification.show("Password of " + u.username() + " changed");
                              }));
              reset.addThemeVariants(ButtonVariant.LUMO_SMALL);
              HorizontalLayout row = new HorizontalLayout(password, reset);
              row.setAlignItems(Alignment.BASELINE);
              return row;
            })
        .setHeader("Password")
        .setAutoWidth(true);
    users
        .addComponentColumn(
            u -> {
              Button delete =
                  new Button("Delete", click -> act(() -> accounts.deleteUser(u.username())));
              delete.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
              return delete;
            })
        .setHeader("");
    users.setAllRowsVisible(true);
    users.setId("users");
  }

  /** Runs an account change, shows why it was refused, and re-reads the list either way. */
  private void act(Runnable change) {
    try {
      change.run();
    } catch (DomainException e) {
      Notification.show(e.getMessage()).addThemeVariants(NotificationVariant.LUMO_ERROR);
    }
    refresh();
  }

  private void refresh() {
    users.setItems(accounts.users());
  }
}
