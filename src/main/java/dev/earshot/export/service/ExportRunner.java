package dev.earshot.export.service;

import com.fasterxml.jackson.databind.JsonNode;
import dev.earshot.export.format.AudioCodes;
import dev.earshot.export.format.ExportManifest;
import dev.earshot.export.format.JsonlFormat;
import dev.earshot.export.format.JsonlWriter;
import dev.earshot.export.format.LabeledCompletion;
import dev.earshot.export.format.LlamaFactoryPreferenceFormat;
import dev.earshot.export.format.OpenRlhfPreferenceFormat;
import dev.earshot.export.format.PreferencePair;
import dev.earshot.export.format.RecordWriter;
import dev.earshot.export.format.ScalarRewardWriter;
import dev.earshot.export.format.ScoredResponse;
import dev.earshot.export.format.Sha256OutputStream;
import dev.earshot.export.format.TrlConversationalPreferenceFormat;
import dev.earshot.export.format.TrlKtoFormat;
import dev.earshot.export.format.TrlStandardPreferenceFormat;
import dev.earshot.export.format.Turn;
import dev.earshot.export.repository.ExportSnapshot;
import dev.earshot.export.repository.ExportSnapshot.Filter;
import dev.earshot.export.repository.ExportSnapshot.HighWaterMark;
import dev.earshot.export.repository.ExportSnapshot.ReadProgress;
import dev.earshot.export.repository.ExportSnapshot.ScoreOrder;
import dev.earshot.export.repository.ExportSource;
import dev.earshot.export.repository.SourceSelector;
import dev.earshot.export.selection.Aggregation;
import dev.earshot.export.selection.KtoLabels;
import dev.earshot.export.selection.PairRules;
import dev.earshot.export.selection.PairSink;
import dev.earshot.export.selection.PairsWithSignal;
import dev.earshot.export.selection.ScorePairs;
import dev.earshot.export.selection.ScoredResponses;
import dev.earshot.export.selection.SelectionCounts;
import dev.earshot.export.selection.TiePolicy;
import dev.earshot.export.selection.VotePairs;
import dev.earshot.export.service.ExportConfig.Format;
import dev.earshot.export.service.ExportFiles.FileView;
import dev.earshot.judge.service.CodecEncoderService;
import dev.earshot.judge.service.CodecEncoderService.EncoderIdentity;
import dev.earshot.platform.io.Folders;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Function;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

/**
 * Writes one export: records streamed from a database snapshot through the selection into {@code
 * data.jsonl}, then the audio they reference, then {@code manifest.json} and {@code SHA256SUMS}.
 * Everything in the files follows from the config and the data, nothing from the export's id or the
 * time, so the same config on the same data gives byte-identical files.
 */
@ApplicationScoped
public class ExportRunner {

  /** Version of the export layout, in every manifest. */
  static final int LAYOUT_VERSION = 1;

  /** Records written; the last count. */
  static final String RECORDS = "records";

  /** Votes left out because a judge version's verdict on the pair was stored more than once. */
  static final String DROPPED_REPEATED_VERDICTS = "droppedRepeatedJudgeVerdicts";

  /** Score rows merged because several selected judge versions scored one response's dimension. */
  static final String MERGED_JUDGE_VERSIONS = "mergedAcrossJudgeVersions";

  private static final double RECORDS_SHARE = 0.9;
  private static final String DATASET_NAME = "earshot";
  private static final Logger LOG = Logger.getLogger(ExportRunner.class);

  /** The manifest: everything needed to know what the files are and to check them. */
  record Manifest(
      int layoutVersion,
      String codeVersion,
      JsonNode config,
      HighWaterMark highWaterMark,
      Map<String, Long> counts,
      List<String> warnings,
      SimulatedVotes simulatedVotes,
      CodecTokens codecTokens,
      List<FileView> files) {}

  /**
   * Which codec encoder made the records' token ids (absent without codec tokens): its ONNX file's
   * SHA-256, the rate it read, its frames per second and codebooks, and the fields holding the ids
   * ({@code [codebooks][frames]} per response).
   */
  record CodecTokens(
      String encoderSha256, int sampleRate, double frameRate, int codebooks, List<String> fields) {

    static CodecTokens of(EncoderIdentity encoder) {
      return new CodecTokens(
          encoder.sha256(),
          encoder.sampleRate(),
          encoder.frameRate(),
          encoder.codebooks(),
          List.of(AudioCodes.CHOSEN_FIELD, AudioCodes.REJECTED_FIELD));
    }
  }

