package dev.earshot.leaderboard.service;

import dev.earshot.leaderboard.arena.Battle;
import dev.earshot.leaderboard.arena.BattleLogParser;
import dev.earshot.platform.rest.ProblemException;
import dev.earshot.stats.Outcome;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Imports battle logs of other arenas, all or nothing, so that they can be ranked like our votes.
 */
@ApplicationScoped
public class ArenaService {

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,100}");
  private static final int BATCH = 5_000;
  static final Map<Outcome, String> STORED =
      Map.of(
          Outcome.A_WINS,
          "a",
          Outcome.B_WINS,
          "b",
          Outcome.TIE,
          "tie",
          Outcome.BOTH_BAD,
          "both_bad");

  private final AgroalDataSource dataSource;
  private final BattleLogParser parser = new BattleLogParser();

  public ArenaService(AgroalDataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Outcome of an import. */
  @Schema(name = "ArenaImport")
  public record ImportedBattles(String arena, int imported) {}

  @Transactional
  public ImportedBattles importBattles(String arena, String log) {
    if (!NAME.matcher(arena).matches()) {
      throw ProblemException.badRequest(
          "arena name '" + arena + "' is not allowed: use 1-100 letters, digits, '.', '_' or '-'");
    }
    BattleLogParser.Result result = parser.parse(log);
    if (!result.valid()) {
      throw new ProblemException(
          422,
          "Invalid battle log",
          result.problems().size() + " bad rows; nothing was imported. Fix them and import again.",
          result.problems());
    }
    insert(arena, result.battles());
    return new ImportedBattles(arena, result.battles().size());
  }

  private void insert(String arena, List<Battle> battles) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement insert =
            connection.prepareStatement(
                "INSERT INTO arena_battle (arena, system_a, system_b, outcome) VALUES (?, ?, ?, ?)")) {
      int pending = 0;
      for (Battle battle : battles) {
        insert.setString(1, arena);
        insert.setString(2, battle.systemA());
        insert.setString(3, battle.systemB());
        insert.setString(4, STORED.get(battle.outcome()));
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
