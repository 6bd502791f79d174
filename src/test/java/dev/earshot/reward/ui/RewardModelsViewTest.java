package dev.earshot.reward.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.PollEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import dev.earshot.reward.rest.RewardModelProfile;
import dev.earshot.reward.service.RewardModelTrainingService;
import dev.earshot.reward.service.RewardModelViews.TrainingView;
import dev.earshot.security.Role;
import dev.earshot.testing.KaribuTest;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A researcher trains a reward model from the form and sees its result in the list. Under the
 * reward-model profile, as PyTorch loads in one test profile only.
 */
@QuarkusTest
@TestProfile(RewardModelProfile.class)
class RewardModelsViewTest extends KaribuTest {

  @Inject RewardModelTrainingService trainings;

  @Test
  void shouldTrainFromTheFormAndShowTheAccuracies() {
    loginAs("reward-model-researcher", Role.RESEARCHER);
    open(RewardModelsView.class);
    assertThat(byId(TextField.class, "reward-model-source").getValue()).isEqualTo("humans");
    assertThat(byId(IntegerField.class, "reward-model-steps").getValue()).isEqualTo(200);

    byId(TextField.class, "reward-model-name").setValue("view-preference");
    ComboBox<String> dataset = byId(ComboBox.class, "reward-model-dataset");
    dataset.setValue("demo");
    byId(IntegerField.class, "reward-model-steps").setValue(20);
    // The demo's votes are simulated: people's votes (the default) are not enough to train on.
    byId(TextField.class, "reward-model-source").setValue("simulated");
    _click(_get(Button.class, spec -> spec.withId("reward-model-train")));

    TrainingView started = trainings.list().get(0);
    assertThat(started.config().name()).isEqualTo("view-preference");
    assertThat(started.config().source()).isEqualTo("simulated");
    assertThat(started.config().dataset()).isEqualTo("demo");
    assertThat(started.config().hiddenUnits()).isEqualTo(32);
    assertThat(notifications())
        .contains("Training " + started.id() + " of 'view-preference' started");

    TrainingView finished = awaitFinished(started.id());
    assertThat(finished.status()).as(String.valueOf(finished.error())).isEqualTo("succeeded");
    // The view refreshes itself on the UI's poll.
    ComponentUtil.fireEvent(UI.getCurrent(), new PollEvent(UI.getCurrent(), true));

    Grid<TrainingView> grid = byId(Grid.class, "reward-model-trainings");
    int row =
        IntStream.range(0, GridKt._size(grid))
            .filter(i -> GridKt._get(grid, i).id() == started.id())
            .findFirst()
            .orElseThrow();
    assertThat(GridKt._getFormatted(grid, row, "status")).isEqualTo("succeeded");
    VerticalLayout progress = (VerticalLayout) GridKt._getCellComponent(grid, row, "progress");
    assertThat(_get(progress, ProgressBar.class).getValue()).isEqualTo(20);
    assertThat(_get(progress, Span.class).getText()).isEqualTo("20 / 20");
    assertThat(GridKt._getFormatted(grid, row, "network-accuracy"))
        .isEqualTo(percent(finished.metrics().network().heldOutAccuracy()));
    assertThat(GridKt._getFormatted(grid, row, "linear-accuracy"))
        .isEqualTo(percent(finished.metrics().linear().heldOutAccuracy()));
    assertThat(GridKt._getFormatted(grid, row, "judge"))
        .isEqualTo(finished.judge())
        .startsWith("view-preference@");
  }

  @Test
  void shouldShowTheProblemOfABadFormAndStartNothing() {
    loginAs("reward-model-careless", Role.RESEARCHER);
    open(RewardModelsView.class);
    int before = trainings.list().size();

    _click(_get(Button.class, spec -> spec.withId("reward-model-train")));

    assertThat(notifications()).anySatisfy(text -> assertThat(text).startsWith("name must be"));
    assertThat(trainings.list()).hasSize(before);
  }

  private static String percent(double share) {
    return String.format(Locale.ROOT, "%.1f%%", 100 * share);
  }

  private TrainingView awaitFinished(long id) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(300));
    while (Instant.now().isBefore(deadline)) {
      TrainingView training = trainings.get(id);
      if (!training.status().equals("queued") && !training.status().equals("running")) {
        return training;
      }
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new AssertionError("training " + id + " did not finish in 300 s");
  }
}
