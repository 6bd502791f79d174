/**
 * Pure writers for reward-data exports (TRL, OpenRLHF, LLaMA-Factory, scalar rewards) and the
 * deterministic archive they travel in. Audio lives beside the JSONL under {@code
 * audio/<sha256>.wav}; every path written is relative to the export root. Same input, same bytes:
 * records must arrive sorted, keys have a fixed order, numbers a fixed format, lines end with
 * {@code \n}.
 */
package dev.earshot.export.format;
