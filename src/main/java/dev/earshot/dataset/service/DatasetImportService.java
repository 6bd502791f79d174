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
import dev.earshot.dataset.manifest.VoteLine;
import dev.earshot.dataset.repository.DatasetRepository;
import dev.earshot.dataset.repository.PromptRepository;
import dev.earshot.dataset.repository.ResponseRepository;
import dev.earshot.dataset.repository.SystemRepository;
import dev.earshot.preference.HumanPreference;
import dev.earshot.preference.service.PreferenceService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
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
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Imports a dataset folder all or nothing: every line and every audio file is validated inside one
 * transaction, and any problem rolls the whole import back with the full list of problems.
 *
 * <p>Re-importing the same data changes nothing. Prompt text, reference and expectations may change
 * on re-import (fixing a typo); the audio of an existing prompt or response may not, because scores
 * and votes refer to it: such a line is reported as a conflict. Votes of {@code votes.jsonl} are
 * stored as human preferences ({@code rater:<name>}), or, when marked {@code simulated}, as
 * simulated ones ({@code simulated:<name>}) that human leaderboards, agreement and exports leave
 * out; a vote already stored is kept as it is, except that simulated votes which an earlier version
 * stored as human are reclassified.
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
  private final PreferenceService preferences;

  public DatasetImportService(
      AudioService audio,
      DatasetRepository datasets,
      PromptRepository prompts,
      SystemRepository systems,
      ResponseRepository responses,
      PreferenceService preferences) {
    this.audio = audio;
    this.datasets = datasets;
    this.prompts = prompts;
    this.systems = systems;
    this.responses = responses;
    this.preferences = preferences;
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
      return unchangedReport(
          existing.get(), source, preferences.reclassifySimulatedVotes(existing.get().id));
    }

    // Collect every problem before giving up: the lines, the audio, and the cross references.
    List<ManifestProblem> problems = new ArrayList<>(source.problems());
    Map<Path, String> audioHashes = ingestAudio(source, problems, progress);
    checkPromptReferences(source, existing, problems);
    checkVoteReferences(source, existing, problems);
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
    counts.updated += preferences.reclassifySimulatedVotes(dataset.id);
    counts.created += insertVotes(dataset, source.votes());
    progress.update(1, 1, "Imported");
    LOG.infof(
        "Imported dataset %s: %d prompts, %d responses, %d votes (%d created, %d updated)",
        dataset.name,
        source.prompts().size(),
        source.responses().size(),
        source.votes().size(),
        counts.created,
        counts.updated);
    return new ImportReport(
        dataset.name,
        counts.created == 0 && counts.updated == 0,
        source.prompts().size(),
        source.responses().size(),
        source.votes().size(),
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

  /** A vote compares two responses: each must be in responses.jsonl or already imported. */
  private void checkVoteReferences(
      DatasetFolder source, Optional<Dataset> existing, List<ManifestProblem> problems) {
    if (source.votes().isEmpty()) {
      return;
    }
    Set<String> answered = new HashSet<>();
    source.responses().forEach(r -> answered.add(responseKey(r.promptId(), r.system())));
    existing.ifPresent(
        dataset ->
            responses
                .allIn(dataset)
                .forEach(r -> answered.add(responseKey(r.prompt.externalId, r.system.name))));
    for (VoteLine vote : source.votes()) {
      for (String system : List.of(vote.systemA(), vote.systemB())) {
        if (!answered.contains(responseKey(vote.promptId(), system))) {
          problems.add(
              new ManifestProblem(
                  DatasetFolderReader.VOTES,
                  vote.line(),
                  "system '"
                      + system
                      + "' has no response to prompt '"
                      + vote.promptId()
                      + "' in responses.jsonl nor already in dataset '"
                      + source.name()
                      + "'"));
        }
      }
    }
  }

  private static String responseKey(String promptId, String system) {
    return promptId + "\u0000" + system;
  }

  /** Stores the votes that are not stored yet; returns how many were new. */
  private int insertVotes(Dataset dataset, List<VoteLine> votes) {
    if (votes.isEmpty()) {
      return 0;
    }
    Map<String, Response> byKey = new HashMap<>();
    responses
        .allIn(dataset)
        .forEach(r -> byKey.put(responseKey(r.prompt.externalId, r.system.name), r));
    int created = 0;
    for (VoteLine vote : votes) {
      Response a = byKey.get(responseKey(vote.promptId(), vote.systemA()));
      Response b = byKey.get(responseKey(vote.promptId(), vote.systemB()));
      HumanPreference preference =
          new HumanPreference(
              voteId(dataset, vote),
              a.prompt.id,
              a.id,
              b.id,
              vote.dimension(),
              vote.verdict(),
              (vote.simulated() ? "simulated:" : "rater:") + vote.rater(),
              vote.simulated() ? "{\"simulated\": true}" : "{}",
              null);
      boolean inserted =
          vote.simulated()
              ? preferences.recordSimulatedVote(preference)
              : preferences.recordImportedVote(preference);
      if (inserted) {
        created++;
      }
    }
    return created;
  }

  /** The same vote gets the same id on every import, so that re-importing stores nothing twice. */
  private static UUID voteId(Dataset dataset, VoteLine vote) {
    String key =
        String.join(
            "\u0000",
            "dataset-vote",
            dataset.name,
            vote.rater(),
            vote.promptId(),
            vote.systemA(),
            vote.systemB(),
            vote.dimension());
    return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8));
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

  /**
   * The report of a skipped import: nothing changed but the simulated votes that an earlier version
   * had stored as human, now reclassified.
   */
  private ImportReport unchangedReport(Dataset dataset, DatasetFolder source, int reclassified) {
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
        reclassified == 0,
        source.prompts().size(),
        source.responses().size(),
        source.votes().size(),
        systemNames.size(),
        audioFiles.size(),
        0,
        reclassified);
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
