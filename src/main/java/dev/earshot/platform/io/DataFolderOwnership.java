package dev.earshot.platform.io;

import dev.earshot.platform.config.EarshotConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Takes the data folder's lock at start-up also when the database is external (with the embedded
 * one it is taken earlier, before that database starts): audio, exports and secrets have one owner.
 */
@ApplicationScoped
class DataFolderOwnership {

  private final EarshotConfig config;

  DataFolderOwnership(EarshotConfig config) {
    this.config = config;
  }

  void takeLock(@Observes @Priority(0) StartupEvent event) {
    DataFolderLock.acquire(config.dataDir());
  }
}
