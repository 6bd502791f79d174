package dev.earshot.dataset.manifest;

import java.nio.file.Path;

/**
 * A validated line of {@code manifest.jsonl}; {@code audio} is a resolved path inside the folder.
 */
public record PromptLine(
    int line,
    String id,
    String text,
    Path audio,
    String reference,
    PromptExpectations expectations) {}