  /** Responses whose token ids an export keeps at hand: each is rendered more than once. */
  private static final int RECENT_CODES = 256;

  /**
   * Whether votes that no person made (simulated raters', such as the demo's) are in the export:
   * only when its sources name {@code simulated}.
   *
   * @param votes simulated votes read into the export
   * @param leftOut simulated votes that every other filter kept but the sources left out
   */
  record SimulatedVotes(boolean included, long votes, long leftOut) {}

  private final ExportService service;
  private final ExportSource source;
  private final ExportFiles files;
  private final ExportAudio audio;
  private final CodecEncoderService codecEncoder;
  private final String codeVersion;

  public ExportRunner(
      ExportService service,
      ExportSource source,
      ExportFiles files,
      ExportAudio audio,
      CodecEncoderService codecEncoder) {
    this.service = service;
    this.source = source;
    this.files = files;
    this.audio = audio;
    this.codecEncoder = codecEncoder;
    this.codeVersion =
        "earshot "
            + ConfigProvider.getConfig()
                .getOptionalValue("quarkus.application.version", String.class)
                .orElse("(version unknown)");
  }

  /** Writes the export if it is still queued; its row ends done or failed. */
  @ActivateRequestContext
  public void run(long id) {
    ExportConfig config = service.claim(id).orElse(null);
    if (config == null) {
      return;
    }
    Path partial = files.partial(id);
    try {
      Folders.deleteRecursively(partial);
      Files.createDirectories(partial);
      Written written = write(id, config, partial);
      // A folder under this id can only be left from a database that was since replaced.
      Folders.deleteRecursively(files.finished(id));
      Files.move(partial, files.finished(id), StandardCopyOption.ATOMIC_MOVE);
      service.finish(id, written.counts().asMap(), written.highWaterMark());
    } catch (IOException | SQLException | RuntimeException e) {
      LOG.errorf(e, "Export %d failed", id);
      try {
        Folders.deleteRecursively(partial);
      } catch (IOException cleanup) {
        e.addSuppressed(cleanup);
      }
      service.fail(id, files.describe(e));
    }
  }

  private record Written(SelectionCounts counts, HighWaterMark highWaterMark) {}

  private Written write(long id, ExportConfig config, Path dir) throws IOException, SQLException {
    ExportManifest listed = new ExportManifest();
    SelectionCounts counts = new SelectionCounts();
    SortedSet<String> audioFiles = new TreeSet<>();
    HighWaterMark highWaterMark;
    SimulatedVotes simulated;
    Filter filter =
        new Filter(
            config.sources(),
            config.campaign(),
            config.dimension(),
            config.dataset(),
            config.systems(),
            config.since(),
            config.until());
    // Pinned before reading: every record's ids come from this encoder, or the export fails.
    EncoderIdentity encoder = config.withCodecTokens() ? codecEncoder.requireLoaded() : null;
    AudioCodes codes = encoder == null ? null : recentCodes(encoder);
    try (ExportSnapshot snapshot = source.open()) {
      long selected =
          config.fromScores()
              ? snapshot.countScores(filter, counts)
              : snapshot.countVotes(filter, counts);
      simulated = simulatedVotes(config, snapshot, filter);
      counts.register(config.fromScores() ? MERGED_JUDGE_VERSIONS : DROPPED_REPEATED_VERDICTS);
      ReadProgress progress =
          rows -> service.progress(id, RECORDS_SHARE * rows / Math.max(1, selected));
      try (Sha256OutputStream data =
          new Sha256OutputStream(
              new BufferedOutputStream(Files.newOutputStream(dir.resolve(ExportFiles.DATA))))) {
        highWaterMark =
            writeRecords(config, codes, snapshot, filter, data, counts, audioFiles, progress);
        data.flush();
        listed.add(ExportFiles.DATA, data);
      }
      if (config.fromScores()) {
        counts.add(MERGED_JUDGE_VERSIONS, selected - counts.get(ScorePairs.SCORES));
      } else {
        counts.add(DROPPED_REPEATED_VERDICTS, selected - highWaterMark.rows());
      }
      int done = 0;
      for (String sha256 : audioFiles) {
        String format =
            snapshot
                .audioFormat(sha256)
                .orElseThrow(() -> new IOException("no audio_asset row for " + sha256));
        audio.export(sha256, format, dir, config.audio(), config.sampleRate(), listed);
        service.progress(id, RECORDS_SHARE + (1 - RECORDS_SHARE) * ++done / audioFiles.size());
      }
    }
    if (config.format() == Format.LLAMA_FACTORY) {
      writeListed(
          dir,
          ExportFiles.DATASET_INFO,
          listed,
          out ->
              LlamaFactoryPreferenceFormat.writeDatasetInfo(DATASET_NAME, ExportFiles.DATA, out));
    }
    List<FileView> fileViews = new ArrayList<>();
    listed
        .entries()
        .forEach(
            (path, entry) -> fileViews.add(new FileView(path, entry.sha256Hex(), entry.size())));
    Manifest manifest =
        new Manifest(
            LAYOUT_VERSION,
            codeVersion,
            ExportJson.tree(config),
            highWaterMark,
            counts.asMap(),
            ExportWarnings.of(counts.asMap()),
            simulated,
            encoder == null ? null : CodecTokens.of(encoder),
            fileViews);
    writeListed(dir, ExportFiles.MANIFEST, listed, out -> ExportJson.writePretty(manifest, out));
    try (OutputStream out = Files.newOutputStream(dir.resolve(ExportFiles.SHA256SUMS))) {
      listed.writeSha256Sums(out);
    }
    return new Written(counts, highWaterMark);
  }

