package dev.earshot.security.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.TextField;
import dev.earshot.audit.AuditEvent;
import dev.earshot.security.Role;
import dev.earshot.testing.Accounts;
import dev.earshot.testing.KaribuTest;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** An admin reading the audit log in {@link AuditView}. */
@QuarkusTest
class AuditViewTest extends KaribuTest {

  @Test
  void shouldListActionsAndFilterThemByAction() {
    String created = Accounts.newUser("seen-in-audit", "annotator");
    loginAs("admin-audit-view", Role.ADMIN);
    open(AuditView.class);

    assertThat(shownTargets()).contains(created);

    _setValue(_get(TextField.class, spec -> spec.withId("audit-action")), "user.deleted");
    _click(_get(Button.class, spec -> spec.withId("audit-show")));

    assertThat(shownTargets()).doesNotContain(created);
  }

  private static List<String> shownTargets() {
    Grid<AuditEvent> grid = byId(Grid.class, "audit-events");
    return IntStream.range(0, GridKt._size(grid))
        .mapToObj(i -> GridKt._get(grid, i).target())
        .toList();
  }
}
