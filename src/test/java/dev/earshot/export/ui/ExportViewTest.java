package dev.earshot.export.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import dev.earshot.export.rest.Exports;
import dev.earshot.export.service.ExportConfig.Format;
import dev.earshot.export.service.ExportStatus;
import dev.earshot.security.Role;
import dev.earshot.testing.KaribuTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The Export page says how many pairs an export dropped without signal or as duplicates, and why
 * codec tokens cannot be added while no codec encoder is loaded.
 */
@QuarkusTest
class ExportViewTest extends KaribuTest {

  @Test
  void shouldShowDroppedPairCountsAndTheWarningOfASelectedExport() {
    JsonPath done =
        Exports.export(
            Map.of("format", "llama_factory", "sources", List.of("simulated"), "dataset", "demo"));
    long id = done.getLong("id");
    loginAs("export-viewer", Role.RESEARCHER);
    open(ExportView.class);

    Grid<ExportStatus> history = byId(Grid.class, "exports");
    ExportStatus row =
        IntStream.range(0, GridKt._size(history))
            .mapToObj(i -> GridKt._get(history, i))
            .filter(e -> e.id() == id)
            .findFirst()
            .orElseThrow();
    history.select(row);

    assertThat(byId(Paragraph.class, "export-pair-summary").getText())
        .isEqualTo(
            done.getLong("counts.records")
                + " records written; dropped "
                + done.getLong("counts.pairsWithoutSignal")
                + " pairs without signal (chosen and rejected written identically) and "
                + done.getLong("counts.duplicateRecords")
                + " duplicate records.");
    Paragraph warnings = byId(Paragraph.class, "export-warnings");
    assertThat(warnings.isVisible()).isTrue();
    assertThat(warnings.getText()).startsWith("Most pairs were dropped");
  }

  @Test
  void shouldOfferKeepingPairsWithoutSignalForPairFormatsOnly() {
    loginAs("export-viewer", Role.RESEARCHER);
    open(ExportView.class);
    Select<Format> format = byId(Select.class, "export-format");
    Checkbox keep = byId(Checkbox.class, "export-keep-without-signal");

    format.setValue(Format.LLAMA_FACTORY);
    assertThat(keep.isEnabled()).isTrue();
    format.setValue(Format.SCALAR_REWARDS);
    assertThat(keep.isEnabled()).isFalse();
    // The weights of a scalar export: the field says how to write them.
    TextField weights = byId(TextField.class, "export-weights");
    assertThat(weights.isEnabled()).isTrue();
    assertThat(weights.getHelperText())
        .startsWith("dimension=weight pairs, comma-separated, e.g. quality=1, content=0.5");
  }

  @Test
  void shouldShowWhyCodecTokensCannotBeAddedWithoutAnEncoder() {
    loginAs("export-viewer", Role.RESEARCHER);
    open(ExportView.class);
    Select<Format> format = byId(Select.class, "export-format");
    Checkbox codecTokens = byId(Checkbox.class, "export-codec-tokens");

    format.setValue(Format.TRL_STANDARD);
    assertThat(codecTokens.isEnabled()).isTrue();
    assertThat(codecTokens.isReadOnly()).isTrue();
    assertThat(codecTokens.getHelperText())
        .startsWith("Codec encoder: not configured: codec encoder file ")
        .endsWith("Adds chosen_audio_codes and rejected_audio_codes (TRL formats)");
    format.setValue(Format.OPENRLHF);
    assertThat(codecTokens.isEnabled()).isFalse();
  }
}
