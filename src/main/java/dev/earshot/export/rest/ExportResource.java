package dev.earshot.export.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.earshot.export.service.ExportConfig;
import dev.earshot.export.service.ExportService;
import dev.earshot.export.service.ExportService.Archive;
import dev.earshot.export.service.ExportStatus;
import dev.earshot.platform.rest.Problem;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.StreamingOutput;
import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/exports")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"admin", "researcher"})
@Tag(
    name = "Export",
    description =
        "Reproducible reward-data exports for TRL, OpenRLHF and LLaMA-Factory, and scalar rewards")
public class ExportResource {

  private static final String GZIP = "application/gzip";

  private final ExportService exports;

  public ExportResource(ExportService exports) {
    this.exports = exports;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Create an export",
      description =
          "Checks the config, fills in its defaults and queues the export; a background worker"
              + " writes it. Watch it at the Location.")
  @RequestBody(content = @Content(schema = @Schema(implementation = ExportConfig.class)))
  @APIResponse(
      responseCode = "202",
      description = "Queued",
      content = @Content(schema = @Schema(implementation = ExportStatus.class)))
  @APIResponse(
      responseCode = "400",
      description = "Not a JSON object, a field of the wrong type or an unknown field (named)")
  @APIResponse(
      responseCode = "422",
      description = "A value that cannot be used; errors lists every field with why")
  public Response create(JsonNode config, @Context SecurityContext security) {
    Principal user = security.getUserPrincipal();
    ExportStatus export = exports.create(config, user == null ? null : user.getName());
    return Response.accepted(export).location(URI.create("/api/exports/" + export.id())).build();
  }

  @GET
  @Operation(summary = "Every export, newest first (without file lists)")
  public List<ExportStatus> list() {
    return exports.list();
  }

  @GET
  @Path("{id}")
  @Operation(
      summary = "An export: status, progress, config, counts per step, high-water mark, files")
  @APIResponse(
      responseCode = "200",
      content = @Content(schema = @Schema(implementation = ExportStatus.class)))
  public ExportStatus get(@PathParam("id") long id) {
    return exports.get(id);
  }

  @GET
  @Path("{id}/archive")
  @Produces({GZIP, Problem.MEDIA_TYPE})
  @Operation(
      summary = "Download a finished export as .tar.gz",
      description =
          "Every file under earshot-export/, sorted, with fixed times and owners: the same export"
              + " gives the same bytes.")
  @APIResponse(responseCode = "200", content = @Content(mediaType = GZIP))
  @APIResponse(responseCode = "409", description = "Not finished (queued, running or failed)")
  public Response archive(@PathParam("id") long id) {
    Archive archive = exports.archive(id);
    StreamingOutput body = out -> archive.writer().writeTo(out);
    return Response.ok(body, GZIP)
        .header("Content-Disposition", "attachment; filename=\"" + archive.fileName() + "\"")
        .build();
  }

  @GET
  @Path("{id}/files/{path: .+}")
  @Produces({
    MediaType.APPLICATION_OCTET_STREAM,
    MediaType.APPLICATION_JSON,
    MediaType.TEXT_PLAIN,
    "audio/wav",
    "application/jsonl",
    Problem.MEDIA_TYPE
  })
  @Operation(
      summary = "One file of a finished export",
      description = "Paths as listed in GET /api/exports/{id}, e.g. data.jsonl or audio/<sha>.wav")
  @APIResponse(responseCode = "200", description = "The file's bytes")
  @APIResponse(responseCode = "409", description = "Not finished")
  public Response file(@PathParam("id") long id, @PathParam("path") String path) {
    java.nio.file.Path file = exports.file(id, path);
    return Response.ok(file.toFile(), mediaType(path)).build();
  }

  private static String mediaType(String path) {
    String name = path.toLowerCase(Locale.ROOT);
    if (name.endsWith(".jsonl")) {
      return "application/jsonl";
    }
    if (name.endsWith(".json")) {
      return MediaType.APPLICATION_JSON;
    }
    if (name.endsWith(".wav")) {
      return "audio/wav";
    }
    return MediaType.TEXT_PLAIN;
  }
}
