package dev.earshot.export.service;

import com.fasterxml.jackson.databind.JsonNode;
import dev.earshot.audit.service.AuditLog;
import dev.earshot.export.repository.ExportCatalogueRepository;
import dev.earshot.export.repository.ExportRepository;
import dev.earshot.export.repository.ExportRepository.ExportRow;
import dev.earshot.export.repository.ExportSnapshot.HighWaterMark;
import dev.earshot.judge.service.CodecEncoderService;
import dev.earshot.platform.error.DomainException;
import dev.earshot.rating.service.CampaignService;
import dev.earshot.rating.service.CampaignViews.CampaignChoice;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Creates exports (checked config, queued row) and reports them; the {@link ExportWorker} writes
 * them. Finished exports are served from their folder.
 */
@ApplicationScoped
public class ExportService {

  private final ExportRepository exports;
  private final ExportCatalogueRepository catalogue;
  private final ExportFiles files;
  private final Event<ExportQueued> queued;
  private final CampaignService campaigns;
  private final AuditLog audit;
  private final CodecEncoderService codecEncoder;

  public ExportService(
      ExportRepository exports,
      ExportCatalogueRepository catalogue,
      ExportFiles files,
      Event<ExportQueued> queued,
      CampaignService campaigns,
      AuditLog audit,
      CodecEncoderService codecEncoder) {
    this.exports = exports;
    this.catalogue = catalogue;
    this.files = files;
    this.queued = queued;
    this.campaigns = campaigns;
    this.audit = audit;
    this.codecEncoder = codecEncoder;
  }

  /** Checks a config sent as JSON and queues the export. */
  @Transactional
  public ExportStatus create(JsonNode config, String createdBy) {
    return create(ExportJson.parseRequest(config), createdBy);
  }

  /** Checks the config, fills in its defaults and queues the export. */
  @Transactional
  public ExportStatus create(ExportConfig config, String createdBy) {
    ExportConfig normalised = ConfigRules.normalise(config, new DatabaseCatalogue());
    long id = exports.insert(ExportJson.write(normalised), createdBy);
    audit.record(
        "export.created",
        String.valueOf(id),
        "format",
        normalised.format().name().toLowerCase(Locale.ROOT));
    queued.fire(new ExportQueued(id));
    return status(row(id), false);
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<ExportStatus> list() {
    return exports.list().stream().map(row -> status(row, false)).toList();
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public ExportStatus get(long id) {
    return status(row(id), true);
  }

  /** Every dimension that has votes or scores, sorted: what an export can be filtered to. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<String> dimensions() {
    return catalogue.dimensions();
  }

  /** Rating campaigns, newest first: what an export's human votes can be filtered to. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<CampaignChoice> campaigns() {
    return campaigns.choices();
  }

  /** The archive of a finished export: its download name and a writer of its bytes. */
  public record Archive(String fileName, ArchiveWriter writer) {}

  /** Writes an archive's bytes. */
  @FunctionalInterface
  public interface ArchiveWriter {
    void writeTo(OutputStream out) throws IOException;
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Archive archive(long id) {
    requireDone(row(id));
    return new Archive("earshot-export-" + id + ".tar.gz", out -> files.writeArchive(id, out));
  }

  /** A file of a finished export by its path inside the export. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Path file(long id, String path) {
    requireDone(row(id));
    Path file = files.file(id, path);
    if (file == null) {
      throw DomainException.notFound(
          "Export " + id + " has no file '" + path + "'; GET /api/exports/" + id + " lists them");
    }
    return file;
  }

  /** Takes a queued export for writing; empty when it is not queued any more. */
  @Transactional
  Optional<ExportConfig> claim(long id) {
    if (!exports.claim(id)) {
      return Optional.empty();
    }
    return Optional.of(ExportJson.readConfig(row(id).configJson()));
  }

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  void progress(long id, double progress) {
    exports.progress(id, Math.min(1, Math.max(0, progress)));
  }

  @Transactional
  void finish(long id, Map<String, Long> counts, HighWaterMark highWaterMark) {
    List<Map<String, Object>> steps = new ArrayList<>();
    counts.forEach((step, count) -> steps.add(Map.of("step", step, "count", count)));
    // An array keeps the step order, which a jsonb object would not.
    exports.finish(id, ExportJson.write(steps), ExportJson.write(highWaterMark));
  }

  @Transactional
  void fail(long id, String error) {
    exports.fail(id, error);
  }

  /**
   * Exports cut off by a stop cannot resume in this process: those queued before {@code
   * queuedBefore} (this start) and not finished are marked failed.
   */
  @Transactional
  int failUnfinished(OffsetDateTime queuedBefore) {
    return exports.failUnfinished(
        queuedBefore,
        "the service stopped before the export finished; create it again (the same config on the"
            + " same data gives the same files)");
  }

  private ExportRow row(long id) {
    return exports.find(id).orElseThrow(() -> DomainException.notFound("No export with id " + id));
  }

  private static void requireDone(ExportRow row) {
    if (!"done".equals(row.status())) {
      throw DomainException.conflict(
          "Export not finished",
          "Export "
              + row.id()
              + " is "
              + row.status()
              + (row.error() == null ? "" : " (" + row.error() + ")")
              + "; its files are there once GET /api/exports/"
              + row.id()
              + " says done");
    }
  }

  private ExportStatus status(ExportRow row, boolean withFiles) {
    boolean done = "done".equals(row.status());
    Map<String, Long> counts = row.countsJson() == null ? null : counts(row.countsJson());
    return new ExportStatus(
        row.id(),
        row.status(),
        row.progress(),
        ExportJson.readTree(row.configJson()),
        counts,
        done ? ExportWarnings.of(counts) : null,
        row.highWaterMarkJson() == null ? null : ExportJson.readTree(row.highWaterMarkJson()),
        row.createdBy(),
        row.createdAt(),
        row.startedAt(),
        row.finishedAt(),
        row.error(),
        done ? "/api/exports/" + row.id() + "/archive" : null,
        done && withFiles ? List.copyOf(files.list(row.id()).values()) : null);
  }

  private static Map<String, Long> counts(String json) {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (JsonNode step : ExportJson.readTree(json)) {
      counts.put(step.get("step").asText(), step.get("count").asLong());
    }
    return counts;
  }

  /** Looks up the names a config refers to. */
  private final class DatabaseCatalogue implements ConfigRules.Catalogue {

    @Override
    public boolean datasetExists(String name) {
      return catalogue.datasetExists(name);
    }

    @Override
    public boolean systemExists(String name) {
      return catalogue.systemExists(name);
    }

    @Override
    public boolean judgeExists(String id, String version) {
      return version == null
          ? catalogue.judgeExists(id)
          : catalogue.judgeVersionExists(id, version);
    }

    @Override
    public boolean campaignExists(UUID id) {
      return campaigns.exists(id);
    }

    @Override
    public Optional<String> codecEncoderUnavailable() {
      return codecEncoder.unavailableReason();
    }
  }
}