  /** Score exports read no votes; a vote export reads simulated ones only when named. */
  private static SimulatedVotes simulatedVotes(
      ExportConfig config, ExportSnapshot snapshot, Filter filter) throws SQLException {
    if (config.fromScores()) {
      return new SimulatedVotes(false, 0, 0);
    }
    long simulated = snapshot.countSimulatedVotes(filter);
    return config.sources().contains(SourceSelector.SIMULATED)
        ? new SimulatedVotes(true, simulated, 0)
        : new SimulatedVotes(false, 0, simulated);
  }

  /** Streams the selected rows through the selection into the format's writer. */
  private static HighWaterMark writeRecords(
      ExportConfig config,
      AudioCodes codes,
      ExportSnapshot snapshot,
      Filter filter,
      OutputStream out,
      SelectionCounts counts,
      SortedSet<String> audioFiles,
      ReadProgress progress)
      throws IOException, SQLException {
    PairRules rules =
        new PairRules(
            config.aggregation() == null ? Aggregation.MAJORITY : config.aggregation(),
            config.tiePolicy() == null ? TiePolicy.EXCLUDE : config.tiePolicy(),
            config.minAgreement() == null ? 0 : config.minAgreement(),
            config.minMargin() == null ? 0 : config.minMargin());
    switch (config.format()) {
      case TRL_KTO -> {
        try (RecordWriter<LabeledCompletion> writer =
            recording(
                new JsonlWriter<>(new TrlKtoFormat(), out),
                labeled -> List.of(labeled.prompt(), labeled.completion()),
                counts,
                audioFiles)) {
          if (config.fromScores()) {
            counts.register(ScorePairs.SCORES, RECORDS);
            return snapshot.streamScores(
                filter,
                ScoreOrder.DIMENSION_THEN_RESPONSE,
                score -> {
                  counts.increment(ScorePairs.SCORES);
                  writer.write(KtoLabels.ofScore(score, config.ktoThreshold()));
                },
                progress);
          }
          // The labels' own count comes after the pairs' steps.
          counts.register(VotePairs.VOTES, VotePairs.PAIRS).register(PairRules.dropCounters());
          return streamPairs(
              snapshot, filter, rules, counts, new KtoLabels(counts, writer), progress);
        }
      }
      case SCALAR_REWARDS -> {
        try (RecordWriter<ScoredResponse> writer =
            recording(
                new ScalarRewardWriter(config.weights(), config.normalizePerPrompt(), out),
                scored -> List.of(scored.prompt(), scored.response()),
                counts,
                audioFiles)) {
          ScoredResponses responses =
              new ScoredResponses(config.weights().keySet(), counts, writer);
          counts.register(RECORDS);
          HighWaterMark mark =
              snapshot.streamScores(
                  filter, ScoreOrder.RESPONSE_THEN_DIMENSION, responses::accept, progress);
          responses.finish();
          return mark;
        }
      }
      default -> {
        // LLaMA-Factory passes audio to the model as input only: the responses' audio stays out.
        Function<PreferencePair, List<Turn>> turns =
            config.format() == Format.LLAMA_FACTORY
                ? pair -> List.of(pair.prompt())
                : pair -> List.of(pair.prompt(), pair.chosen(), pair.rejected());
        JsonlFormat<PreferencePair> format = pairFormat(config.format(), codes);
        try (RecordWriter<PreferencePair> writer =
            recording(new JsonlWriter<>(format, out), turns, counts, audioFiles)) {
          // The pairing steps' counters come first, so the counts read in step order.
          counts
              .register(config.fromScores() ? ScorePairs.SCORES : VotePairs.VOTES, VotePairs.PAIRS)
              .register(PairRules.dropCounters());
          PairSink sink =
              new PairsWithSignal(
                  format,
                  Boolean.TRUE.equals(config.keepPairsWithoutSignal()),
                  counts,
                  pairs -> {
                    for (PreferencePair pair : pairs) {
                      writer.write(pair);
                    }
                  });
          if (config.fromScores()) {
            ScorePairs pairs = new ScorePairs(rules, counts, sink);
            counts.register(RECORDS);
            HighWaterMark mark =
                snapshot.streamScores(
                    filter, ScoreOrder.DIMENSION_THEN_RESPONSE, pairs::accept, progress);
            pairs.finish();
            return mark;
          }
          return streamPairs(snapshot, filter, rules, counts, sink, progress);
        }
      }
    }
  }

