package dev.earshot.judge.rest;

import dev.earshot.audio.decode.AudioRejectedException;
import dev.earshot.audio.decode.DecodedAudio;
import dev.earshot.audio.decode.MonoAudio;
import dev.earshot.audio.decode.NativeAudio;
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
          "Of the raw WAV or FLAC body: pitch (Boersma autocorrelation, 10 ms hop, 75-500 Hz), final"
              + " slope and intonation, speaking rate (syllable nuclei), pauses, silences and WADA-SNR"
              + " on a mono 16 kHz copy; BS.1770 loudness (channel powers summed), RMS, peak, true peak"
              + " (4x oversampled), clipping, DC offset and bandwidth on the original samples of every"
              + " channel at the file's own rate. Same decoder and limits as POST /api/audio.")
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
    DecodedAudio clip = audio.decode(body);
    MonoAudio analysis = clip.analysis();
    NativeAudio original = clip.original();
    return ProsodyReport.of(
        ProsodyAnalyzer.analyze(analysis.samples(), analysis.sampleRate()),
        QualityAnalyzer.analyze(
            original.channels(), original.sampleRate(), analysis.samples(), analysis.sampleRate()));
  }
}
