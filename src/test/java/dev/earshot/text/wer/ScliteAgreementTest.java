package dev.earshot.text.wer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Replays alignments that NIST sclite itself produced ({@code sclite-alignments.tsv}, made by
 * {@code generate_sclite_alignments.py} from a build of usnistgov/SCTK). The rows use small
 * vocabularies, so most have several equal-cost alignments and pin down sclite's tie-breaking, not
 * just its error counts.
 */
class ScliteAgreementTest {

  record ScliteRow(int line, ErrorUnit unit, String reference, String hypothesis, String steps) {
    @Override
    public String toString() {
      return "line "
          + line
          + " "
          + unit
          + " ["
          + reference
          + "] vs ["
          + hypothesis
          + "] -> "
          + steps;
    }
  }

  static List<ScliteRow> scliteRows() throws IOException {
    try (BufferedReader reader =
        new BufferedReader(
            new InputStreamReader(
                Objects.requireNonNull(
                    ScliteAgreementTest.class.getResourceAsStream("sclite-alignments.tsv")),
                StandardCharsets.UTF_8))) {
      List<String> lines = reader.lines().toList();
      return IntStream.range(0, lines.size())
          .filter(k -> !lines.get(k).startsWith("#"))
          .mapToObj(
              k -> {
                String[] columns = lines.get(k).split("\t", -1);
                return new ScliteRow(
                    k + 1,
                    ErrorUnit.valueOf(columns[0].toUpperCase(Locale.ROOT)),
                    columns[1],
                    columns[2],
                    columns[3]);
              })
          .toList();
    }
  }

  @ParameterizedTest
  @MethodSource("scliteRows")
  void shouldAlignExactlyAsSclite(ScliteRow row) {
    Alignment alignment =
        ErrorRateAligner.align(
            tokens(row.reference(), row.unit()), tokens(row.hypothesis(), row.unit()));

    String steps =
        alignment.steps().stream()
            .map(step -> step.operation().name().substring(0, 1))
            .collect(Collectors.joining());
    assertThat(steps).isEqualTo(row.steps());
    assertThat(alignment.substitutions()).isEqualTo(count(row.steps(), 'S'));
    assertThat(alignment.deletions()).isEqualTo(count(row.steps(), 'D'));
    assertThat(alignment.insertions()).isEqualTo(count(row.steps(), 'I'));
    assertThat(alignment.referenceLength())
        .isEqualTo(count(row.steps(), 'C') + count(row.steps(), 'S') + count(row.steps(), 'D'));
  }

  /**
   * Word rows are aligned as given; char rows go through {@link ErrorUnit#CHAR}, which must split
   * as sclite -c.
   */
  private static List<String> tokens(String text, ErrorUnit unit) {
    if (unit == ErrorUnit.CHAR) {
      return TextNormalizer.tokens(text, ErrorUnit.CHAR);
    }
    return text.isEmpty() ? List.of() : Arrays.asList(text.split(" "));
  }

  private static int count(String steps, char operation) {
    return (int) steps.chars().filter(step -> step == operation).count();
  }
}
