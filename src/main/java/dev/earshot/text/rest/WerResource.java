package dev.earshot.text.rest;

import dev.earshot.platform.error.DomainException;
import dev.earshot.security.Role;
import dev.earshot.text.wer.Alignment;
import dev.earshot.text.wer.CorpusErrorRate;
import dev.earshot.text.wer.ErrorRates;
import dev.earshot.text.wer.ErrorUnit;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Stateless word / character error rates, aligned exactly as NIST sclite aligns. */
// Explicit, though it is the default role: OpenAPI then documents the bearer scheme.
@RolesAllowed(Role.RESEARCHER_NAME)
@Path("/api/text/wer")
@Tag(name = "Text", description = "Content accuracy of text")
public class WerResource {

  /** Most pairs one request may score. */
  static final int MAX_PAIRS = 10_000;

  @Schema(name = "WerRequest")
  public record WerRequest(
      @Schema(
              enumeration = {"word", "char"},
              defaultValue = "word")
          String unit,
      List<WerPair> pairs) {}

  @Schema(name = "WerPair")
  public record WerPair(String id, String reference, String hypothesis) {}

  @Schema(name = "WerPairResult")
  public record WerPairResult(
      String id,
      int errors,
      int substitutions,
      int deletions,
      int insertions,
      int referenceLength) {}

  @Schema(name = "WerCorpus")
  public record WerCorpus(
      long errors,
      long referenceLength,
      @Schema(description = "Σerrors / Σreference length; null when there are no reference tokens")
          Double rate) {}

  @Schema(name = "WerResponse")
  public record WerResponse(List<WerPairResult> pairs, WerCorpus corpus) {}

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Word or character error rates of hypothesis/reference pairs",
      description =
          "Both sides are normalised (NFKC, lower case, punctuation removed, CJK scored per"
              + " character; see TextNormalizer) and aligned with sclite's costs and tie-breaks. The corpus"
              + " rate is the sum of errors over the sum of reference lengths.")
  @APIResponse(
      responseCode = "200",
      content = @Content(schema = @Schema(implementation = WerResponse.class)))
  public WerResponse score(WerRequest request) {
    ErrorUnit unit = unit(request);
    List<WerPairResult> results = new ArrayList<>();
    List<Alignment> alignments = new ArrayList<>();
    for (int i = 0; i < request.pairs().size(); i++) {
      WerPair pair = request.pairs().get(i);
      if (pair == null || pair.reference() == null || pair.hypothesis() == null) {
        throw DomainException.invalidRequest(
            "pairs[" + i + "] needs a reference and a hypothesis (use \"\" for empty text)");
      }
      Alignment alignment;
      try {
        alignment = ErrorRates.score(pair.reference(), pair.hypothesis(), unit);
      } catch (IllegalArgumentException e) {
        throw DomainException.invalidRequest("pairs[" + i + "]: " + e.getMessage());
      }
      alignments.add(alignment);
      results.add(
          new WerPairResult(
              pair.id(),
              alignment.errors(),
              alignment.substitutions(),
              alignment.deletions(),
              alignment.insertions(),
              alignment.referenceLength()));
    }
    CorpusErrorRate corpus = ErrorRates.corpus(alignments);
    return new WerResponse(
        results, new WerCorpus(corpus.errors(), corpus.referenceLength(), corpus.rate()));
  }

  private static ErrorUnit unit(WerRequest request) {
    if (request == null || request.pairs() == null) {
      throw DomainException.invalidRequest(
          "send {\"unit\": \"word\" or \"char\", \"pairs\": [{\"id\", \"reference\", \"hypothesis\"}]}");
    }
    if (request.pairs().size() > MAX_PAIRS) {
      throw DomainException.invalidRequest(
          "at most " + MAX_PAIRS + " pairs per request; split the batch");
    }
    String unit = request.unit() == null ? "word" : request.unit();
    return switch (unit) {
      case "word" -> ErrorUnit.WORD;
      case "char" -> ErrorUnit.CHAR;
      default ->
          throw DomainException.invalidRequest(
              "unit must be \"word\" or \"char\", got \"" + unit + "\"");
    };
  }
}
