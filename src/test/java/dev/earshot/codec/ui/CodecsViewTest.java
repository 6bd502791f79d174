package dev.earshot.codec.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextField;
import dev.earshot.codec.service.CodecDemoLoader;
import dev.earshot.codec.service.CodecViews.CodecRow;
import dev.earshot.codec.service.CodecViews.CodecView;
import dev.earshot.evaluation.rest.Runs;
import dev.earshot.security.Role;
import dev.earshot.testing.KaribuTest;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CodecsViewTest extends KaribuTest {

  @Inject CodecDemoLoader demo;

  @Test
  void shouldOpenOnTheCodecDemoWithEveryCodecAndItsIntervals() {
    demo.loadIfMissing();
    assertThat(Runs.awaitFinished(demo.start().id()).getString("status")).isEqualTo("completed");
    loginAs("codec-viewer", Role.RESEARCHER);
    open(CodecsView.class);

    assertThat(byId(ComboBox.class, "codec-dataset").getValue()).isEqualTo(CodecDemoLoader.DATASET);
    Grid<CodecRow> board = byId(Grid.class, "codec-leaderboard");
    assertThat(
            IntStream.range(0, GridKt._size(board))
                .mapToObj(i -> GridKt._get(board, i).codec())
                .toList())
        .containsExactly("sim-noise-5db", "sim-lowpass-3k", "sim-noise-20db", "sim-transparent");
    // Every metric cell reads "mean [lower, upper]"; the identical copy's STOI has no spread.
    List<String> transparent = GridKt._getFormattedRow(board, 3);
    assertThat(transparent).contains("1.000 [1.000, 1.000]", "100.000 [100.000, 100.000]");
    assertThat(GridKt._getFormattedRow(board, 0).subList(3, transparent.size()))
        .allMatch(cell -> cell.equals("–") || cell.matches("-?[0-9.]+ \\[-?[0-9.]+, -?[0-9.]+\\]"));
    assertThat(byId(ComboBox.class, "codec-plotted-metric").getValue()).isNotNull();
  }

  @Test
  void shouldRegisterACodecAndShowItsBitrate() {
    loginAs("codec-viewer", Role.RESEARCHER);
    open(CodecsView.class);

    byId(TextField.class, "codec-name").setValue("mimi-ui");
    byId(NumberField.class, "codec-frame-rate").setValue(12.5);
    byId(IntegerField.class, "codec-codebooks").setValue(8);
    byId(IntegerField.class, "codec-codebook-size").setValue(2048);
    _click(byId(Button.class, "codec-register"));

    assertThat(byId(Span.class, "codec-register-message").getText())
        .isEqualTo("Registered mimi-ui: 1,100 bit/s");
    Grid<CodecView> list = byId(Grid.class, "codec-list");
    assertThat(
            IntStream.range(0, GridKt._size(list))
                .mapToObj(i -> GridKt._get(list, i).name())
                .toList())
        .contains("mimi-ui");
  }

  @Test
  void shouldSayWhatIsWrongWithACodec() {
    loginAs("codec-viewer", Role.RESEARCHER);
    open(CodecsView.class);

    byId(TextField.class, "codec-name").setValue("no frames");
    byId(IntegerField.class, "codec-codebooks").setValue(8);
    byId(IntegerField.class, "codec-codebook-size").setValue(1024);
    _click(byId(Button.class, "codec-register"));

    assertThat(byId(Span.class, "codec-register-message").getText())
        .contains("name: use 1-100 letters")
        .contains("frameRate: frames per second");
  }

  @Test
  void shouldStartNoRunOnADatasetWithoutResyntheses() {
    loginAs("codec-viewer", Role.RESEARCHER);
    open(CodecsView.class);

    ComboBox<String> datasets = byId(ComboBox.class, "codec-dataset");
    datasets.setValue("demo");
    assertThat(byId(Span.class, "codec-message").getText())
        .isEqualTo("No measured resyntheses of a registered codec in this dataset yet.");
    _click(byId(Button.class, "codec-start-run"));

    assertThat(byId(Span.class, "codec-message").getText())
        .isEqualTo("No registered codec has resyntheses in dataset 'demo'");
  }
}
