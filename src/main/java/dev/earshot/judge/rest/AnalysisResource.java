package dev.earshot.judge.rest;

import dev.earshot.audio.decode.AudioRejectedException;
import dev.earshot.audio.decode.MonoAudio;
import dev.earshot.audio.service.AudioService;
import dev.earshot.judge.dsp.ProsodyAnalyzer;
import dev.earshot.judge.dsp.QualityAnalyzer;
import dev.earshot.judge.service.ProsodyReport;
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

/** Stateless measurements for users who just want numbers; nothing is stored. */
// Explicit, though it is the default role: OpenAPI then documents the bearer scheme.
@RolesAllowed(Role.RESEARCHER_NAME)
@Path("/api/analysis")
@Tag(name = "Analysis", description = "Signal measurements of a clip, without storing it")
public class AnalysisResource {

  private final AudioService audio;

  public AnalysisResource(AudioService audio) {
    this.audio = audio;
  }

  @POST
  @Path("prosody")
  @Consumes(MediaType.WILDCARD)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Prosody and quality of a clip",
      description =
          "Pitch (Boersma autocorrelation, 10 ms hop, 75-500 Hz), final slope and intonation,"
              + " speaking rate (syllable nuclei), pauses, BS.1770 loudness, RMS, WADA-SNR and clipping of"
              + " the raw WAV or FLAC body, analysed as mono 16 kHz. Same decoder and limits as POST /api/audio.")
  @RequestBody(
      content =
          @Content(
              mediaType = "audio/wav",
              schema = @Schema(type = SchemaType.STRING, format = "binary")))
  @APIResponse(
      responseCode = "200",
      content = @Content(schema = @Schema(implementation = ProsodyReport.class)))
  @APIResponse(responseCode = "413")
  @APIResponse(responseCode = "415")
  @APIResponse(responseCode = "422")
  public ProsodyReport prosody(InputStream body) throws AudioRejectedException {
    MonoAudio clip = audio.decodeForAnalysis(body);
    return ProsodyReport.of(
        ProsodyAnalyzer.analyze(clip.samples(), clip.sampleRate()),
        QualityAnalyzer.analyze(clip.samples(), clip.sampleRate()));
  }
}
