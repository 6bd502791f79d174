package dev.earshot.dataset.ui;

import com.vaadin.flow.component.UI;
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
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.streams.UploadHandler;
import dev.earshot.dataset.manifest.ManifestProblem;
import dev.earshot.dataset.service.DatasetArchiveImporter;
import dev.earshot.dataset.service.DatasetRejectedException;
import dev.earshot.dataset.service.DatasetService;
import dev.earshot.dataset.service.DatasetViews.DatasetSummary;
import dev.earshot.dataset.service.ImportReport;
import dev.earshot.platform.concurrent.BackgroundTasks;
import dev.earshot.platform.error.DomainException;
import dev.earshot.security.Role;
import dev.earshot.ui.MainLayout;
import dev.earshot.ui.NavigationEntry;
import jakarta.annotation.security.RolesAllowed;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;

/** Lists datasets and imports new ones from a zip, showing every problem of a rejected one. */
@NavigationEntry(label = "Datasets", order = 10, icon = VaadinIcon.DATABASE)
@Route(value = "datasets", layout = MainLayout.class)
@PageTitle("Datasets · Earshot")
@RolesAllowed(Role.RESEARCHER_NAME)
public class DatasetsView extends VerticalLayout {

  private static final long serialVersionUID = 1L;

  private final transient DatasetService datasets;
  private final transient DatasetArchiveImporter importer;
  private final transient BackgroundTasks background;

  private final Grid<DatasetSummary> grid = new Grid<>(DatasetSummary.class, false);
  private final ProgressBar progress = new ProgressBar();
  private final Span progressText = new Span();
  private final Grid<ManifestProblem> problems = new Grid<>(ManifestProblem.class, false);
  private final H3 problemsTitle = new H3();
  private final Upload upload = new Upload();

  public DatasetsView(
      DatasetService datasets, DatasetArchiveImporter importer, BackgroundTasks background) {
    this.datasets = datasets;
    this.importer = importer;
    this.background = background;
    setSizeFull();
    configureGrid();
    configureProblems();
    add(new H2("Datasets"), grid, importSection(), problemsTitle, problems);
    refresh();
  }

  private void configureGrid() {
    grid.addComponentColumn(
            d ->
                new RouterLink(
                    d.name(), DatasetDetailView.class, new RouteParameters("name", d.name())))
        .setHeader("Name")
        .setAutoWidth(true)
        .setFlexGrow(0);
    grid.addColumn(DatasetSummary::description).setHeader("Description").setFlexGrow(1);
    grid.addColumn(DatasetSummary::prompts).setHeader("Prompts").setAutoWidth(true).setFlexGrow(0);
    grid.addColumn(d -> String.join(", ", d.systems())).setHeader("Systems").setAutoWidth(true);
    grid.addColumn(DatasetSummary::responses)
        .setHeader("Responses")
        .setAutoWidth(true)
        .setFlexGrow(0);
    grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
    grid.setAllRowsVisible(true);
    grid.setId("datasets");
    grid.setEmptyStateText("No datasets yet: import a zip on this page.");
  }

  private VerticalLayout importSection() {
    upload.setUploadHandler(
        UploadHandler.toTempFile(
            (metadata, file) -> startImport(upload.getUI().orElseThrow(), file)));
    upload.setAcceptedFileTypes("application/zip", ".zip");
    upload.setMaxFiles(1);
    upload.setDropLabel(
        new Span("Drop a dataset zip here (manifest.jsonl, responses.jsonl, audio)"));
    upload.setId("dataset-upload");
    progress.setVisible(false);
    progressText.setId("import-status");
    VerticalLayout section =
        new VerticalLayout(
            new H3("Import a dataset"),
            new Paragraph(
                "A zip of a dataset folder; the format is described in datasets/README.md. "
                    + "Every line is checked first: if anything is wrong, nothing is imported and each problem is listed below."),
            upload,
            progress,
            progressText);
    section.setPadding(false);
    return section;
  }

  private void configureProblems() {
    problems.addColumn(ManifestProblem::file).setHeader("File").setAutoWidth(true).setFlexGrow(0);
    problems
        .addColumn(p -> p.line() > 0 ? Integer.toString(p.line()) : "")
        .setHeader("Line")
        .setAutoWidth(true)
        .setFlexGrow(0);
    problems.addColumn(ManifestProblem::message).setHeader("Problem").setFlexGrow(1);
    problems.setId("import-problems");
    problems.setAllRowsVisible(true);
    showProblems(List.of());
  }

  /**
   * Called by the upload handler once the zip is on disk; the import itself runs in the background.
   */
  private void startImport(UI ui, File zip) {
    ui.access(
        () -> {
          showProblems(List.of());
          progress.setVisible(true);
          progress.setIndeterminate(true);
          progressText.setText("Importing…");
        });
    background.run(
        () -> {
          try (InputStream in = Files.newInputStream(zip.toPath())) {
            ImportReport report =
                importer.importZip(
                    in,
                    null,
                    (done, total, step) ->
                        ui.access(
                            () -> {
                              progress.setIndeterminate(false);
                              progress.setValue(total == 0 ? 0 : (double) done / total);
                              progressText.setText(step + " (" + done + " of " + total + ")");
                            }));
            ui.access(() -> finished(report));
          } catch (DatasetRejectedException e) {
            ui.access(() -> rejected(e.problems()));
          } catch (DomainException e) {
            ui.access(() -> rejected(List.of(new ManifestProblem("(zip)", 0, e.getMessage()))));
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          } finally {
            zip.delete();
          }
        });
  }

  private void finished(ImportReport report) {
    upload.clearFileList();
    progress.setVisible(false);
    progressText.setText(
        report.unchanged()
            ? "Dataset '" + report.dataset() + "' was already imported; nothing changed."
            : "Imported '"
                + report.dataset()
                + "': "
                + report.prompts()
                + " prompts, "
                + report.responses()
                + " responses of "
                + report.systems()
                + " systems"
                + (report.votes() > 0 ? ", " + report.votes() + " votes." : "."));
    Notification.show(progressText.getText()).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    refresh();
  }

  private void rejected(List<ManifestProblem> found) {
    upload.clearFileList();
    progress.setVisible(false);
    progressText.setText("Nothing was imported: fix the problems below and import again.");
    showProblems(found);
  }

  private void showProblems(List<ManifestProblem> found) {
    problems.setItems(found);
    problemsTitle.setText(found.size() + (found.size() == 1 ? " problem" : " problems"));
    problems.setVisible(!found.isEmpty());
    problemsTitle.setVisible(!found.isEmpty());
  }

  private void refresh() {
    grid.setItems(datasets.list());
  }
}
