package dev.earshot.dataset.manifest;

import java.nio.file.Path;

/**
 * A validated line of {@code responses.jsonl}; {@code audio} is a resolved path inside the folder.
 */
public record ResponseLine(
    int line, String system, String promptId, Path audio, String text, Integer latencyMs) {}
