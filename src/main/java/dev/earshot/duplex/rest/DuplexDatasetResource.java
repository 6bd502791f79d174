package dev.earshot.duplex.rest;

import dev.earshot.duplex.service.DuplexDatasetReport;
import dev.earshot.duplex.service.DuplexDatasetService;
import dev.earshot.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Turn-taking per system over a dataset of two-channel dialogues. */
@RolesAllowed(Role.RESEARCHER_NAME)
@Path("/api/datasets/{name}/duplex")
@Tag(name = "Datasets")
public class DuplexDatasetResource {

  private final DuplexDatasetService duplex;

  public DuplexDatasetResource(DuplexDatasetService duplex) {
    this.duplex = duplex;
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Turn-taking per system over the dataset's dialogues",
      description =
          "From the scores of the duplex judges (kind 'duplex', e.g. 'turn-taking'; start a run of"
              + " one on the dataset first): per system, the mean over its two-channel dialogue"
              + " responses of the turn-taking score and of each per-dialogue measurement (median"
              + " and 90th-percentile latency, overlap, interruptions, backchannels, barge-ins,"
              + " share yielded within 1 s, mean yield time), each with a 95 % percentile"
              + " bootstrap interval over dialogues (2000 resamples, fixed seed). Each response's"
              + " newest duplex score counts once. Systems best score first; empty before any"
              + " scoring.")
  public DuplexDatasetReport duplex(@PathParam("name") String name) {
    return duplex.report(name);
  }
}
