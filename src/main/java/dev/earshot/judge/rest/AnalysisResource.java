package dev.earshot.judge.rest;

import dev.earshot.audio.decode.AudioRejectedException;
import dev.earshot.audio.decode.DecodedAudio;
import dev.earshot.audio.decode.MonoAudio;
import dev.earshot.audio.decode.NativeAudio;
import dev.earshot.audio.service.AudioService;
import dev.earshot.judge.dsp.ProsodyAnalyzer;
import dev.earshot.judge.dsp.QualityAnalyzer;
import dev.earshot.judge.dsp.paired.ResynthesisMetrics;
import dev.earshot.judge.service.ProsodyReport;
import dev.earshot.judge.service.ResynthesisReport;
import dev.earshot.platform.error.DomainException;
import dev.earshot.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

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

  @POST
  @Path("resynthesis")
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "What a resynthesis kept of its original",
      description =
          "Compares a codec's resynthesis (part 'resynthesised') with its original (part"
              + " 'original'), each WAV or FLAC: the mono 16 kHz copies are aligned by"
              + " cross-correlation (lags up to 1 s), then log-spectral distance, mel-cepstral"
              + " distortion, SI-SDR, STOI and F0 agreement are measured on the overlap; loudness and"
              + " bandwidth on each file's own samples. Each part must last at least 0.5 s. Same"
              + " decoder and limits as POST /api/audio; nothing is stored.")
  @APIResponse(
      responseCode = "200",
      content = @Content(schema = @Schema(implementation = ResynthesisReport.class)))
  @APIResponse(responseCode = "413")
  @APIResponse(responseCode = "415")
  @APIResponse(responseCode = "422")
  public ResynthesisReport resynthesis(
      @RestForm("original") @Schema(type = SchemaType.STRING, format = "binary")
          FileUpload original,
      @RestForm("resynthesised") @Schema(type = SchemaType.STRING, format = "binary")
          FileUpload resynthesised)
      throws AudioRejectedException {
    DecodedAudio originalAudio = decodePart("original", original);
    DecodedAudio resynthesisedAudio = decodePart("resynthesised", resynthesised);
    return ResynthesisReport.of(ResynthesisMetrics.compare(originalAudio, resynthesisedAudio));
  }

  /** One part of the pair, decoded and long enough to compare. */
  private DecodedAudio decodePart(String name, FileUpload part) throws AudioRejectedException {
    if (part == null) {
      throw DomainException.invalidRequest(
          "The multipart form needs a part named '" + name + "' holding a WAV or FLAC file");
    }
    DecodedAudio clip;
    try (InputStream in = Files.newInputStream(part.uploadedFile())) {
      clip = audio.decode(in);
    } catch (AudioRejectedException e) {
      throw new AudioRejectedException(e.reason(), "part '" + name + "': " + e.getMessage());
    } catch (IOException e) {
      throw new UncheckedIOException("could not read the uploaded part " + name, e);
    }
    double seconds = clip.analysis().durationSeconds();
    if (seconds < ResynthesisMetrics.MIN_SECONDS) {
      throw DomainException.invalid(
          "Audio too short",
          String.format(
              Locale.ROOT,
              "part '%s' lasts %.3f s; both parts must last at least %.1f s",
              name,
              seconds,
              ResynthesisMetrics.MIN_SECONDS));
    }
    return clip;
  }
}
