package dev.earshot.leaderboard.service;

import dev.earshot.audit.service.AuditLog;
import dev.earshot.leaderboard.arena.BattleLogParser;
import dev.earshot.leaderboard.repository.ArenaBattleRepository;
import dev.earshot.platform.error.DomainException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Imports battle logs of other arenas, all or nothing, so that they can be ranked like our votes.
 */
@ApplicationScoped
public class ArenaService {

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,100}");

  private final ArenaBattleRepository battles;
  private final BattleLogParser parser = new BattleLogParser();
  private final AuditLog audit;

  public ArenaService(ArenaBattleRepository battles, AuditLog audit) {
    this.battles = battles;
    this.audit = audit;
  }

  /** Outcome of an import. */
  @Schema(name = "ArenaImport")
  public record ImportedBattles(String arena, int imported) {}

  @Transactional
  public ImportedBattles importBattles(String arena, String log) {
    if (!NAME.matcher(arena).matches()) {
      throw DomainException.invalidRequest(
          "arena name '" + arena + "' is not allowed: use 1-100 letters, digits, '.', '_' or '-'");
    }
    BattleLogParser.Result result = parser.parse(log);
    if (!result.valid()) {
      throw DomainException.invalid(
          "Invalid battle log",
          result.problems().size() + " bad rows; nothing was imported. Fix them and import again.",
          result.problems());
    }
    battles.insert(arena, result.battles());
    audit.record("arena.imported", arena, "battles", String.valueOf(result.battles().size()));
    return new ImportedBattles(arena, result.battles().size());
  }
}
