package dev.earshot.duplex.rest;

import dev.earshot.audio.decode.AudioRejectedException;
import dev.earshot.duplex.service.DuplexAnalysisService;
import dev.earshot.duplex.service.DuplexReport;
import dev.earshot.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Stateless full-duplex timing of a two-channel dialogue; nothing is stored. */
// Explicit, though it is the default role: OpenAPI then documents the bearer scheme.
@RolesAllowed(Role.RESEARCHER_NAME)
@Path("/api/analysis/duplex")
@Tag(name = "Analysis", description = "Signal measurements of a clip, without storing it")
public class DuplexAnalysisResource {

  private final DuplexAnalysisService duplex;

  public DuplexAnalysisResource(DuplexAnalysisService duplex) {
    this.duplex = duplex;
  }

  @POST
  @Consumes(MediaType.WILDCARD)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Full-duplex timing of a two-channel dialogue",
      description =
          "Of the raw WAV or FLAC body, channel 1 the user and channel 2 the model: speech segments"
              + " per channel (Silero VAD v5 with edges refined to 10 ms by level, or a level-only"
              + " fallback when the model file is absent; named in 'segmenter'; stretches merged"
              + " across silences under 0.2 s, segments under 0.1 s dropped), then response"
              + " latencies, overlap, model interruptions and backchannels, user barge-ins and how"
              + " soon the model yielded. Definitions in the README's 'Full-duplex timing'. Same"
              + " decoder and limits as POST /api/audio; 422 unless the audio has exactly 2"
              + " channels.")
  @RequestBody(
      content =
          @Content(
              mediaType = "audio/wav",
              schema = @Schema(type = SchemaType.STRING, format = "binary")))
  @APIResponse(
      responseCode = "200",
      content = @Content(schema = @Schema(implementation = DuplexReport.class)))
  @APIResponse(responseCode = "413")
  @APIResponse(responseCode = "415")
  @APIResponse(responseCode = "422")
  public DuplexReport duplex(InputStream body) throws AudioRejectedException {
    return duplex.analyze(body);
  }
}
