package dev.earshot.security.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNoDialogs;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.TextField;
import dev.earshot.security.Role;
import dev.earshot.security.service.AccountService;
import dev.earshot.security.service.AccountService.TokenView;
import dev.earshot.testing.Accounts;
import dev.earshot.testing.KaribuTest;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A user making and revoking their own API tokens in {@link AccountView}. */
@QuarkusTest
class AccountViewTest extends KaribuTest {

  @Inject AccountService accounts;

  private String researcher;

  @BeforeEach
  void openAsResearcher() {
    researcher = Accounts.newUser("account-view", Role.RESEARCHER_NAME);
    loginAs(researcher, Role.RESEARCHER);
    open(AccountView.class);
  }

  @Test
  void shouldShowANewTokenOnceInADialog() {
    String secret = createToken("ci-export");

    assertThat(secret).startsWith(AccountService.TOKEN_PREFIX);
    assertThat(accounts.authenticate(secret))
        .hasValueSatisfying(
            identity -> {
              assertThat(identity.username()).isEqualTo(researcher);
              assertThat(identity.role()).isEqualTo(Role.RESEARCHER);
            });
    assertThat(accounts.tokens(researcher))
        .singleElement()
        .satisfies(
            token -> {
              assertThat(token.name()).isEqualTo("ci-export");
              assertThat(token.revokedAt()).isNull();
            });

    closeDialog();

    _assertNoDialogs();
    assertThat(_find(TextField.class, spec -> spec.withValue(secret))).isEmpty();
    assertThat(tokenGrid().getGenericDataView().getItems()).hasSize(1);
  }

  @Test
  void shouldRevokeAToken() {
    String secret = createToken("to-revoke");
    closeDialog();

    _click((Button) GridKt._getCellComponent(tokenGrid(), 0, "revoke"));

    assertThat(accounts.tokens(researcher))
        .singleElement()
        .extracting(TokenView::revokedAt)
        .isNotNull();
    assertThat(accounts.authenticate(secret)).isEmpty();
    assertThat(GridKt._getCellComponent(tokenGrid(), 0, "revoke")).isNotInstanceOf(Button.class);
  }

  /** Creates a token through the form and returns the secret its dialog shows. */
  private static String createToken(String name) {
    _setValue(_get(TextField.class, spec -> spec.withId("token-name")), name);
    _click(_get(Button.class, spec -> spec.withId("create-token")));
    TextField secret =
        _get(_get(Dialog.class), TextField.class, spec -> spec.withId("token-secret"));
    assertThat(secret.isReadOnly()).isTrue();
    return secret.getValue();
  }

  private static void closeDialog() {
    _click(_get(Button.class, spec -> spec.withText("Done")));
  }

  private static Grid<TokenView> tokenGrid() {
    return byId(Grid.class, "tokens");
  }
}
