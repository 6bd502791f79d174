package dev.earshot.export.repository;

import dev.earshot.export.format.Turn;
import dev.earshot.export.selection.ScoreRow;
import dev.earshot.export.selection.SelectionCounts;
import dev.earshot.export.selection.VoteRow;
import dev.earshot.stats.agreement.Verdict;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * One read-only REPEATABLE READ transaction over the votes, scores and audio an export reads, so
 * that its counts, records and high-water mark all describe the same snapshot; rows come through a
 * server-side cursor, a page at a time, so memory does not grow with the table. Plain JDBC, because
 * a JPA query can give neither the snapshot outside a JTA transaction nor a guaranteed cursor.
 *
 * <p>Ids in the records are names, not database keys, so that an export is the same after a
 * re-import: a prompt is {@code <dataset>/<prompt id>}, a response {@code <prompt>/<system>}. Rows
 * are sorted by these ids byte-wise ({@code COLLATE "C"}), the order the writers demand.
 */
public final class ExportSnapshot implements AutoCloseable {

  /** Rows the cursor fetches at a time. */
  private static final int FETCH_SIZE = 2_000;

  public static final String STORED = "stored";
  public static final String DROPPED_BY_SOURCE = "droppedBySource";
  public static final String DROPPED_BY_CAMPAIGN = "droppedByCampaign";
  public static final String DROPPED_BY_DIMENSION = "droppedByDimension";
  public static final String DROPPED_BY_DATASET = "droppedByDataset";
  public static final String DROPPED_BY_SYSTEMS = "droppedBySystems";
  public static final String DROPPED_BY_DATE_RANGE = "droppedByDateRange";

  private static final String PROMPT_KEY = "(ds.name || '/' || pr.external_id)";

  /**
   * What the export selects in the database.
   *
   * @param sources source selectors ({@link SourceSelector}), at least one
   * @param campaign only this rating campaign's human votes (other sources' kept), or null
   * @param dimension one dimension, or null for all
   * @param dataset one dataset's prompts, or null for all
   * @param systems only responses of these systems, or null for all
   * @param since made at or after, or null
   * @param until made at or before, or null
   */
  public record Filter(
      List<String> sources,
      UUID campaign,
      String dimension,
      String dataset,
      List<String> systems,
      OffsetDateTime since,
      OffsetDateTime until) {}

  /**
   * The newest source row read and how many rows were read: the state of the data the export is a
   * snapshot of.
   */
  public record HighWaterMark(String table, long rows, OffsetDateTime latestCreatedAt) {}

  /** How score rows are sorted after the prompt. */
  public enum ScoreOrder {
    /** prompt, dimension, response: for pairs and labels per dimension */
    DIMENSION_THEN_RESPONSE,
    /** prompt, response, dimension: for one row per response */
    RESPONSE_THEN_DIMENSION
  }

  /** Receives rows one at a time. */
  @FunctionalInterface
  public interface RowHandler<T> {
    void accept(T row) throws IOException;
  }

  /** Receives rows read so far, now and then. */
  @FunctionalInterface
  public interface ReadProgress {
    void rowsRead(long rows);
  }

  private final Connection connection;

  ExportSnapshot(Connection connection) throws SQLException {
    this.connection = connection;
    connection.setAutoCommit(false);
    try (Statement statement = connection.createStatement()) {
      statement.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
    }
  }

  /**
   * Counts the stored votes and what each filter drops, cumulatively in the order of the keys
   * above; returns the votes left, before a judge's repeated verdicts are merged.
   */
  public long countVotes(Filter filter, SelectionCounts counts) throws SQLException {
    return countSteps("preference p", voteFilters(filter), counts);
  }

  /**
   * Simulated raters' votes that every filter but the sources keeps: the simulated votes the export
   * reads when its sources name {@code simulated}, and leaves out otherwise.
   */
  public long countSimulatedVotes(Filter filter) throws SQLException {
    List<Predicates.Step> steps = voteFilters(filter);
    steps.set(0, new Predicates.Step(DROPPED_BY_SOURCE, "p.source_kind = 'simulated'", List.of()));
    Predicates where = Predicates.all(steps);
    try (PreparedStatement statement =
            prepare(
                "SELECT count(*) AS votes FROM preference p WHERE " + where.sql(), where.params());
        ResultSet rows = statement.executeQuery()) {
      rows.next();
      return rows.getLong("votes");
    }
  }

  /** Like {@link #countVotes} for pointwise scores, before several versions' are averaged. */
  public long countScores(Filter filter, SelectionCounts counts) throws SQLException {
    return countSteps("judge_score js", scoreFilters(filter), counts);
  }

