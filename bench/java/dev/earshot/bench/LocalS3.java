package dev.earshot.bench;

import dev.earshot.testing.S3ProxyServer;
import java.nio.file.Path;

/**
 * An S3-compatible server on loopback for bench scripts: S3Proxy with its filesystem back-end in a
 * folder under {@code --folder}, one bucket ({@code --bucket}), the test keys of {@link
 * S3ProxyServer}. Prints {@code S3_ENDPOINT=...} and serves until the process is stopped.
 */
public final class LocalS3 {

  private LocalS3() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 4 || !"--folder".equals(args[0]) || !"--bucket".equals(args[2])) {
      throw new IllegalArgumentException("usage: --folder DIR --bucket NAME");
    }
    S3ProxyServer server = S3ProxyServer.start(Path.of(args[1]), args[3]);
    System.out.println("S3_ENDPOINT=" + server.endpoint());
    System.out.println("S3_KEYS=" + S3ProxyServer.ACCESS_KEY + ":" + S3ProxyServer.SECRET_KEY);
    System.out.flush();
    Thread.currentThread().join();
  }
}
