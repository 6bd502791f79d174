package dev.earshot.preference.repository;

import dev.earshot.platform.db.Rows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Reads of table {@code preference} for rankings and agreement: verdicts tallied per system pair,
 * verdicts with the two responses they compare, and the stored verdicts of raters and judges.
 * {@link PreferenceRepository} writes them.
 */
@ApplicationScoped
public class PreferenceTallyRepository {

  /**
   * Verdicts made in a time window on one dataset's prompts; a null part does not filter. Judge
   * scores and arena battles are selected the same way, so the SQL fragments are shared.
   */
  public record VerdictWindow(String dataset, OffsetDateTime since, OffsetDateTime asOf) {

    /** The time conditions on {@code column}, each starting with {@code AND}. */
    public String timeSql(String column) {
      return (since == null ? "" : " AND " + column + " >= :since")
          + (asOf == null ? "" : " AND " + column + " <= :asOf");
    }

    /** The dataset condition on {@code promptColumn}, starting with {@code AND}. */
    public String datasetSql(String promptColumn) {
      return dataset == null
          ? ""
          : " AND "
              + promptColumn
              + " IN (SELECT pr.id FROM prompt pr JOIN dataset ds ON ds.id = pr.dataset_id"
              + " WHERE ds.name = :dataset)";
    }

    /** Binds the parameters that {@link #timeSql} and {@link #datasetSql} put in the SQL. */
    public void bind(Query sql) {
      if (dataset != null) {
        sql.setParameter("dataset", dataset);
      }
      if (since != null) {
        sql.setParameter("since", since);
      }
      if (asOf != null) {
        sql.setParameter("asOf", asOf);
      }
    }
  }

  /**
   * Which preferences to rank.
   *
   * @param sourceKind {@code human}, {@code simulated} or {@code judge}
   * @param judge null for every source of the kind, {@code <id>} for every version of a judge,
   *     {@code <id>@<version>} for one
   * @param campaign only the votes of this rating campaign, or null
   */
  public record PreferenceSelection(
      String sourceKind, String judge, String dimension, UUID campaign, VerdictWindow window) {}

  /**
   * How often battles between two systems ended with {@code verdict}, as stored: a preference's
   * five-point verdict, a score comparison's or an arena battle's outcome.
   */
  public record PairTally(String systemA, String systemB, String verdict, long count) {

    /** From the columns {@code system_a, system_b, verdict, battles}. */
    public static PairTally of(Tuple row) {
      return new PairTally(
          row.get("system_a", String.class),
          row.get("system_b", String.class),
          row.get("verdict", String.class),
          row.get("battles", Number.class).longValue());
    }
  }

  /** One verdict with the two responses it compares, response A presented first. */
  public record VerdictBattle(
      String systemA, String systemB, String verdict, long responseAId, long responseBId) {}

  /**
   * A stored preference as given: the verdict is from the point of view of response A, the one
   * presented first.
   */
  public record StoredPreference(
      long promptId,
      long responseAId,
      long responseBId,
      String verdict,
      String source,
      Boolean positionConflict) {}

  private final EntityManager entityManager;

  public PreferenceTallyRepository(EntityManager entityManager) {
    this.entityManager = entityManager;
  }

  /**
   * Selected verdicts counted per system pair and verdict. A judge's verdict on the same pair and
   * dimension counts once even when several runs stored it; every rater's vote (a person's or a
   * simulated rater's) counts.
   */
  public List<PairTally> tallies(PreferenceSelection selection) {
    return verdicts(selection, "count(*) AS battles", " GROUP BY 1, 2, 3").stream()
        .map(PairTally::of)
        .toList();
  }

  /** Selected verdicts one by one with their responses, deduplicated as in {@link #tallies}. */
  public List<VerdictBattle> battles(PreferenceSelection selection) {
    return verdicts(
            selection, "d.response_a_id AS response_a_id, d.response_b_id AS response_b_id", "")
        .stream()
        .map(
            row ->
                new VerdictBattle(
                    row.get("system_a", String.class),
                    row.get("system_b", String.class),
                    row.get("verdict", String.class),
                    row.get("response_a_id", Number.class).longValue(),
                    row.get("response_b_id", Number.class).longValue()))
        .toList();
  }