  private static HighWaterMark streamPairs(
      ExportSnapshot snapshot,
      Filter filter,
      PairRules rules,
      SelectionCounts counts,
      PairSink sink,
      ReadProgress progress)
      throws IOException, SQLException {
    VotePairs pairs = new VotePairs(rules, counts, sink);
    counts.register(RECORDS);
    HighWaterMark mark = snapshot.streamVotes(filter, pairs::accept, progress);
    pairs.finish();
    return mark;
  }

  /** The token ids of the configured encoder, cached in the database and, recent ones, here. */
  private AudioCodes recentCodes(EncoderIdentity encoder) {
    Map<String, long[][]> recent =
        new LinkedHashMap<>(RECENT_CODES, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, long[][]> eldest) {
            return size() > RECENT_CODES;
          }
        };
    return audioSha256 ->
        recent.computeIfAbsent(
            audioSha256, sha256 -> codecEncoder.tokens(encoder, sha256).perCodebook());
  }

  /** The writer of a pair format; {@code codes} adds the codec token fields (TRL formats only). */
  private static JsonlFormat<PreferencePair> pairFormat(Format format, AudioCodes codes) {
    return switch (format) {
      case TRL_STANDARD -> new TrlStandardPreferenceFormat(codes);
      case TRL_CONVERSATIONAL -> new TrlConversationalPreferenceFormat(codes);
      case OPENRLHF -> new OpenRlhfPreferenceFormat();
      case LLAMA_FACTORY -> new LlamaFactoryPreferenceFormat();
      case TRL_KTO, SCALAR_REWARDS ->
          throw new IllegalArgumentException(format + " does not write pairs");
    };
  }

  /** Counts the records written and notes the audio files they reference. */
  private static <T> RecordWriter<T> recording(
      RecordWriter<T> out,
      Function<T, List<Turn>> turns,
      SelectionCounts counts,
      SortedSet<String> audioFiles) {
    return new RecordWriter<>() {
      @Override
      public void write(T record) throws IOException {
        out.write(record);
        counts.increment(RECORDS);
        for (Turn turn : turns.apply(record)) {
          if (turn.audioSha256() != null) {
            audioFiles.add(turn.audioSha256());
          }
        }
      }

      @Override
      public void close() throws IOException {
        out.close();
      }
    };
  }

  /** A file written through a digest and listed in the manifest. */
  @FunctionalInterface
  private interface Content {
    void writeTo(OutputStream out) throws IOException;
  }

  private static void writeListed(Path dir, String name, ExportManifest listed, Content content)
      throws IOException {
    try (Sha256OutputStream out =
        new Sha256OutputStream(Files.newOutputStream(dir.resolve(name)))) {
      content.writeTo(out);
      listed.add(name, out);
    }
  }
}
