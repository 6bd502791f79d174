package dev.earshot.reward.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.earshot.dataset.manifest.VoteLine;
import dev.earshot.dataset.service.DatasetService;
import dev.earshot.dataset.service.DatasetViews.DatasetSummary;
import dev.earshot.platform.error.DomainException;
import dev.earshot.reward.TrainingMetrics;
import dev.earshot.reward.TrainingMetrics.Accuracy;
import dev.earshot.reward.service.RewardModelTrainingService;
import dev.earshot.reward.service.RewardModelViews.NewRewardModel;
import dev.earshot.reward.service.RewardModelViews.TrainingView;
import dev.earshot.security.Role;
import dev.earshot.ui.MainLayout;
import dev.earshot.ui.NavigationEntry;
import dev.earshot.ui.Polling;
import jakarta.annotation.security.RolesAllowed;
import java.util.Locale;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Researchers train reward models from preference pairs and follow each training: its progress, the
 * held-out accuracy of the network against the linear baseline, and the judge it became.
 */
@NavigationEntry(label = "Reward models", order = 80, icon = VaadinIcon.ACADEMY_CAP)
@Route(value = "reward-models", layout = MainLayout.class)
@PageTitle("Reward models · Earshot")
@RolesAllowed(Role.RESEARCHER_NAME)
public class RewardModelsView extends VerticalLayout {

  private static final long serialVersionUID = 1L;

  private static final int POLL_MILLIS = 1000;

  private final transient RewardModelTrainingService trainings;

  private final TextField name = new TextField("Name (judge id)");
  private final ComboBox<String> dataset = new ComboBox<>("Dataset");
  private final ComboBox<String> dimension = new ComboBox<>("Dimension");
  private final TextField source = new TextField("Source of the preferences");
  private final IntegerField steps = new IntegerField("Steps");
  private final IntegerField hiddenUnits = new IntegerField("Hidden units");
  private final NumberField learningRate = new NumberField("Learning rate");
  private final NumberField holdoutFraction = new NumberField("Held-out share of prompts");
  private final IntegerField seed = new IntegerField("Seed");
  private final Grid<TrainingView> grid = new Grid<>(TrainingView.class, false);

  public RewardModelsView(RewardModelTrainingService trainings, DatasetService datasets) {
    this.trainings = trainings;
    configureForm(datasets);
    configureGrid();
    add(
        new H2("Reward models"),
        new Paragraph(
            "A reward model learns which of two responses the preferences favour (Bradley–Terry),"
                + " from per-response features, and becomes a judge of that name. A linear model"
                + " on the same features is trained alongside as a baseline; both are measured on"
                + " the pairs of held-out prompts."),
        new H3("New training"),
        form(),
        new H3("Trainings"),
        grid);
    refresh();
    Polling.whileAttached(this, POLL_MILLIS, this::refresh);
  }

  private void configureForm(DatasetService datasets) {
    name.setPlaceholder("e.g. demo-preference");
    name.setId("reward-model-name");
    dataset.setItems(datasets.list().stream().map(DatasetSummary::name).toList());
    dataset.setClearButtonVisible(true);
    dataset.setPlaceholder("every dataset");
    dataset.setId("reward-model-dataset");
    dimension.setItems(new TreeSet<>(VoteLine.DIMENSIONS));
    dimension.setValue(RewardModelTrainingService.DEFAULT_DIMENSION);
    dimension.setId("reward-model-dimension");
    source.setValue(RewardModelTrainingService.DEFAULT_SOURCE);
    source.setHelperText(
        "humans (people only), simulated (simulated raters, e.g. the demo's), judges,"
            + " judge:<id>, judge:<id>@<version>, rater:<name> or simulated:<name>");
    source.setId("reward-model-source");
    steps.setValue(RewardModelTrainingService.DEFAULT_STEPS);
    steps.setMin(1);
    steps.setMax(RewardModelTrainingService.MAX_STEPS);
    steps.setHelperText("Adam steps of 64 pairs each");
    steps.setId("reward-model-steps");
    hiddenUnits.setValue(RewardModelTrainingService.DEFAULT_HIDDEN_UNITS);
    hiddenUnits.setMin(1);
    hiddenUnits.setMax(RewardModelTrainingService.MAX_HIDDEN_UNITS);
    hiddenUnits.setId("reward-model-hidden-units");
    learningRate.setValue(RewardModelTrainingService.DEFAULT_LEARNING_RATE);
    learningRate.setStep(0.001);
    learningRate.setId("reward-model-learning-rate");
    holdoutFraction.setValue(RewardModelTrainingService.DEFAULT_HOLDOUT_FRACTION);
    holdoutFraction.setMin(0);
    holdoutFraction.setMax(RewardModelTrainingService.MAX_HOLDOUT_FRACTION);
    holdoutFraction.setStep(0.05);
    holdoutFraction.setId("reward-model-holdout");
    seed.setValue((int) RewardModelTrainingService.DEFAULT_SEED);
    seed.setId("reward-model-seed");
  }

