package dev.earshot.leaderboard.repository;

import dev.earshot.leaderboard.arena.Battle;
import dev.earshot.platform.db.Rows;
import dev.earshot.preference.repository.PreferenceTallyRepository.PairTally;
import dev.earshot.preference.repository.PreferenceTallyRepository.VerdictWindow;
import dev.earshot.stats.Outcome;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** Table {@code arena_battle}: battles imported from other arenas' logs. */
@ApplicationScoped
public class ArenaBattleRepository {

  /** How each outcome is stored in the {@code outcome} column. */
  public static final Map<Outcome, String> STORED_OUTCOMES =
      Map.of(
          Outcome.A_WINS,
          "a",
          Outcome.B_WINS,
          "b",
          Outcome.TIE,
          "tie",
          Outcome.BOTH_BAD,
          "both_bad");

  private static final int BATCH = 5_000;

  private final EntityManager entityManager;
  private final AgroalDataSource dataSource;

  public ArenaBattleRepository(EntityManager entityManager, AgroalDataSource dataSource) {
    this.entityManager = entityManager;
    this.dataSource = dataSource;
  }

  /** Names of the arenas with imported battles, in name order. */
  public List<String> arenas() {
    @SuppressWarnings("unchecked")
    List<String> names =
        entityManager
            .createNativeQuery("SELECT DISTINCT arena FROM arena_battle ORDER BY arena")
            .getResultList();
    return names;
  }

  /**
   * The arena's battles imported in the time window (null bounds do not filter), counted per system
   * pair and stored outcome.
   */
  public List<PairTally> tallies(String arena, OffsetDateTime since, OffsetDateTime asOf) {
    // Arena battles belong to no dataset.
    VerdictWindow window = new VerdictWindow(null, since, asOf);
    Query sql =
        entityManager
            .createNativeQuery(
                "SELECT system_a AS system_a, system_b AS system_b, outcome AS verdict,"
                    + " count(*) AS battles FROM arena_battle WHERE arena = :arena"
                    + window.timeSql("imported_at")
                    + " GROUP BY 1, 2, 3",
                Tuple.class)
            .setParameter("arena", arena);
    window.bind(sql);
    List<Tuple> rows = Rows.tuples(sql);
    return rows.stream().map(PairTally::of).toList();
  }

  /**
   * Stores the battles in JDBC batches, within the caller's transaction: a large log is imported
   * without an entity per battle.
   */
  public void insert(String arena, List<Battle> battles) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement insert =
            connection.prepareStatement(
                "INSERT INTO arena_battle (arena, system_a, system_b, outcome) VALUES (?, ?, ?, ?)")) {
      int pending = 0;
      for (Battle battle : battles) {
        insert.setString(1, arena);
        insert.setString(2, battle.systemA());
        insert.setString(3, battle.systemB());
        insert.setString(4, STORED_OUTCOMES.get(battle.outcome()));
        insert.addBatch();
        if (++pending == BATCH) {
          insert.executeBatch();
          pending = 0;
        }
      }
      insert.executeBatch();
    } catch (SQLException e) {
      throw new IllegalStateException("could not store the battles: " + e.getMessage(), e);
    }
  }
}
