package dev.earshot.bench;

import dev.earshot.text.wer.ErrorRates;
import dev.earshot.text.wer.ErrorUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * {@code ErrorRates.score} on 50-word answers: {@value #PAIRS} seeded reference/hypothesis pairs of
 * English-like text with capitals and punctuation, the hypothesis carrying about 5 % substitutions,
 * 3 % deletions and 3 % insertions. One operation is one pair, so the score is pairs per second on
 * one thread.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class WerBenchmark {

  static final int PAIRS = 100;
  static final int WORDS = 50;
  private static final String[] VOCABULARY =
      ("the a of to and in is it that for on with as was at by this be from or are an not have has can "
              + "will you your we they speech model answer question audio voice sound clear quickly slowly said "
              + "weather today tomorrow raining sunny city train station ticket price number seven twelve "
              + "hundred thousand don't it's London Paris morning evening before after because however")
          .split(" ");

  @Param({"WORD", "CHAR"})
  public ErrorUnit unit;

  private final String[] references = new String[PAIRS];
  private final String[] hypotheses = new String[PAIRS];

  @Setup
  public void generatePairs() {
    SplittableRandom random = new SplittableRandom(50);
    for (int pair = 0; pair < PAIRS; pair++) {
      List<String> reference = new ArrayList<>();
      List<String> hypothesis = new ArrayList<>();
      for (int w = 0; w < WORDS; w++) {
        String word = VOCABULARY[random.nextInt(VOCABULARY.length)];
        reference.add(punctuated(word, w, random));
        double u = random.nextDouble();
        if (u < 0.05) {
          hypothesis.add(VOCABULARY[random.nextInt(VOCABULARY.length)]);
        } else if (u < 0.08) {
          continue;
        } else if (u < 0.11) {
          hypothesis.add(word);
          hypothesis.add(VOCABULARY[random.nextInt(VOCABULARY.length)]);
        } else {
          hypothesis.add(word);
        }
      }
      references[pair] = String.join(" ", reference);
      hypotheses[pair] = String.join(" ", hypothesis);
    }
  }

  @Benchmark
  @OperationsPerInvocation(PAIRS)
  public void score(Blackhole blackhole) {
    for (int pair = 0; pair < PAIRS; pair++) {
      blackhole.consume(ErrorRates.score(references[pair], hypotheses[pair], unit));
    }
  }

  /** Sentence-like surface: a capital at each sentence start, a full stop or comma now and then. */
  private static String punctuated(String word, int position, SplittableRandom random) {
    String text =
        position % 10 == 0 ? Character.toUpperCase(word.charAt(0)) + word.substring(1) : word;
    if (position % 10 == 9) {
      return text + ".";
    }
    return random.nextInt(8) == 0 ? text + "," : text;
  }
}
