package dev.earshot.judge.rest;

import dev.earshot.judge.service.CodecEncoderService;
import dev.earshot.judge.service.CodecEncoderService.CodecEncoderStatus;
import dev.earshot.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@RolesAllowed(Role.RESEARCHER_NAME)
@Path("/api/codec-encoder")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Evaluation")
public class CodecEncoderResource {

  private final CodecEncoderService encoder;

  public CodecEncoderResource(CodecEncoderService encoder) {
    this.encoder = encoder;
  }

  @GET
  @Operation(
      summary = "The codec encoder whose token ids TRL exports can carry",
      description =
          "\"not configured\" until earshot.codec-encoder.path names an ONNX file that is there;"
              + " \"loaded\" with its codebooks and frame rate; \"failed\" with the reason when"
              + " the file is there but breaks the encoder contract (see the README)")
  public CodecEncoderStatus status() {
    return encoder.status();
  }
}
