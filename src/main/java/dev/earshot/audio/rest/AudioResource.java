package dev.earshot.audio.rest;

import dev.earshot.audio.decode.AudioRejectedException;
import dev.earshot.audio.service.AudioInfoView;
import dev.earshot.audio.service.AudioService;
import dev.earshot.platform.config.EarshotConfig;
import dev.earshot.platform.error.DomainException;
import dev.earshot.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.PathPart;

// Explicit, though it is the default role: OpenAPI then documents the bearer scheme.
@RolesAllowed(Role.RESEARCHER_NAME)
@Path("/api/audio")
@Tag(name = "Audio", description = "Content-addressed audio storage (WAV and FLAC)")
public class AudioResource {

  private final AudioService audio;
  private final long maxBytes;

  public AudioResource(AudioService audio, EarshotConfig config) {
    this.audio = audio;
    this.maxBytes = config.audio().maxBytes();
  }

  @POST
  @Consumes(MediaType.WILDCARD)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Upload an audio file",
      description =
          "Send the raw file as the body (audio/wav, audio/flac or application/octet-stream). The format"
              + " is detected from the bytes. The same bytes again are not stored twice.")
  @RequestBody(
      content = {
        @Content(
            mediaType = "audio/wav",
            schema = @Schema(type = SchemaType.STRING, format = "binary")),
        @Content(
            mediaType = "audio/flac",
            schema = @Schema(type = SchemaType.STRING, format = "binary")),
        @Content(
            mediaType = "application/octet-stream",
            schema = @Schema(type = SchemaType.STRING, format = "binary"))
      })
  @APIResponse(
      responseCode = "201",
      description = "Stored",
      content = @Content(schema = @Schema(implementation = AudioInfoView.class)))
  @APIResponse(
      responseCode = "200",
      description = "Already stored",
      content = @Content(schema = @Schema(implementation = AudioInfoView.class)))
  @APIResponse(
      responseCode = "413",
      description = "Larger than earshot.audio.max-bytes or longer than earshot.audio.max-seconds")
  @APIResponse(
      responseCode = "415",
      description = "Not WAV or FLAC, or a codec that is not decoded (MP3, ADPCM, ...)")
  @APIResponse(
      responseCode = "422",
      description = "Malformed: empty, truncated, impossible header, NaN samples, ...")
  public Response upload(
      @HeaderParam(HttpHeaders.CONTENT_LENGTH) Long contentLength, InputStream body)
      throws AudioRejectedException {
    if (contentLength != null && contentLength > maxBytes) {
      throw DomainException.tooLarge(
          "Audio too large",
          "The file has "
              + contentLength
              + " bytes, more than the limit of "
              + maxBytes
              + " (earshot.audio.max-bytes).");
    }
    AudioService.Ingested ingested = audio.ingest(body);
    return Response.status(ingested.created() ? Response.Status.CREATED : Response.Status.OK)
        .entity(ingested.info())
        .build();
  }

  @GET
  @Path("{sha256}/info")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "Metadata of a stored audio file")
  @APIResponse(
      responseCode = "200",
      content = @Content(schema = @Schema(implementation = AudioInfoView.class)))
  public AudioInfoView info(@PathParam("sha256") String sha256) {
    return audio.find(sha256).orElseThrow(() -> unknown(sha256));
  }

  @GET
  @Path("{sha256}")
  @Produces({"audio/wav", "audio/flac"})
  @Operation(
      summary = "The original bytes of a stored audio file",
      description = "Supports HTTP Range (one range) for players.")
  @APIResponse(responseCode = "200", description = "Whole file")
  @APIResponse(responseCode = "206", description = "The requested range")
  @APIResponse(responseCode = "416")
  public Response stream(@PathParam("sha256") String sha256, @HeaderParam("Range") String range) {
    return streamStored(audio, sha256, range);
  }

  /**
   * The stored audio's bytes, or the one range asked for; also serves assignment-scoped audio of
   * the rating page.
   */
  public static Response streamStored(AudioService audio, String sha256, String range) {
    AudioInfoView info = audio.find(sha256).orElseThrow(() -> unknown(sha256));
    java.nio.file.Path file = audio.file(sha256).orElseThrow(() -> unknown(sha256));
    long size = size(file);
    String type = "flac".equals(info.format()) ? "audio/flac" : "audio/wav";
    return streamFile(file, size, type, sha256, ByteRange.parse(range, size));
  }

  /**
   * A file's bytes, or the one range asked for ({@code requested} null: the whole file), with range
   * support announced and the given entity tag; also serves the rating page's blind audio.
   */
  public static Response streamFile(
      java.nio.file.Path file, long size, String type, String etag, ByteRange requested) {
    Response.ResponseBuilder answer =
        requested == null
            ? Response.ok(new PathPart(file, 0, size))
            : Response.status(206)
                .entity(new PathPart(file, requested.start(), requested.length()))
                .header(
                    "Content-Range",
                    "bytes " + requested.start() + "-" + requested.end() + "/" + size);
    return answer
        .type(type)
        .header("Accept-Ranges", "bytes")
        .header(HttpHeaders.ETAG, "\"" + etag + "\"")
        .header(HttpHeaders.CACHE_CONTROL, "private, max-age=31536000, immutable")
        .build();
  }

  private static DomainException unknown(String sha256) {
    return DomainException.notFound(
        "No audio with SHA-256 " + sha256 + "; upload it with POST /api/audio");
  }

  /** Size of a file in bytes. */
  public static long size(java.nio.file.Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
