package dev.earshot.dataset.service;

import dev.earshot.audio.decode.AudioRejectedException;
import dev.earshot.audio.service.AudioService;
import dev.earshot.dataset.Dataset;
import dev.earshot.dataset.Prompt;
import dev.earshot.dataset.Response;
import dev.earshot.dataset.SystemUnderTest;
import dev.earshot.dataset.manifest.DatasetFolder;
import dev.earshot.dataset.manifest.DatasetFolderReader;
import dev.earshot.dataset.manifest.ManifestProblem;
import dev.earshot.dataset.manifest.PromptLine;
import dev.earshot.dataset.manifest.ResponseLine;
import dev.earshot.dataset.repository.DatasetRepository;
import dev.earshot.dataset.repository.PromptRepository;
import dev.earshot.dataset.repository.ResponseRepository;
import dev.earshot.dataset.repository.SystemRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Imports a dataset folder all or nothing: every line and every audio file is validated inside one
 * transaction, and any problem rolls the whole import back with the full list of problems.
 *
 * <p>Re-importing the same data changes nothing. Prompt text, reference and expectations may change
 * on re-import (fixing a typo); the audio of an existing prompt or response may not, because scores
 * and votes refer to it: such a line is reported as a conflict.
 */
@ApplicationScoped
public class DatasetImportService {

  private static final Logger LOG = Logger.getLogger(DatasetImportService.class);

  private final DatasetFolderReader reader = new DatasetFolderReader();
  private final AudioService audio;
  private final DatasetRepository datasets;
  private final PromptRepository prompts;
  private final SystemRepository systems;
  private final ResponseRepository responses;

  public DatasetImportService(
      AudioService audio,
      DatasetRepository datasets,
      PromptRepository prompts,
      SystemRepository systems,
      ResponseRepository responses) {
    this.audio = audio;
    this.datasets = datasets;
    this.prompts = prompts;
    this.systems = systems;
    this.responses = responses;
  }

  /**
   * Imports the dataset in {@code folder}.
   *
   * @param nameOverride dataset name to use instead of the one in {@code dataset.json}, or null
   * @throws DatasetRejectedException with every problem found; nothing is imported then
   */
  @Transactional(rollbackOn = DatasetRejectedException.class)
  public ImportReport importFolder(Path folder, String nameOverride, ImportProgress progress) {
    progress.update(0, 1, "Reading the manifest");
    DatasetFolder source = reader.read(folder, nameOverride);
    Optional<Dataset> existing = datasets.findByName(source.name());
    if (existing.isPresent() && source.sourceSha256().equals(existing.get().sourceSha256)) {
      return unchangedReport(existing.get(), source);
    }

    // Collect every problem before giving up: the lines, the audio, and the cross references.
    List<ManifestProblem> problems = new ArrayList<>(source.problems());
    Map<Path, String> audioHashes = ingestAudio(source, problems, progress);
    checkPromptReferences(source, existing, problems);
    if (!problems.isEmpty()) {
      throw rejected(problems);
    }

    Dataset dataset = existing.orElseGet(Dataset::new);
    dataset.name = source.name();
    if (source.description() != null) {
      dataset.description = source.description();
    }
    dataset.sourceSha256 = source.sourceSha256();
    dataset.updatedAt = OffsetDateTime.now();
    if (dataset.id == null) {
      datasets.persist(dataset);
    }

    Counts counts = new Counts();
    Map<String, Prompt> byId =
        upsertPrompts(dataset, source.prompts(), audioHashes, problems, counts);
    Set<String> systemNames = upsertResponses(source, byId, audioHashes, problems, counts);
    if (!problems.isEmpty()) {
      throw rejected(problems);
    }
    progress.update(1, 1, "Imported");
    LOG.infof(
        "Imported dataset %s: %d prompts, %d responses (%d created, %d updated)",
        dataset.name,
        source.prompts().size(),
        source.responses().size(),
        counts.created,
        counts.updated);
    return new ImportReport(
        dataset.name,
        counts.created == 0 && counts.updated == 0,
        source.prompts().size(),
        source.responses().size(),
        systemNames.size(),
        audioHashes.size(),
        counts.created,
        counts.updated);
  }

  private void checkPromptReferences(
      DatasetFolder source, Optional<Dataset> existing, List<ManifestProblem> problems) {
    Set<String> known = new HashSet<>();
    source.prompts().forEach(p -> known.add(p.id()));
    existing.ifPresent(dataset -> known.addAll(prompts.byExternalId(dataset).keySet()));
    for (ResponseLine line : source.responses()) {
      if (!known.contains(line.promptId())) {
        problems.add(
            new ManifestProblem(
                DatasetFolderReader.RESPONSES,
                line.line(),
                "prompt '"
                    + line.promptId()
                    + "' is not in manifest.jsonl nor already in dataset '"
                    + source.name()
                    + "'"));
      }
    }
  }

  /** All problems in file and line order, so that a person can work through them top to bottom. */
  private static DatasetRejectedException rejected(List<ManifestProblem> problems) {
    List<ManifestProblem> sorted = new ArrayList<>(problems);
    sorted.sort(
        Comparator.comparing(ManifestProblem::file).thenComparingInt(ManifestProblem::line));
    return new DatasetRejectedException(sorted);
  }

  private static final class Counts {
    int created;
    int updated;
  }

  private ImportReport unchangedReport(Dataset dataset, DatasetFolder source) {
    Set<String> systemNames = new LinkedHashSet<>();
    source.responses().forEach(r -> systemNames.add(r.system()));
    Set<Path> audioFiles = new LinkedHashSet<>();
    source.prompts().stream()
        .map(PromptLine::audio)
        .filter(Objects::nonNull)
        .forEach(audioFiles::add);
    source.responses().forEach(r -> audioFiles.add(r.audio()));
    return new ImportReport(
        dataset.name,
        true,
        source.prompts().size(),
        source.responses().size(),
        systemNames.size(),
        audioFiles.size(),
        0,
        0);
  }

