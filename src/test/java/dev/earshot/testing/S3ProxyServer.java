package dev.earshot.testing;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A real S3 server for tests: S3Proxy on loopback (a free port) with its filesystem back-end in a
 * fresh folder, one bucket created, and AWS signatures checked against fixed test keys.
 */
public final class S3ProxyServer implements AutoCloseable {

  public static final String ACCESS_KEY = "earshot-test-access";
  public static final String SECRET_KEY = "earshot-test-secret";
  public static final String REGION = "us-east-1";

  private final S3Proxy proxy;
  private final String bucket;
  private final Path folder;

  private S3ProxyServer(S3Proxy proxy, String bucket, Path folder) {
    this.proxy = proxy;
    this.bucket = bucket;
    this.folder = folder;
  }

  /** Starts a server whose files live in a new folder under {@code parent}. */
  public static S3ProxyServer start(Path parent, String bucket) throws Exception {
    Files.createDirectories(parent);
    Path folder = Files.createTempDirectory(parent, "s3proxy-");
    S3Proxy proxy =
        S3Proxy.builder()
            .blobStore(new FilesystemNio2BlobStore(folder.toString()))
            .endpoint(URI.create("http://127.0.0.1:0"))
            .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
            .build();
    proxy.start();
    S3ProxyServer server = new S3ProxyServer(proxy, bucket, folder);
    try (S3Client client = server.client()) {
      client.createBucket(request -> request.bucket(bucket));
    }
    return server;
  }

  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + proxy.getPort());
  }

  public String bucket() {
    return bucket;
  }

  /** The folder the filesystem back-end keeps its buckets in. */
  public Path folder() {
    return folder;
  }

  /** A path-style client with the test keys: close it. */
  public S3Client client() {
    return S3Client.builder()
        .httpClient(UrlConnectionHttpClient.create())
        .endpointOverride(endpoint())
        .region(Region.of(REGION))
        .forcePathStyle(true)
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
        .build();
  }

  @Override
  public void close() {
    try {
      proxy.stop();
    } catch (Exception e) {
      throw new IllegalStateException("S3Proxy did not stop", e);
    }
  }
}
