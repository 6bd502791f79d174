package dev.earshot.bench;

import dev.earshot.export.format.JsonlWriter;
import dev.earshot.export.format.OpenRlhfPreferenceFormat;
import dev.earshot.export.format.PreferencePair;
import dev.earshot.export.format.Sha256OutputStream;
import dev.earshot.export.format.Turn;
import dev.earshot.export.selection.Aggregation;
import dev.earshot.export.selection.PairRules;
import dev.earshot.export.selection.SelectionCounts;
import dev.earshot.export.selection.TiePolicy;
import dev.earshot.export.selection.VotePairs;
import dev.earshot.export.selection.VoteRow;
import dev.earshot.stats.agreement.Verdict;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.HexFormat;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * An export of 1,000,000 preference pairs in a 256 MB heap: 166,667 prompts with four systems'
 * responses (6 pairs each, so 1,000,002 pairs), three seeded random votes per pair generated as the
 * database cursor would deliver them (one prompt after another), tallied, judged by majority, ties
 * kept with margin 0 (so every pair is written), and written as OpenRLHF JSONL through the SHA-256
 * digest into a discarding stream. {@code writeOnly} writes the same number of pairs made directly,
 * without votes or selection. One operation is one whole export; pairs/s = 1,000,002 / time. The
 * fork runs with {@code -Xmx256m}, and the tear-down prints the peak heap used.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx256m")
@Warmup(iterations = 2)
@Measurement(iterations = 5)
public class ExportBenchmark {

  static final int PROMPTS = 166_667;
  static final int SYSTEMS = 4;
  static final int VOTES_PER_PAIR = 3;
  static final long SEED = 20_261_126L;
  private static final Verdict[] VERDICTS = Verdict.values();

  @Benchmark
  public long votesToOpenRlhf() throws IOException {
    SplittableRandom random = new SplittableRandom(SEED);
    SelectionCounts counts = new SelectionCounts();
    try (Sha256OutputStream digest = new Sha256OutputStream(OutputStream.nullOutputStream());
        JsonlWriter<PreferencePair> writer =
            new JsonlWriter<>(
                new OpenRlhfPreferenceFormat(), new BufferedOutputStream(digest, 1 << 16))) {
      VotePairs pairs =
          new VotePairs(
              new PairRules(Aggregation.MAJORITY, TiePolicy.MARGIN_ZERO, 0, 0),
              counts,
              group -> {
                for (PreferencePair pair : group) {
                  writer.write(pair);
                }
              });
      for (int p = 0; p < PROMPTS; p++) {
        Turn prompt = prompt(p);
        Turn[] responses = responses(prompt);
        for (int a = 0; a < SYSTEMS; a++) {
          for (int b = a + 1; b < SYSTEMS; b++) {
            for (int v = 0; v < VOTES_PER_PAIR; v++) {
              boolean swap = random.nextBoolean();
              pairs.accept(
                  new VoteRow(
                      prompt,
                      "overall",
                      responses[swap ? b : a],
                      responses[swap ? a : b],
                      VERDICTS[random.nextInt(VERDICTS.length)]));
            }
          }
        }
      }
      pairs.finish();
    }
    return counts.get(VotePairs.PAIRS);
  }

  @Benchmark
  public long writeOnly() throws IOException {
    SplittableRandom random = new SplittableRandom(SEED);
    long written = 0;
    try (Sha256OutputStream digest = new Sha256OutputStream(OutputStream.nullOutputStream());
        JsonlWriter<PreferencePair> writer =
            new JsonlWriter<>(
                new OpenRlhfPreferenceFormat(), new BufferedOutputStream(digest, 1 << 16))) {
      for (int p = 0; p < PROMPTS; p++) {
        Turn prompt = prompt(p);
        Turn[] responses = responses(prompt);
        for (int a = 0; a < SYSTEMS; a++) {
          for (int b = a + 1; b < SYSTEMS; b++) {
            writer.write(
                new PreferencePair(
                    prompt, responses[a], responses[b], "overall", random.nextInt(7) / 3.0));
            written++;
          }
        }
      }
    }
    return written;
  }

  @TearDown(Level.Trial)
  public void reportPeakHeap() {
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    System.out.printf(
        Locale.ROOT,
        "%npeak heap used (sum of the heap pools' peaks): %.1f MB of max %.1f MB%n",
        peak / 1e6,
        Runtime.getRuntime().maxMemory() / 1e6);
  }

  private static Turn prompt(int index) {
    return new Turn(
        String.format(Locale.ROOT, "bench/p%07d", index),
        "Say something appropriate to prompt number " + index + ".",
        sha256(index, 0));
  }

  private static Turn[] responses(Turn prompt) {
    Turn[] responses = new Turn[SYSTEMS];
    int index = Integer.parseInt(prompt.id().substring(7));
    for (int s = 0; s < SYSTEMS; s++) {
      responses[s] =
          new Turn(
              prompt.id() + "/system-" + s,
              "A response of system " + s + " with a few words of text.",
              sha256(index, s + 1));
    }
    return responses;
  }

  /** A fake but well-formed audio hash, different per prompt and turn. */
  private static String sha256(int prompt, int turn) {
    byte[] bytes = new byte[32];
    for (int i = 0; i < 8; i++) {
      bytes[i] = (byte) (prompt >>> (8 * (i % 4)));
    }
    bytes[31] = (byte) turn;
    return HexFormat.of().formatHex(bytes);
  }
}
