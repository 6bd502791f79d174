package dev.earshot.codec.rest;

import dev.earshot.audio.decode.AudioRejectedException;
import dev.earshot.codec.service.CodecService;
import dev.earshot.codec.service.CodecViews.CodecLeaderboard;
import dev.earshot.codec.service.CodecViews.CodecView;
import dev.earshot.codec.service.CodecViews.NewCodec;
import dev.earshot.codec.service.CodecViews.NewCodecRun;
import dev.earshot.dataset.service.DatasetViews.ResponseView;
import dev.earshot.evaluation.service.RunViews.RunView;
import dev.earshot.platform.error.DomainException;
import dev.earshot.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

// Explicit, though it is the default role: OpenAPI then documents the bearer scheme.
@RolesAllowed(Role.RESEARCHER_NAME)
@Path("/api/codecs")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
    name = "Codecs",
    description = "Speech codecs (tokenizers) compared by resynthesis of a dataset's prompt audio")
public class CodecResource {

  private final CodecService codecs;

  public CodecResource(CodecService codecs) {
    this.codecs = codecs;
  }

  @GET
  @Operation(summary = "All registered codecs, by name")
  public List<CodecView> list() {
    return codecs.list();
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Register a codec",
      description =
          "A codec is the system of the same name: its responses are resyntheses of the prompts'"
              + " audio. Its bitrate is frameRate × codebooks × log2(codebookSize) bit/s.")
  @APIResponse(
      responseCode = "201",
      content = @Content(schema = @Schema(implementation = CodecView.class)))
  @APIResponse(responseCode = "409", description = "A codec of that name exists")
  @APIResponse(responseCode = "422", description = "Invalid shape; errors names each field")
  public Response register(NewCodec request) {
    CodecView codec = codecs.register(request);
    return Response.created(URI.create("/api/codecs/" + codec.name())).entity(codec).build();
  }

  @GET
  @Path("{name}")
  @Operation(summary = "One codec")
  public CodecView get(@PathParam("name") String name) {
    return codecs.get(name);
  }

  @POST
  @Path("{name}/resyntheses/{dataset}/{prompt}")
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @Operation(
      summary = "Upload the codec's resynthesis of one prompt",
      description =
          "Part 'audio' (WAV or FLAC, at least 0.5 s) is the codec's encode-decode of the prompt's"
              + " audio; it is stored as the response of the system named like the codec, like"
              + " POST /api/datasets/{name}/responses. For many prompts at once import a dataset"
              + " zip whose responses.jsonl names the codec as system (POST /api/datasets/import).")
  @APIResponse(
      responseCode = "201",
      content = @Content(schema = @Schema(implementation = ResponseView.class)))
  @APIResponse(
      responseCode = "200",
      description = "The same audio was there already",
      content = @Content(schema = @Schema(implementation = ResponseView.class)))
  @APIResponse(responseCode = "409", description = "A different resynthesis of the prompt exists")
  @APIResponse(responseCode = "413")
  @APIResponse(responseCode = "415")
  @APIResponse(
      responseCode = "422",
      description = "Not audio, shorter than 0.5 s, or a prompt without audio")
  public Response uploadResynthesis(
      @PathParam("name") String name,
      @PathParam("dataset") String dataset,
      @PathParam("prompt") String prompt,
      @RestForm("audio") @Schema(type = SchemaType.STRING, format = "binary") FileUpload audio)
      throws AudioRejectedException {
    if (audio == null) {
      throw DomainException.invalidRequest(
          "The multipart form needs a part named 'audio' holding a WAV or FLAC file");
    }
    CodecService.Registered registered =
        codecs.uploadResynthesis(name, dataset, prompt, audio.uploadedFile());
    return Response.status(registered.created() ? Response.Status.CREATED : Response.Status.OK)
        .entity(registered.response())
        .build();
  }

  @POST
  @Path("runs")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Start a codec run",
      description =
          "Queues one resynthesis job per response of the chosen codecs on the durable evaluation"
              + " queue; each compares the resynthesis with its prompt's audio and stores the"
              + " metrics of POST /api/analysis/resynthesis. Follow it with GET /api/runs/{id}.")
  @APIResponse(
      responseCode = "201",
      content = @Content(schema = @Schema(implementation = RunView.class)))
  @APIResponse(responseCode = "422", description = "Unknown dataset or codec, or nothing to do")
  public Response startRun(NewCodecRun request) {
    RunView run = codecs.startRun(request);
    return Response.created(URI.create("/api/runs/" + run.id())).entity(run).build();
  }

  @GET
  @Path("runs")
  @Operation(summary = "Codec runs of a dataset, newest first")
  public List<RunView> runs(@QueryParam("dataset") String dataset) {
    if (dataset == null) {
      throw DomainException.invalidRequest("name the dataset: ?dataset=...");
    }
    return codecs.runs(dataset);
  }

  @GET
  @Path("leaderboard")
  @Operation(
      summary = "Codec leaderboard of a dataset",
      description =
          "Per codec, by ascending bitrate: each resynthesis metric's mean over the measured items"
              + " with a seeded 95 % percentile bootstrap interval (1000 resamples of the items).")
  public CodecLeaderboard leaderboard(
      @QueryParam("dataset") String dataset, @QueryParam("seed") @DefaultValue("1") long seed) {
    if (dataset == null) {
      throw DomainException.invalidRequest("name the dataset: ?dataset=...");
    }
    return codecs.leaderboard(dataset, seed);
  }
}
