package dev.earshot.dataset.service;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Outcome of a successful import. */
@Schema(name = "ImportReport")
public record ImportReport(
    String dataset,
    @Schema(description = "true when the same data was imported before and nothing changed")
        boolean unchanged,
    int prompts,
    int responses,
    @Schema(description = "lines of votes.jsonl") int votes,
    int systems,
    int audioFiles,
    @Schema(description = "prompts, responses and votes created by this import") int created,
    @Schema(description = "prompts whose text, reference or expectations this import changed")
        int updated) {}