  /**
   * Streams the selected votes sorted by prompt id, then dimension. A judge version's verdict on
   * one pair and dimension counts once (the earliest), however many runs stored it; every vote of a
   * person counts.
   */
  public HighWaterMark streamVotes(
      Filter filter, RowHandler<VoteRow> handler, ReadProgress progress)
      throws SQLException, IOException {
    Predicates where = Predicates.all(voteFilters(filter));
    String sql =
        "SELECT "
            + PROMPT_KEY
            + " AS prompt_key, pr.text AS prompt_text, pr.audio_sha256 AS prompt_audio,"
            + " v.dimension, sa.name AS system_a, ra.text_channel AS text_a,"
            + " ra.audio_sha256 AS audio_a, sb.name AS system_b, rb.text_channel AS text_b,"
            + " rb.audio_sha256 AS audio_b, v.verdict, v.created_at"
            + " FROM (SELECT DISTINCT ON (p.source, p.response_a_id, p.response_b_id, p.dimension,"
            + " CASE WHEN p.source_kind <> 'judge' THEN p.id END) p.prompt_id, p.response_a_id,"
            + " p.response_b_id, p.dimension, p.verdict, p.created_at FROM preference p WHERE "
            + where.sql()
            + " ORDER BY p.source, p.response_a_id, p.response_b_id, p.dimension,"
            + " CASE WHEN p.source_kind <> 'judge' THEN p.id END, p.created_at) v"
            + " JOIN prompt pr ON pr.id = v.prompt_id JOIN dataset ds ON ds.id = pr.dataset_id"
            + " JOIN response ra ON ra.id = v.response_a_id"
            + " JOIN system_under_test sa ON sa.id = ra.system_id"
            + " JOIN response rb ON rb.id = v.response_b_id"
            + " JOIN system_under_test sb ON sb.id = rb.system_id"
            + " ORDER BY "
            + PROMPT_KEY
            + " COLLATE \"C\", v.dimension COLLATE \"C\"";
    Watermark watermark = new Watermark("preference");
    try (PreparedStatement statement = cursor(sql, where.params());
        ResultSet rows = statement.executeQuery()) {
      while (rows.next()) {
        Turn prompt = prompt(rows);
        handler.accept(
            new VoteRow(
                prompt,
                rows.getString("dimension"),
                response(
                    prompt,
                    rows.getString("system_a"),
                    text(rows, "text_a"),
                    rows.getString("audio_a")),
                response(
                    prompt,
                    rows.getString("system_b"),
                    text(rows, "text_b"),
                    rows.getString("audio_b")),
                Verdict.valueOf(rows.getString("verdict").toUpperCase(Locale.ROOT))));
        watermark.read(1, rows.getObject("created_at", OffsetDateTime.class), progress);
      }
    }
    return watermark.mark();
  }

  /**
   * Streams the selected scores, one row per response and dimension: the mean when several selected
   * judge versions scored the same one.
   */
  public HighWaterMark streamScores(
      Filter filter, ScoreOrder order, RowHandler<ScoreRow> handler, ReadProgress progress)
      throws SQLException, IOException {
    Predicates where = Predicates.all(scoreFilters(filter));
    String responseKey = "(" + PROMPT_KEY + " || '/' || s.name) COLLATE \"C\"";
    String sql =
        "SELECT "
            + PROMPT_KEY
            + " AS prompt_key, pr.text AS prompt_text, pr.audio_sha256 AS prompt_audio,"
            + " s.name AS system_name, r.text_channel AS response_text,"
            + " r.audio_sha256 AS response_audio, js.dimension, avg(js.value) AS mean_value,"
            + " max(js.created_at) AS latest_created_at, count(*) AS score_count"
            + " FROM judge_score js JOIN response r ON r.id = js.response_id"
            + " JOIN prompt pr ON pr.id = r.prompt_id JOIN dataset ds ON ds.id = pr.dataset_id"
            + " JOIN system_under_test s ON s.id = r.system_id WHERE "
            + where.sql()
            + " GROUP BY ds.name, pr.external_id, pr.text, pr.audio_sha256, s.name, r.text_channel,"
            + " r.audio_sha256, js.dimension ORDER BY "
            + PROMPT_KEY
            + " COLLATE \"C\", "
            + (order == ScoreOrder.DIMENSION_THEN_RESPONSE
                ? "js.dimension COLLATE \"C\", " + responseKey
                : responseKey + ", js.dimension COLLATE \"C\"");
    Watermark watermark = new Watermark("judge_score");
    try (PreparedStatement statement = cursor(sql, where.params());
        ResultSet rows = statement.executeQuery()) {
      while (rows.next()) {
        Turn prompt = prompt(rows);
        handler.accept(
            new ScoreRow(
                prompt,
                response(
                    prompt,
                    rows.getString("system_name"),
                    text(rows, "response_text"),
                    rows.getString("response_audio")),
                rows.getString("dimension"),
                rows.getDouble("mean_value")));
        watermark.read(
            rows.getLong("score_count"),
            rows.getObject("latest_created_at", OffsetDateTime.class),
            progress);
      }
    }
    return watermark.mark();
  }

