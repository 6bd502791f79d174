package dev.earshot.audio.service;

import dev.earshot.platform.config.EarshotConfig;
import dev.earshot.platform.io.StagingCleanup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import org.jboss.logging.Logger;

/** The {@link AudioBackend} that {@code earshot.audio-store.kind} names. */
@ApplicationScoped
public class AudioBackendProducer {

  private static final Logger LOG = Logger.getLogger(AudioBackendProducer.class);

  @Produces
  @ApplicationScoped
  AudioBackend backend(AudioStoreConfig store, EarshotConfig config) {
    AudioBackend backend =
        switch (store.kind()) {
          case LOCAL -> new LocalAudioBackend(config.dataDir().resolve("audio"));
          case S3 ->
              S3AudioBackend.connect(
                  store.s3(),
                  config.dataDir().resolve("audio-cache"),
                  config.dataDir().resolve(StagingCleanup.STAGING));
        };
    LOG.infof("Audio store: %s", backend.describe());
    return backend;
  }

  void close(@Disposes AudioBackend backend) {
    backend.close();
  }
}