  private FormLayout form() {
    Button train = new Button("Train", click -> train());
    train.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    train.setId("reward-model-train");
    return new FormLayout(
        name,
        dataset,
        dimension,
        source,
        steps,
        hiddenUnits,
        learningRate,
        holdoutFraction,
        seed,
        train);
  }

  private void configureGrid() {
    grid.addColumn(TrainingView::id).setHeader("Id").setAutoWidth(true).setFlexGrow(0);
    grid.addColumn(t -> t.config().name()).setHeader("Name").setAutoWidth(true);
    grid.addColumn(t -> t.config().dataset() == null ? "all" : t.config().dataset())
        .setHeader("Dataset")
        .setAutoWidth(true);
    grid.addColumn(t -> t.config().dimension() + " · " + t.config().source())
        .setHeader("Preferences")
        .setAutoWidth(true);
    grid.addColumn(TrainingView::status).setHeader("Status").setKey("status").setAutoWidth(true);
    grid.addComponentColumn(RewardModelsView::progress)
        .setHeader("Steps")
        .setKey("progress")
        .setWidth("12em")
        .setFlexGrow(0);
    grid.addColumn(t -> heldOut(t, TrainingMetrics::network))
        .setHeader("Held-out accuracy")
        .setKey("network-accuracy")
        .setAutoWidth(true);
    grid.addColumn(t -> heldOut(t, TrainingMetrics::linear))
        .setHeader("Linear baseline")
        .setKey("linear-accuracy")
        .setAutoWidth(true);
    grid.addColumn(TrainingView::judge).setHeader("Judge").setKey("judge").setAutoWidth(true);
    grid.addColumn(TrainingView::error).setHeader("Error").setKey("error").setFlexGrow(1);
    grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
    grid.setAllRowsVisible(true);
    grid.setId("reward-model-trainings");
    grid.setEmptyStateText("No reward models trained yet: start a training on this page.");
  }

  private static VerticalLayout progress(TrainingView training) {
    ProgressBar bar = new ProgressBar(0, training.totalSteps(), training.step());
    VerticalLayout cell =
        new VerticalLayout(bar, new Span(training.step() + " / " + training.totalSteps()));
    cell.setPadding(false);
    cell.setSpacing(false);
    return cell;
  }

  /** The share of held-out pairs ranked right, once trained; "no held-out pairs" without any. */
  private static String heldOut(TrainingView training, Function<TrainingMetrics, Accuracy> model) {
    if (training.metrics() == null) {
      return "";
    }
    Double accuracy = model.apply(training.metrics()).heldOutAccuracy();
    return accuracy == null
        ? "no held-out pairs"
        : String.format(Locale.ROOT, "%.1f%%", 100 * accuracy);
  }

  private void train() {
    NewRewardModel request =
        new NewRewardModel(
            name.getValue().strip(),
            dataset.getValue(),
            dimension.getValue(),
            source.getValue().strip(),
            steps.getValue(),
            hiddenUnits.getValue(),
            learningRate.getValue(),
            holdoutFraction.getValue(),
            seed.getValue() == null ? null : seed.getValue().longValue());
    try {
      TrainingView queued = trainings.start(request);
      Notification.show("Training " + queued.id() + " of '" + queued.config().name() + "' started")
          .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
      refresh();
    } catch (DomainException e) {
      Notification.show(e.getMessage(), 8000, Notification.Position.MIDDLE)
          .addThemeVariants(NotificationVariant.LUMO_ERROR);
    }
  }

  private void refresh() {
    grid.setItems(trainings.list());
  }
}
