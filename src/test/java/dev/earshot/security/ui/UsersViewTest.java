package dev.earshot.security.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import dev.earshot.security.Role;
import dev.earshot.security.service.AccountService;
import dev.earshot.security.service.AccountService.UserView;
import dev.earshot.testing.Accounts;
import dev.earshot.testing.KaribuTest;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An admin managing accounts in {@link UsersView}. */
@QuarkusTest
class UsersViewTest extends KaribuTest {

  @Inject AccountService accounts;

  @BeforeEach
  void openAsAdmin() {
    loginAs("admin-users-view", Role.ADMIN);
    open(UsersView.class);
  }

  @Test
  void shouldCreateAUserWithTheChosenRole() {
    String username = "created-in-view-" + System.nanoTime();

    fillAndCreate(username, Accounts.PASSWORD, Role.RESEARCHER_NAME);

    assertThat(accounts.user(username).role()).isEqualTo(Role.RESEARCHER_NAME);
    assertThat(notifications()).containsExactly("Created " + username);
    assertThat(_get(TextField.class, spec -> spec.withId("new-username")).getValue()).isEmpty();
    assertThat(listedUsernames()).contains(username);
  }

  @Test
  void shouldShowWhyAShortPasswordIsRefusedAndCreateNothing() {
    String username = "short-password-" + System.nanoTime();

    fillAndCreate(username, "too-short", Role.ANNOTATOR_NAME);

    assertThat(notifications())
        .singleElement()
        .asString()
        .contains("password must have at least 10 characters");
    assertThat(accounts.users()).extracting(UserView::username).doesNotContain(username);
    assertThat(listedUsernames()).doesNotContain(username);
  }

  private static void fillAndCreate(String username, String password, String role) {
    _setValue(_get(TextField.class, spec -> spec.withId("new-username")), username);
    _setValue(_get(PasswordField.class, spec -> spec.withId("new-password")), password);
    ComboBox<String> roles = byId(ComboBox.class, "new-role");
    _setValue(roles, role);
    _click(_get(Button.class, spec -> spec.withText("Create user")));
  }

  private static List<String> listedUsernames() {
    Grid<UserView> users = byId(Grid.class, "users");
    return IntStream.range(0, GridKt._size(users))
        .mapToObj(row -> GridKt._get(users, row).username())
        .toList();
  }
}
