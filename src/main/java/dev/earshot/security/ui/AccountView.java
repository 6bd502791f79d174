package dev.earshot.security.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinRequest;
import dev.earshot.platform.error.DomainException;
import dev.earshot.security.Role;
import dev.earshot.security.service.AccountService;
import dev.earshot.security.service.AccountService.CreatedToken;
import dev.earshot.security.service.AccountService.TokenView;
import dev.earshot.security.service.AccountService.UserView;
import dev.earshot.ui.MainLayout;
import jakarta.annotation.security.PermitAll;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;

/** The user's own account: password and API tokens (created here, shown once, revocable). */
@Route(value = "account", layout = MainLayout.class)
@PageTitle("Account · Earshot")
@PermitAll
public class AccountView extends VerticalLayout {

  private static final long serialVersionUID = 1L;
  static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final transient AccountService accounts;
  private final String username;
  private final Grid<TokenView> tokens = new Grid<>(TokenView.class, false);

  public AccountView(AccountService accounts) {
    this.accounts = accounts;
    this.username = VaadinRequest.getCurrent().getUserPrincipal().getName();
    UserView me = accounts.user(username);
    add(
        new H2("Account"),
        new Paragraph(me.username() + " · " + me.role()),
        passwordSection(),
        tokenSection(Role.parse(me.role()).orElseThrow()));
    refreshTokens();
  }

  private VerticalLayout passwordSection() {
    PasswordField current = new PasswordField("Current password");
    PasswordField replacement = new PasswordField("New password (at least 10 characters)");
    Button change =
        new Button(
            "Change password",
            click -> {
              try {
                accounts.changeOwnPassword(username, current.getValue(), replacement.getValue());
                current.clear();
                replacement.clear();
                Notification.show("Password changed")
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
              } catch (DomainException e) {
                Notification.show(e.getMessage()).addThemeVariants(NotificationVariant.LUMO_ERROR);
              }
            });
    HorizontalLayout row = new HorizontalLayout(current, replacement, change);
    row.setAlignItems(Alignment.BASELINE);
    VerticalLayout section = new VerticalLayout(new H3("Password"), row);
    section.setPadding(false);
    return section;
  }

  private VerticalLayout tokenSection(Role role) {
    TextField name = new TextField("Token name");
    name.setPlaceholder("e.g. ci-export");
    name.setId("token-name");
    ComboBox<String> tokenRole = new ComboBox<>("Acts as");
    List<String> allowed = Arrays.stream(Role.values()).filter(role::covers).map(Role::id).toList();
    tokenRole.setItems(allowed);
    tokenRole.setValue(role.id());
    Button create =
        new Button(
            "Create token",
            click -> {
              try {
                CreatedToken created =
                    accounts.createToken(username, name.getValue(), tokenRole.getValue());
                name.clear();
                refreshTokens();
                showOnce(created);
              } catch (DomainException e) {
                Notification.show(e.getMessage()).addThemeVariants(NotificationVariant.LUMO_ERROR);
              }
            });
    create.setId("create-token");
    HorizontalLayout row = new HorizontalLayout(name, tokenRole, create);
    row.setAlignItems(Alignment.BASELINE);
    tokens.addColumn(TokenView::name).setHeader("Name").setAutoWidth(true);
    tokens.addColumn(TokenView::role).setHeader("Role").setAutoWidth(true);
    tokens.addColumn(t -> WHEN.format(t.createdAt())).setHeader("Created").setAutoWidth(true);
    tokens
        .addColumn(t -> t.lastUsedAt() == null ? "never" : WHEN.format(t.lastUsedAt()))
        .setHeader("Last used")
        .setAutoWidth(true);
    tokens
        .addComponentColumn(
            t -> {
              if (t.revokedAt() != null) {
                return new Paragraph("revoked " + WHEN.format(t.revokedAt()));
              }
              Button revoke =
                  new Button(
                      "Revoke",
                      click -> {
                        accounts.revokeToken(t.id(), username, false);
                        refreshTokens();
                      });
              revoke.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
              return revoke;
            })
        .setHeader("")
        .setKey("revoke");
    tokens.setAllRowsVisible(true);
    tokens.setId("tokens");
    tokens.setEmptyStateText("No API tokens yet: create one on this page to call the API.");
    VerticalLayout section =
        new VerticalLayout(
            new H3("API tokens"),
            new Paragraph(
                "For scripts and trainers: send 'Authorization: Bearer <token>'. A token is shown"
                    + " once when it is made; only its hash is kept."),
            row,
            tokens);
    section.setPadding(false);
    return section;
  }

  private void showOnce(CreatedToken created) {
    TextField secret = new TextField("Token (copy it now; it is not shown again)");
    secret.setValue(created.secret());
    secret.setReadOnly(true);
    secret.setWidthFull();
    secret.setId("token-secret");
    Dialog dialog = new Dialog(secret);
    dialog.setHeaderTitle("Token '" + created.token().name() + "' created");
    dialog.setWidth("40em");
    dialog.getFooter().add(new Button("Done", click -> dialog.close()));
    dialog.open();
  }

  private void refreshTokens() {
    tokens.setItems(accounts.tokens(username));
  }
}
