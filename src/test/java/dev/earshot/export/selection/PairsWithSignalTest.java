package dev.earshot.export.selection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.earshot.export.format.JsonlFormat;
import dev.earshot.export.format.LlamaFactoryPreferenceFormat;
import dev.earshot.export.format.PreferencePair;
import dev.earshot.export.format.TrlStandardPreferenceFormat;
import dev.earshot.export.format.Turn;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PairsWithSignalTest {

  private static final Turn PROMPT = new Turn("p1", "Say hello.", null);
  private static final Turn CALM = new Turn("r1", "Hello.", "a".repeat(64));
  private static final Turn SHOUTED = new Turn("r2", "Hello.", "b".repeat(64));
  private static final Turn OTHER_WORDS = new Turn("r3", "Hi there.", "c".repeat(64));

  private final SelectionCounts counts = new SelectionCounts();
  private final List<PreferencePair> written = new ArrayList<>();

  private PairsWithSignal filter(JsonlFormat<PreferencePair> format, boolean keep) {
    return new PairsWithSignal(format, keep, counts, written::addAll);
  }

  @Test
  void shouldDropSameTextPairsWhereOnlyTextIsWrittenAndCountThem() throws IOException {
    PreferencePair sameText = new PreferencePair(PROMPT, CALM, SHOUTED, "prosody", 1);
    PreferencePair otherWords = new PreferencePair(PROMPT, OTHER_WORDS, CALM, "prosody", 1);

    filter(new LlamaFactoryPreferenceFormat(), false).accept(List.of(sameText, otherWords));

    assertThat(written).containsExactly(otherWords);
    assertThat(counts.asMap())
        .containsEntry(PairsWithSignal.WITHOUT_SIGNAL, 1L)
        .containsEntry(PairsWithSignal.DUPLICATES, 0L);
  }

  @Test
  void shouldKeepSameTextPairsInAFormatThatWritesTheResponsesAudio() throws IOException {
    PreferencePair sameText = new PreferencePair(PROMPT, CALM, SHOUTED, "prosody", 1);

    filter(new TrlStandardPreferenceFormat(), false).accept(List.of(sameText));

    assertThat(written).containsExactly(sameText);
    assertThat(counts.get(PairsWithSignal.WITHOUT_SIGNAL)).isZero();
  }

  @Test
  void shouldKeepPairsWithoutSignalWhenAsked() throws IOException {
    PreferencePair sameText = new PreferencePair(PROMPT, CALM, SHOUTED, "prosody", 1);

    filter(new LlamaFactoryPreferenceFormat(), true).accept(List.of(sameText));

    assertThat(written).containsExactly(sameText);
    assertThat(counts.get(PairsWithSignal.WITHOUT_SIGNAL)).isZero();
  }

  @Test
  void shouldDropRecordsIdenticalToOneWrittenBeforeAcrossBatches() throws IOException {
    // LLaMA-Factory writes no dimension: the same pair judged on two dimensions is one record.
    PairsWithSignal filter = filter(new LlamaFactoryPreferenceFormat(), false);
    PreferencePair onOverall = new PreferencePair(PROMPT, OTHER_WORDS, CALM, "overall", 1);
    PreferencePair onProsody = new PreferencePair(PROMPT, OTHER_WORDS, CALM, "prosody", 2);

    filter.accept(List.of(onOverall));
    filter.accept(List.of(onProsody));

    assertThat(written).containsExactly(onOverall);
    assertThat(counts.get(PairsWithSignal.DUPLICATES)).isEqualTo(1);
  }

  @Test
  void shouldKeepOppositeVerdictsOnTwoDimensionsAsTwoRecords() throws IOException {
    PairsWithSignal filter = filter(new TrlStandardPreferenceFormat(), false);
    PreferencePair forward = new PreferencePair(PROMPT, OTHER_WORDS, CALM, "overall", 1);
    PreferencePair reversed = new PreferencePair(PROMPT, CALM, OTHER_WORDS, "prosody", 1);

    filter.accept(List.of(forward, reversed));

    assertThat(written).containsExactly(forward, reversed);
    assertThat(counts.get(PairsWithSignal.DUPLICATES)).isZero();
  }
}
