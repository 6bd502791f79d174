package dev.earshot.audio.rest;

import dev.earshot.audio.decode.AudioRejectedException;
import dev.earshot.platform.rest.ProblemMappers;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Rejected audio, wherever it is uploaded: 415 unsupported, 422 malformed, 413 too large. */
public class AudioRejectedMapper {

  @ServerExceptionMapper
  public Response rejected(AudioRejectedException e, UriInfo uri) {
    return switch (e.reason()) {
      case UNSUPPORTED_FORMAT ->
          ProblemMappers.respond(415, "Unsupported audio format", e.getMessage(), uri, null);
      case MALFORMED -> ProblemMappers.respond(422, "Malformed audio", e.getMessage(), uri, null);
      case TOO_LARGE -> ProblemMappers.respond(413, "Audio too large", e.getMessage(), uri, null);
    };
  }
}
