package dev.earshot.export.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import dev.earshot.export.service.ExportFiles.FileView;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An export and how far it got (contract of {@code GET /api/exports/{id}}). */
@Schema(name = "Export")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ExportStatus(
    long id,
    @Schema(description = "queued, running, done or failed") String status,
    @Schema(description = "0 to 1; reading records up to 0.9, then audio") double progress,
    @Schema(description = "the config with every default filled in", implementation = Object.class)
        JsonNode config,
    @Schema(
            description =
                "rows read, pairs formed, pairs dropped per step and why, records written; in step"
                    + " order, once done")
        Map<String, Long> counts,
    @Schema(
            description =
                "once done: what the counts warn about (no records written; most pairs dropped"
                    + " as without signal or duplicates); empty when nothing")
        List<String> warnings,
    @Schema(
            description = "the source table, rows read and the newest row's time, once done",
            implementation = Object.class)
        JsonNode highWaterMark,
    String createdBy,
    OffsetDateTime createdAt,
    OffsetDateTime startedAt,
    OffsetDateTime finishedAt,
    String error,
    @Schema(description = "where to download the .tar.gz, once done") String archive,
    @Schema(description = "the export's files, once done (left out of lists)")
        List<FileView> files) {}
