package dev.earshot.dataset.rest;

import dev.earshot.dataset.service.DatasetArchiveImporter;
import dev.earshot.dataset.service.DatasetService;
import dev.earshot.dataset.service.DatasetViews.DatasetSummary;
import dev.earshot.dataset.service.DatasetViews.NewResponse;
import dev.earshot.dataset.service.DatasetViews.Page;
import dev.earshot.dataset.service.DatasetViews.PromptView;
import dev.earshot.dataset.service.DatasetViews.ResponseView;
import dev.earshot.dataset.service.DatasetViews.SystemView;
import dev.earshot.dataset.service.ImportProgress;
import dev.earshot.dataset.service.ImportReport;
import dev.earshot.platform.error.DomainException;
import dev.earshot.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

// Explicit, though it is the default role: OpenAPI then documents the bearer scheme.
@RolesAllowed(Role.RESEARCHER_NAME)
@Path("/api/datasets")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Datasets", description = "Datasets, prompts, systems and responses")
public class DatasetResource {

  private final DatasetService datasets;
  private final DatasetArchiveImporter importer;
  private final long maxZipBytes;

  public DatasetResource(
      DatasetService datasets,
      DatasetArchiveImporter importer,
      dev.earshot.platform.config.EarshotConfig config) {
    this.datasets = datasets;
    this.importer = importer;
    this.maxZipBytes = config.datasets().maxZipBytes();
  }

  @GET
  @Operation(summary = "All datasets")
  public List<DatasetSummary> list() {
    return datasets.list();
  }

  @POST
  @Path("import")
  @Consumes(MediaType.WILDCARD)
  @Operation(
      summary = "Import a dataset zip",
      description =
          "The body is a zip of a dataset folder (manifest.jsonl, optional responses.jsonl and"
              + " dataset.json, and the audio they name). The whole dataset is validated first: any bad line"
              + " gets 422 with every problem (file, line, message) and nothing is imported. Importing the"
              + " same data again changes nothing.")
  @RequestBody(
      content =
          @Content(
              mediaType = "application/zip",
              schema = @Schema(type = SchemaType.STRING, format = "binary")))
  @APIResponse(
      responseCode = "200",
      description = "Imported",
      content = @Content(schema = @Schema(implementation = ImportReport.class)))
  @APIResponse(responseCode = "413", description = "Zip over earshot.datasets.max-zip-bytes")
  @APIResponse(responseCode = "422", description = "Invalid dataset; errors lists every problem")
  public ImportReport importZip(
      @QueryParam("name") @Schema(description = "dataset name; default: dataset.json's name")
          String name,
      @HeaderParam(HttpHeaders.CONTENT_LENGTH) Long contentLength,
      InputStream zip) {
    if (contentLength != null && contentLength > maxZipBytes) {
      throw DomainException.tooLarge(
          "Dataset zip too large",
          "The zip has "
              + contentLength
              + " bytes, more than earshot.datasets.max-zip-bytes ("
              + maxZipBytes
              + "); split the dataset.");
    }
    return importer.importZip(zip, name, ImportProgress.NONE);
  }

  @GET
  @Path("{name}")
  @Operation(summary = "One dataset")
  public DatasetSummary get(@PathParam("name") String name) {
    return datasets.get(name);
  }

  @GET
  @Path("{name}/prompts")
  @Operation(summary = "Prompts of a dataset, in manifest order, paged")
  public Page<PromptView> prompts(
      @PathParam("name") String name,
      @QueryParam("page") @DefaultValue("0") int page,
      @QueryParam("size") @DefaultValue("50") int size) {
    return datasets.prompts(name, page, size);
  }

  @GET
  @Path("{name}/prompts/{prompt}")
  @Operation(summary = "One prompt with its expectations")
  public PromptView prompt(@PathParam("name") String name, @PathParam("prompt") String prompt) {
    return datasets.prompt(name, prompt);
  }

  @GET
  @Path("{name}/systems")
  @Operation(summary = "Systems that answered prompts of a dataset")
  public List<SystemView> datasetSystems(@PathParam("name") String name) {
    return datasets.systems(name);
  }

  @GET
  @Path("{name}/responses")
  @Operation(summary = "Responses of a dataset, in prompt order, paged; optionally of one system")
  public Page<ResponseView> responses(
      @PathParam("name") String name,
      @QueryParam("system") String system,
      @QueryParam("page") @DefaultValue("0") int page,
      @QueryParam("size") @DefaultValue("50") int size) {
    return datasets.responses(name, system, page, size);
  }

  @POST
  @Path("{name}/responses")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Register a system's response to a prompt",
      description =
          "Upload the audio with POST /api/audio first, then name it here by SHA-256. Registering"
              + " the same response again only updates its text and latency.")
  @APIResponse(
      responseCode = "201",
      description = "Created",
      content = @Content(schema = @Schema(implementation = ResponseView.class)))
  @APIResponse(
      responseCode = "200",
      description = "Already there; text and latency updated",
      content = @Content(schema = @Schema(implementation = ResponseView.class)))
  @APIResponse(
      responseCode = "409",
      description = "The system already has a different audio response to the prompt")
  public Response register(@PathParam("name") String name, NewResponse request) {
    DatasetService.Registered registered = datasets.register(name, request);
    return Response.status(registered.created() ? Response.Status.CREATED : Response.Status.OK)
        .entity(registered.response())
        .build();
  }
}