  /**
   * Raters' votes on the dimension, of one campaign unless it is null; oldest first.
   *
   * @param sourceKind {@code human} for people, {@code simulated} for simulated raters
   */
  public List<StoredPreference> raterVotes(String sourceKind, String dimension, UUID campaign) {
    return stored(sourceKind, dimension, campaign, "p.created_at, p.id");
  }

  /** Judges' verdicts on the dimension, by source and then oldest first. */
  public List<StoredPreference> judgeVerdicts(String dimension) {
    return stored("judge", dimension, null, "p.source, p.created_at, p.id");
  }

  private List<Tuple> verdicts(PreferenceSelection selection, String columns, String groupBy) {
    String judge = selection.judge();
    String sourceFilter =
        judge == null
            ? ""
            : judge.contains("@") ? " AND p.source = :judge" : " AND p.source LIKE :judge";
    VerdictWindow window = selection.window();
    Query sql =
        entityManager
            .createNativeQuery(
                "SELECT sa.name AS system_a, sb.name AS system_b, d.verdict AS verdict, "
                    + columns
                    + " FROM (SELECT DISTINCT ON (p.source,"
                    + " p.response_a_id, p.response_b_id, p.dimension, CASE WHEN p.source_kind <>"
                    + " 'judge' THEN p.id END) p.response_a_id, p.response_b_id, p.verdict FROM"
                    + " preference p WHERE p.source_kind = :kind AND p.dimension = :dimension"
                    + sourceFilter
                    + (selection.campaign() == null ? "" : " AND p.campaign_id = :campaign")
                    + window.timeSql("p.created_at")
                    + window.datasetSql("p.prompt_id")
                    + " ORDER BY p.source, p.response_a_id, p.response_b_id, p.dimension, CASE WHEN"
                    + " p.source_kind <> 'judge' THEN p.id END, p.created_at) d"
                    + " JOIN response ra ON ra.id = d.response_a_id JOIN system_under_test sa ON"
                    + " sa.id = ra.system_id JOIN response rb ON rb.id = d.response_b_id JOIN"
                    + " system_under_test sb ON sb.id = rb.system_id"
                    + groupBy,
                Tuple.class)
            .setParameter("kind", selection.sourceKind())
            .setParameter("dimension", selection.dimension());
    if (judge != null) {
      sql.setParameter("judge", judge.contains("@") ? judge : judge + "@%");
    }
    if (selection.campaign() != null) {
      sql.setParameter("campaign", selection.campaign());
    }
    window.bind(sql);
    List<Tuple> rows = Rows.tuples(sql);
    return rows;
  }

  private List<StoredPreference> stored(
      String kind, String dimension, UUID campaign, String order) {
    Query sql =
        entityManager
            .createNativeQuery(
                "SELECT p.prompt_id AS prompt_id, p.response_a_id AS response_a_id,"
                    + " p.response_b_id AS response_b_id, p.verdict AS verdict, p.source AS source,"
                    + " p.position_conflict AS position_conflict FROM preference p"
                    + " WHERE p.source_kind = :kind AND p.dimension = :dimension"
                    + (campaign == null ? "" : " AND p.campaign_id = :campaign")
                    + " ORDER BY "
                    + order,
                Tuple.class)
            .setParameter("kind", kind)
            .setParameter("dimension", dimension);
    if (campaign != null) {
      sql.setParameter("campaign", campaign);
    }
    List<Tuple> rows = Rows.tuples(sql);
    return rows.stream()
        .map(
            row ->
                new StoredPreference(
                    row.get("prompt_id", Number.class).longValue(),
                    row.get("response_a_id", Number.class).longValue(),
                    row.get("response_b_id", Number.class).longValue(),
                    row.get("verdict", String.class),
                    row.get("source", String.class),
                    row.get("position_conflict", Boolean.class)))
        .toList();
  }
}