  /** The stored format ({@code wav} or {@code flac}) of an audio file, if it is known. */
  public Optional<String> audioFormat(String sha256) throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement("SELECT format FROM audio_asset WHERE sha256 = ?")) {
      statement.setString(1, sha256);
      try (ResultSet rows = statement.executeQuery()) {
        return rows.next() ? Optional.of(rows.getString("format")) : Optional.empty();
      }
    }
  }

  /** Ends the read-only transaction and hands the connection back. */
  @Override
  public void close() throws SQLException {
    try {
      connection.rollback();
      connection.setAutoCommit(true);
    } finally {
      connection.close();
    }
  }

  private List<Predicates.Step> voteFilters(Filter filter) throws SQLException {
    List<Predicates.Step> steps = new ArrayList<>();
    List<String> sql = new ArrayList<>();
    List<Object> params = new ArrayList<>();
    for (String text : filter.sources()) {
      SourceSelector source = SourceSelector.parse(text);
      if (source.humans()) {
        sql.add("p.source_kind = 'human'");
      } else if (source.simulated()) {
        sql.add("p.source_kind = 'simulated'");
      } else if (source.allJudges()) {
        sql.add("p.source_kind = 'judge'");
      } else if (source.version() == null) {
        sql.add("(p.source_kind = 'judge' AND split_part(p.source, '@', 1) = ?)");
        params.add(source.judgeId());
      } else {
        sql.add("(p.source_kind = 'judge' AND p.source = ?)");
        params.add(source.judgeId() + "@" + source.version());
      }
    }
    steps.add(new Predicates.Step(DROPPED_BY_SOURCE, String.join(" OR ", sql), params));
    steps.add(
        optional(
            DROPPED_BY_CAMPAIGN,
            "p.source_kind <> 'human' OR p.campaign_id = ?",
            filter.campaign()));
    steps.add(optional(DROPPED_BY_DIMENSION, "p.dimension = ?", filter.dimension()));
    steps.add(
        optional(
            DROPPED_BY_DATASET,
            "p.prompt_id IN (SELECT pr.id FROM prompt pr JOIN dataset ds ON ds.id = pr.dataset_id"
                + " WHERE ds.name = ?)",
            filter.dataset()));
    String ofSystems =
        " IN (SELECT r.id FROM response r JOIN system_under_test s ON s.id = r.system_id"
            + " WHERE s.name = ANY(?))";
    steps.add(
        filter.systems() == null
            ? Predicates.Step.none(DROPPED_BY_SYSTEMS)
            : new Predicates.Step(
                DROPPED_BY_SYSTEMS,
                "p.response_a_id" + ofSystems + " AND p.response_b_id" + ofSystems,
                List.of(systems(filter), systems(filter))));
    steps.add(dateRange("p.created_at", filter));
    return steps;
  }

  private List<Predicates.Step> scoreFilters(Filter filter) throws SQLException {
    List<Predicates.Step> steps = new ArrayList<>();
    List<String> sql = new ArrayList<>();
    List<Object> params = new ArrayList<>();
    for (String text : filter.sources()) {
      SourceSelector source = SourceSelector.parse(text);
      if (source.allJudges()) {
        sql.add("TRUE");
      } else if (source.version() == null) {
        sql.add("js.judge_id = ?");
        params.add(source.judgeId());
      } else {
        sql.add("(js.judge_id = ? AND js.judge_version = ?)");
        params.add(source.judgeId());
        params.add(source.version());
      }
    }
    steps.add(new Predicates.Step(DROPPED_BY_SOURCE, String.join(" OR ", sql), params));
    steps.add(optional(DROPPED_BY_DIMENSION, "js.dimension = ?", filter.dimension()));
    steps.add(
        optional(
            DROPPED_BY_DATASET,
            "js.response_id IN (SELECT r.id FROM response r JOIN prompt pr ON pr.id = r.prompt_id"
                + " JOIN dataset ds ON ds.id = pr.dataset_id WHERE ds.name = ?)",
            filter.dataset()));
    steps.add(
        filter.systems() == null
            ? Predicates.Step.none(DROPPED_BY_SYSTEMS)
            : new Predicates.Step(
                DROPPED_BY_SYSTEMS,
                "js.response_id IN (SELECT r.id FROM response r JOIN system_under_test s"
                    + " ON s.id = r.system_id WHERE s.name = ANY(?))",
                List.of(systems(filter))));
    steps.add(dateRange("js.created_at", filter));
    return steps;
  }

  private java.sql.Array systems(Filter filter) throws SQLException {
    return connection.createArrayOf("text", filter.systems().toArray());
  }

  private static Predicates.Step optional(String name, String sql, Object value) {
    return value == null
        ? Predicates.Step.none(name)
        : new Predicates.Step(name, sql, List.of(value));
  }

  private static Predicates.Step dateRange(String column, Filter filter) {
    List<String> sql = new ArrayList<>();
    List<Object> params = new ArrayList<>();
    if (filter.since() != null) {
      sql.add(column + " >= ?");
      params.add(filter.since());
    }
    if (filter.until() != null) {
      sql.add(column + " <= ?");
      params.add(filter.until());
    }
    return sql.isEmpty()
        ? Predicates.Step.none(DROPPED_BY_DATE_RANGE)
        : new Predicates.Step(DROPPED_BY_DATE_RANGE, String.join(" AND ", sql), params);
  }

  private long countSteps(String table, List<Predicates.Step> steps, SelectionCounts counts)
      throws SQLException {
    StringBuilder sql = new StringBuilder("SELECT count(*) AS stored");
    List<Object> params = new ArrayList<>();
    for (int step = 0; step < steps.size(); step++) {
      Predicates upToHere = Predicates.all(steps.subList(0, step + 1));
      sql.append(", count(*) FILTER (WHERE ")
          .append(upToHere.sql())
          .append(") AS ")
          .append(leftAfter(step));
      params.addAll(upToHere.params());
    }
    sql.append(" FROM ").append(table);
    counts.register(STORED);
    steps.forEach(step -> counts.register(step.name()));
    try (PreparedStatement statement = prepare(sql.toString(), params);
        ResultSet rows = statement.executeQuery()) {
      rows.next();
      long previous = rows.getLong("stored");
      counts.add(STORED, previous);
      for (int step = 0; step < steps.size(); step++) {
        long left = rows.getLong(leftAfter(step));
        counts.add(steps.get(step).name(), previous - left);
        previous = left;
      }
      return previous;
    }
  }

  /** The alias of the count of rows that the filter steps up to {@code step} leave. */
  private static String leftAfter(int step) {
    return "left_after_step_" + step;
  }

  private PreparedStatement cursor(String sql, List<Object> params) throws SQLException {
    PreparedStatement statement = prepare(sql, params);
    statement.setFetchSize(FETCH_SIZE);
    return statement;
  }

  private PreparedStatement prepare(String sql, List<Object> params) throws SQLException {
    PreparedStatement statement =
        connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
    for (int i = 0; i < params.size(); i++) {
      statement.setObject(i + 1, params.get(i));
    }
    return statement;
  }

  /** The prompt of a vote or score row ({@code prompt_key}, {@code prompt_text}, ...). */
  private static Turn prompt(ResultSet rows) throws SQLException {
    return new Turn(
        rows.getString("prompt_key"), text(rows, "prompt_text"), rows.getString("prompt_audio"));
  }

  private static Turn response(Turn prompt, String system, String text, String audioSha256) {
    return new Turn(prompt.id() + "/" + system, text, audioSha256);
  }

  private static String text(ResultSet rows, String column) throws SQLException {
    String text = rows.getString(column);
    return text == null ? "" : text;
  }

  /** Counts rows read and keeps the newest time; reports progress every so many rows. */
  private static final class Watermark {
    private static final long REPORT_EVERY = 10_000;

    private final String table;
    private long rows;
    private long reported;
    private OffsetDateTime latest;

    Watermark(String table) {
      this.table = table;
    }

    void read(long count, OffsetDateTime createdAt, ReadProgress progress) {
      rows += count;
      if (createdAt != null && (latest == null || createdAt.isAfter(latest))) {
        latest = createdAt;
      }
      if (rows - reported >= REPORT_EVERY) {
        reported = rows;
        progress.rowsRead(rows);
      }
    }

    HighWaterMark mark() {
      return new HighWaterMark(
          table, rows, latest == null ? null : latest.withOffsetSameInstant(ZoneOffset.UTC));
    }
  }
}
