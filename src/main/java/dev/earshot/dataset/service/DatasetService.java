package dev.earshot.dataset.service;

import dev.earshot.audio.service.AudioInfoView;
import dev.earshot.audio.service.AudioService;
import dev.earshot.dataset.Dataset;
import dev.earshot.dataset.Prompt;
import dev.earshot.dataset.Response;
import dev.earshot.dataset.SystemUnderTest;
import dev.earshot.dataset.repository.DatasetRepository;
import dev.earshot.dataset.repository.PromptRepository;
import dev.earshot.dataset.repository.ResponseRepository;
import dev.earshot.dataset.repository.SystemRepository;
import dev.earshot.dataset.service.DatasetViews.DatasetSummary;
import dev.earshot.dataset.service.DatasetViews.NewResponse;
import dev.earshot.dataset.service.DatasetViews.Page;
import dev.earshot.dataset.service.DatasetViews.PromptView;
import dev.earshot.dataset.service.DatasetViews.ResponseView;
import dev.earshot.dataset.service.DatasetViews.SystemView;
import dev.earshot.platform.error.DomainException;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.regex.Pattern;

/** Reads datasets, prompts, systems and responses; registers single responses. */
@ApplicationScoped
public class DatasetService {

  public static final int MAX_PAGE_SIZE = 500;
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,100}");

  private final DatasetRepository datasets;
  private final PromptRepository prompts;
  private final SystemRepository systems;
  private final ResponseRepository responses;
  private final AudioService audio;

  public DatasetService(
      DatasetRepository datasets,
      PromptRepository prompts,
      SystemRepository systems,
      ResponseRepository responses,
      AudioService audio) {
    this.datasets = datasets;
    this.prompts = prompts;
    this.systems = systems;
    this.responses = responses;
    this.audio = audio;
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<DatasetSummary> list() {
    return datasets.listAll(Sort.by("name")).stream().map(this::summary).toList();
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public DatasetSummary get(String name) {
    return summary(dataset(name));
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Page<PromptView> prompts(String datasetName, int page, int size) {
    checkPage(page, size);
    Dataset dataset = dataset(datasetName);
    List<PromptView> items =
        prompts.page(dataset, page, size).stream().map(DatasetService::promptView).toList();
    return new Page<>(items, page, size, prompts.countIn(dataset));
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public PromptView prompt(String datasetName, String promptId) {
    return promptView(prompt(dataset(datasetName), promptId));
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<SystemView> systems() {
    return systems.listAll(Sort.by("name")).stream()
        .map(s -> new SystemView(s.name, s.description))
        .toList();
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<SystemView> systems(String datasetName) {
    return systems.answering(dataset(datasetName)).stream()
        .map(s -> new SystemView(s.name, s.description))
        .toList();
  }

  /** Responses of a dataset in prompt order; {@code systemName} null for all systems. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Page<ResponseView> responses(String datasetName, String systemName, int page, int size) {
    checkPage(page, size);
    Dataset dataset = dataset(datasetName);
    SystemUnderTest system = systemName == null ? null : system(systemName);
    List<ResponseView> items =
        responses.page(dataset, system, page, size).stream().map(this::responseView).toList();
    return new Page<>(items, page, size, responses.countIn(dataset, system));
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public ResponseView response(long id) {
    return responses
        .findByIdOptional(id)
        .map(this::responseView)
        .orElseThrow(() -> DomainException.notFound("No response with id " + id));
  }

  /**
   * Registers (or replaces the text and latency of) the response of a system to a prompt. The audio
   * must have been uploaded first; a different audio for an existing response is a conflict.
   *
   * @return the response and whether it was created
   */
  @Transactional
  public Registered register(String datasetName, NewResponse request) {
    if (request == null
        || request.prompt() == null
        || request.system() == null
        || request.audioSha256() == null) {
      throw DomainException.invalidRequest("prompt, system and audioSha256 are required");
    }
    if (!NAME.matcher(request.system()).matches()) {
      throw DomainException.invalidRequest(
          "system '"
              + request.system()
              + "' is not allowed: use 1-100 letters, digits, '.', '_' or '-'");
    }
    if (request.latencyMs() != null && request.latencyMs() < 0) {
      throw DomainException.invalidRequest("latencyMs must be >= 0");
    }
    Dataset dataset = dataset(datasetName);
    Prompt prompt = prompt(dataset, request.prompt());
    if (audio.find(request.audioSha256()).isEmpty()) {
      throw DomainException.invalid(
          "Unknown audio",
          "No audio with SHA-256 "
              + request.audioSha256()
              + "; upload the file with POST /api/audio first");
    }
    SystemUnderTest system =
        systems
            .findByName(request.system())
            .orElseGet(
                () -> {
                  SystemUnderTest created = new SystemUnderTest();
                  created.name = request.system();
                  systems.persist(created);
                  return created;
                });
    Response response = responses.find(prompt.id, system.id).orElse(null);
    boolean created = response == null;
    if (created) {
      response = new Response();
      response.prompt = prompt;
      response.system = system;
      response.audioSha256 = request.audioSha256();
    } else if (!response.audioSha256.equals(request.audioSha256())) {
      throw DomainException.conflict(
          "Response exists",
          "System '"
              + system.name
              + "' already has a different audio response to prompt '"
              + prompt.externalId
              + "'; register the new audio under another system name");
    }
    response.textChannel = request.text();
    response.latencyMs = request.latencyMs();
    response.updatedAt = OffsetDateTime.now();
    if (created) {
      responses.persist(response);
    }
    return new Registered(responseView(response), created);
  }

  /** A registered response and whether the call created it. */
  public record Registered(ResponseView response, boolean created) {}

  private Dataset dataset(String name) {
    return datasets
        .findByName(name)
        .orElseThrow(
            () ->
                DomainException.notFound(
                    "No dataset named '" + name + "'; GET /api/datasets lists them"));
  }

  private Prompt prompt(Dataset dataset, String promptId) {
    return prompts
        .findByExternalId(dataset, promptId)
        .orElseThrow(
            () ->
                DomainException.notFound(
                    "No prompt '" + promptId + "' in dataset '" + dataset.name + "'"));
  }

  private SystemUnderTest system(String name) {
    return systems
        .findByName(name)
        .orElseThrow(
            () ->
                DomainException.notFound(
                    "No system named '" + name + "'; GET /api/systems lists them"));
  }

  private DatasetSummary summary(Dataset dataset) {
    List<String> systemNames = systems.answering(dataset).stream().map(s -> s.name).toList();
    return new DatasetSummary(
        dataset.name,
        dataset.description,
        prompts.countIn(dataset),
        responses.countIn(dataset, null),
        systemNames,
        dataset.createdAt,
        dataset.updatedAt);
  }

  private static PromptView promptView(Prompt prompt) {
    return new PromptView(
        prompt.externalId,
        prompt.position,
        prompt.text,
        prompt.audioSha256,
        audioUrl(prompt.audioSha256),
        prompt.reference,
        prompt.expectations);
  }

  private ResponseView responseView(Response response) {
    Double duration =
        audio.find(response.audioSha256).map(AudioInfoView::durationSeconds).orElse(null);
    return new ResponseView(
        response.id,
        response.prompt.dataset.name,
        response.prompt.externalId,
        response.system.name,
        response.audioSha256,
        audioUrl(response.audioSha256),
        duration,
        response.textChannel,
        response.latencyMs);
  }

  private static String audioUrl(String sha256) {
    return sha256 == null ? null : "/api/audio/" + sha256;
  }

  private static void checkPage(int page, int size) {
    if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
      throw DomainException.invalidRequest(
          "page must be >= 0 and size between 1 and " + MAX_PAGE_SIZE);
    }
    // The query's row offset is an int: a page beyond it would wrap around.
    if ((long) page * size > Integer.MAX_VALUE - size) {
      throw DomainException.invalidRequest(
          "page "
              + page
              + " of size "
              + size
              + " is beyond the last row any dataset can have; ask for a smaller page number");
    }
  }
}
