package dev.earshot.platform.djl;

import java.nio.file.Path;

/**
 * Process-wide DJL settings, made before any engine starts. Models come from files only, so DJL
 * must never reach the network (model zoo look-ups, usage tracking, native downloads); an explicit
 * setting by the operator wins over both defaults here.
 */
public final class DjlSettings {

  private static final String OFFLINE_PROPERTY = "ai.djl.offline";
  private static final String OFFLINE_ENV = "DJL_OFFLINE";
  private static final String CACHE_DIR = "DJL_CACHE_DIR";
  private static final String ONNX_ALTERNATIVE = "ai.djl.onnx.disable_alternative";

  private DjlSettings() {}

  /** Offline mode unless the operator set {@code ai.djl.offline} or {@code DJL_OFFLINE}. */
  public static void offlineUnlessConfigured() {
    if (System.getProperty(OFFLINE_PROPERTY) == null && System.getenv(OFFLINE_ENV) == null) {
      System.setProperty(OFFLINE_PROPERTY, "true");
    }
  }

  /**
   * ONNX Runtime on its own: DJL would otherwise pick the PyTorch engine (on the class path for
   * reward models) as ONNX Runtime's helper for array operations and load its 430 MB native library
   * with every ONNX judge, although ONNX judges need none of it.
   */
  public static void onnxRuntimeWithoutAlternativeEngine() {
    if (System.getProperty(ONNX_ALTERNATIVE) == null) {
      System.setProperty(ONNX_ALTERNATIVE, "true");
    }
  }

  /**
   * Where DJL unpacks engine natives (the PyTorch library is about 430 MB unpacked) and caches,
   * unless the operator set {@code DJL_CACHE_DIR}: a known folder instead of {@code ~/.djl.ai}.
   */
  public static void cacheDirUnlessConfigured(Path dir) {
    if (System.getProperty(CACHE_DIR) == null && System.getenv(CACHE_DIR) == null) {
      System.setProperty(CACHE_DIR, dir.toAbsolutePath().toString());
    }
  }
}
