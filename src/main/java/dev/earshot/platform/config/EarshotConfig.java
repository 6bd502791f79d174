package dev.earshot.platform.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;

/** Earshot's own settings ({@code earshot.*}). */
@ConfigMapping(prefix = "earshot")
public interface EarshotConfig {

  /** Folder for everything the service stores: embedded database ({@code pg/}) and audio. */
  @WithDefault("data")
  Path dataDir();

  /** Limits on uploaded audio. */
  Audio audio();

  /** Dataset import. */
  Datasets datasets();

  /** The demo data set loaded at start-up. */
  Demo demo();

  /** Embedded PostgreSQL, used only when no JDBC URL is configured. */
  Database database();

  interface Audio {
    /** Largest accepted audio file in bytes; larger uploads get 413. */
    @WithDefault("104857600")
    long maxBytes();

    /** Longest accepted audio duration in seconds; longer files get 413. */
    @WithDefault("1800")
    double maxSeconds();
  }

  interface Datasets {
    /** Largest accepted dataset zip in bytes; larger uploads get 413. */
    @WithDefault("2147483648")
    long maxZipBytes();

    /** Largest total size of the files unpacked from one zip, against zip bombs. */
    @WithDefault("8589934592")
    long maxUnpackedBytes();

    /** Most entries one dataset zip may hold. */
    @WithDefault("200000")
    int maxZipEntries();
  }

  interface Demo {
    /** Load the demo data set at start-up (idempotent: an unchanged demo is skipped). */
    @WithDefault("true")
    boolean load();

    /** Folder of the demo data set. */
    @WithDefault("datasets/demo")
    Path path();
  }

  interface Database {
    /** Embedded PostgreSQL settings. */
    Embedded embedded();

    interface Embedded {
      /** Delete the embedded database on every start (tests: one fresh database per run). */
      @WithDefault("false")
      boolean ephemeral();
    }
  }
}