  /**
   * Validates and stores every distinct audio file once; a bad file is reported on each line using
   * it.
   */
  private Map<Path, String> ingestAudio(
      DatasetFolder source, List<ManifestProblem> problems, ImportProgress progress) {
    Map<Path, List<ManifestProblem>> users = new LinkedHashMap<>();
    for (PromptLine prompt : source.prompts()) {
      if (prompt.audio() != null) {
        users
            .computeIfAbsent(prompt.audio(), p -> new ArrayList<>())
            .add(new ManifestProblem(DatasetFolderReader.MANIFEST, prompt.line(), ""));
      }
    }
    for (ResponseLine response : source.responses()) {
      users
          .computeIfAbsent(response.audio(), p -> new ArrayList<>())
          .add(new ManifestProblem(DatasetFolderReader.RESPONSES, response.line(), ""));
    }
    Map<Path, String> hashes = new HashMap<>();
    int done = 0;
    for (Map.Entry<Path, List<ManifestProblem>> entry : users.entrySet()) {
      Path file = entry.getKey();
      String relative = source.root().relativize(file).toString();
      progress.update(done++, users.size(), "Checking audio " + relative);
      try {
        hashes.put(file, audio.ingest(file).info().sha256());
      } catch (AudioRejectedException e) {
        for (ManifestProblem user : entry.getValue()) {
          problems.add(
              new ManifestProblem(
                  user.file(),
                  user.line(),
                  "audio '" + relative + "' rejected: " + e.getMessage()));
        }
      }
    }
    return hashes;
  }

  private Map<String, Prompt> upsertPrompts(
      Dataset dataset,
      List<PromptLine> lines,
      Map<Path, String> audioHashes,
      List<ManifestProblem> problems,
      Counts counts) {
    Map<String, Prompt> byId = dataset.id == null ? new HashMap<>() : prompts.byExternalId(dataset);
    int position = 0;
    for (PromptLine line : lines) {
      String audioSha = line.audio() == null ? null : audioHashes.get(line.audio());
      Prompt prompt = byId.get(line.id());
      if (prompt == null) {
        prompt = new Prompt();
        prompt.dataset = dataset;
        prompt.externalId = line.id();
        counts.created++;
      } else if (!Objects.equals(prompt.audioSha256, audioSha)) {
        problems.add(
            new ManifestProblem(
                DatasetFolderReader.MANIFEST,
                line.line(),
                "prompt '"
                    + line.id()
                    + "' already exists with different audio; give the changed prompt a new id"));
        continue;
      } else if (prompt.position != position
          || !Objects.equals(prompt.text, line.text())
          || !Objects.equals(prompt.reference, line.reference())
          || !Objects.equals(prompt.expectations, line.expectations())) {
        counts.updated++;
      }
      prompt.position = position++;
      prompt.text = line.text();
      prompt.reference = line.reference();
      prompt.audioSha256 = audioSha;
      prompt.expectations = line.expectations();
      if (prompt.id == null) {
        prompts.persist(prompt);
        byId.put(line.id(), prompt);
      }
    }
    return byId;
  }

  private Set<String> upsertResponses(
      DatasetFolder source,
      Map<String, Prompt> promptsById,
      Map<Path, String> audioHashes,
      List<ManifestProblem> problems,
      Counts counts) {
    Set<String> names = new LinkedHashSet<>();
    Map<String, SystemUnderTest> systemsByName = new HashMap<>();
    source
        .systemDescriptions()
        .forEach((name, description) -> systemsByName.put(name, system(name, description)));
    for (ResponseLine line : source.responses()) {
      Prompt prompt = promptsById.get(line.promptId());
      String audioSha = audioHashes.get(line.audio());
      if (prompt == null || prompt.id == null) {
        continue; // the prompt's own line has a conflict, reported there
      }
      names.add(line.system());
      SystemUnderTest system =
          systemsByName.computeIfAbsent(line.system(), name -> system(name, null));
      Optional<Response> known = responses.find(prompt.id, system.id);
      if (known.isPresent()) {
        Response response = known.get();
        if (!response.audioSha256.equals(audioSha)) {
          problems.add(
              new ManifestProblem(
                  DatasetFolderReader.RESPONSES,
                  line.line(),
                  "system '"
                      + line.system()
                      + "' already has a different audio response to prompt '"
                      + line.promptId()
                      + "'; import the new one under another system name"));
        } else if (!Objects.equals(response.textChannel, line.text())
            || !Objects.equals(response.latencyMs, line.latencyMs())) {
          response.textChannel = line.text();
          response.latencyMs = line.latencyMs();
          response.updatedAt = OffsetDateTime.now();
          counts.updated++;
        }
        continue;
      }
      Response response = new Response();
      response.prompt = prompt;
      response.system = system;
      response.audioSha256 = audioSha;
      response.textChannel = line.text();
      response.latencyMs = line.latencyMs();
      response.updatedAt = OffsetDateTime.now();
      responses.persist(response);
      counts.created++;
    }
    return names;
  }

  private SystemUnderTest system(String name, String description) {
    SystemUnderTest system =
        systems
            .findByName(name)
            .orElseGet(
                () -> {
                  SystemUnderTest created = new SystemUnderTest();
                  created.name = name;
                  systems.persist(created);
                  return created;
                });
    if (description != null) {
      system.description = description;
    }
    return system;
  }
}
