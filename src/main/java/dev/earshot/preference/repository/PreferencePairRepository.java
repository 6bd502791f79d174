package dev.earshot.preference.repository;

import dev.earshot.platform.db.Rows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;
import java.util.ArrayList;
import java.util.List;

/**
 * Preference pairs from table {@code preference} for training reward models: each source's verdict
 * on a pair counted once (a person's votes each count), ties and both-bad apart.
 */
@ApplicationScoped
public class PreferencePairRepository {

  /** A verdict with a winner. */
  public record DecidedPair(long promptId, long chosenResponseId, long rejectedResponseId) {}

  /** Pairs with a winner and pairs without one (tie, both bad). */
  public record Selection(List<DecidedPair> decided, int undecided) {}

  /**
   * Whose verdicts: every person's, every simulated rater's, every judge's, one judge's (every
   * version or one), one rater's. Simulated raters' votes count only when asked for by {@code
   * simulated} or {@code simulated:<name>}.
   */
  public record Source(String kind, String exactSource, String sourcePrefix) {

    /**
     * Parses {@code humans}, {@code simulated}, {@code judges}, {@code judge:<id>}, {@code
     * judge:<id>@<version>}, {@code rater:<name>} or {@code simulated:<name>}.
     *
     * @throws IllegalArgumentException for anything else
     */
    public static Source parse(String source) {
      if ("humans".equals(source)) {
        return new Source("human", null, null);
      }
      if ("simulated".equals(source)) {
        return new Source("simulated", null, null);
      }
      if ("judges".equals(source)) {
        return new Source("judge", null, null);
      }
      if (source != null && source.startsWith("judge:") && source.length() > "judge:".length()) {
        String judge = source.substring("judge:".length());
        return judge.contains("@")
            ? new Source("judge", judge, null)
            : new Source("judge", null, judge + "@");
      }
      if (source != null && source.startsWith("rater:") && source.length() > "rater:".length()) {
        return new Source("human", source, null);
      }
      if (source != null
          && source.startsWith("simulated:")
          && source.length() > "simulated:".length()) {
        return new Source("simulated", source, null);
      }
      throw new IllegalArgumentException(
          "source must be humans, simulated, judges, judge:<id>, judge:<id>@<version>,"
              + " rater:<name> or simulated:<name>; got "
              + source);
    }
  }

  // A judge that judged the same pair in several runs counts once (its first verdict); votes by
  // people and simulated raters are each their own.
  private static final String PAIRS =
      "SELECT d.prompt_id AS prompt_id, d.response_a_id AS response_a_id, d.response_b_id AS"
          + " response_b_id, d.verdict AS verdict FROM (SELECT DISTINCT ON"
          + " (p.source, p.response_a_id, p.response_b_id, CASE WHEN p.source_kind <> 'judge' THEN"
          + " p.id END) p.prompt_id, p.response_a_id, p.response_b_id, p.verdict, p.id FROM"
          + " preference p JOIN prompt pr ON pr.id = p.prompt_id JOIN dataset ds ON ds.id ="
          + " pr.dataset_id WHERE p.source_kind = :kind AND p.dimension = :dimension"
          + " AND (CAST(:dataset AS varchar) IS NULL OR ds.name = :dataset)"
          + " AND (CAST(:exact AS varchar) IS NULL OR p.source = :exact)"
          + " AND (CAST(:prefix AS varchar) IS NULL OR starts_with(p.source, :prefix))"
          + " ORDER BY p.source, p.response_a_id, p.response_b_id, CASE WHEN p.source_kind <>"
          + " 'judge' THEN p.id END, p.created_at, p.id) d ORDER BY d.prompt_id, d.response_a_id,"
          + " d.response_b_id, d.id";

  private final EntityManager entityManager;

  public PreferencePairRepository(EntityManager entityManager) {
    this.entityManager = entityManager;
  }

  /** The verdicts on {@code dimension} from {@code source}, in a fixed order. */
  public Selection select(String dataset, String dimension, Source source) {
    Query query =
        entityManager
            .createNativeQuery(PAIRS, Tuple.class)
            .setParameter("kind", source.kind())
            .setParameter("dimension", dimension)
            .setParameter("dataset", dataset)
            .setParameter("exact", source.exactSource())
            .setParameter("prefix", source.sourcePrefix());
    List<Tuple> rows = Rows.tuples(query);
    List<DecidedPair> decided = new ArrayList<>();
    int undecided = 0;
    for (Tuple row : rows) {
      long prompt = row.get("prompt_id", Number.class).longValue();
      long a = row.get("response_a_id", Number.class).longValue();
      long b = row.get("response_b_id", Number.class).longValue();
      switch (row.get("verdict", String.class)) {
        case "a_much_better", "a_better" -> decided.add(new DecidedPair(prompt, a, b));
        case "b_much_better", "b_better" -> decided.add(new DecidedPair(prompt, b, a));
        default -> undecided++;
      }
    }
    return new Selection(List.copyOf(decided), undecided);
  }
}
