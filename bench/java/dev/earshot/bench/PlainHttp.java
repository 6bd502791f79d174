package dev.earshot.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A keep-alive HTTP/1.1 client on blocking sockets, one connection per calling thread, for load
 * generators that share the machine's cores with the service they measure. The JDK's {@code
 * HttpClient} spent 2.5-2.9 ms of CPU per hand-out (three requests) in VoteIngest's hand-out
 * rounds, a third of what the machine had (BENCHMARKS.md, "Thirteenth session"). It knows what the
 * service answers: bodies with a Content-Length, chunked or up to the end of the connection; no
 * TLS, no redirects. A thread's connection stays open until the server closes it or the generator
 * ends, as idle connections stay in the JDK client's pool.
 */
final class PlainHttp {

  /**
   * A response: the request it answers ("GET /path"), its status, headers (lower case) and body.
   */
  record Answer(String request, int statusCode, Map<String, String> headers, byte[] bytes) {
    String body() {
      return new String(bytes, StandardCharsets.UTF_8);
    }

    Optional<String> header(String name) {
      return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }
  }

  private final String host;
  private final int port;
  private final int connectTimeoutMillis;
  private final int readTimeoutMillis;
  private final ThreadLocal<Connection> connections = new ThreadLocal<>();

  PlainHttp(URI base, int connectTimeoutMillis, int readTimeoutMillis) {
    if (!"http".equals(base.getScheme())) {
      throw new IllegalArgumentException("only http:// is supported: " + base);
    }
    this.host = base.getHost();
    this.port = base.getPort() == -1 ? 80 : base.getPort();
    this.connectTimeoutMillis = connectTimeoutMillis;
    this.readTimeoutMillis = readTimeoutMillis;
  }

  /**
   * Sends one request on this thread's connection and reads the whole answer. A GET that finds its
   * kept-alive connection closed by the server before any byte of an answer is sent once more on a
   * new connection; anything else that fails throws, and the connection is dropped.
   *
   * @param body the request body, or null for none
   */
  Answer exchange(String method, String path, String token, String contentType, byte[] body)
      throws IOException {
    Connection connection = connections.get();
    boolean reused = connection != null;
    if (connection == null) {
      connection = open();
    }
    try {
      return connection.exchange(method, path, token, contentType, body);
    } catch (IOException e) {
      drop(connection);
      if (reused && "GET".equals(method) && e instanceof ClosedBeforeAnswer) {
        return open().exchange(method, path, token, contentType, body);
      }
      throw e;
    }
  }

  private Connection open() throws IOException {
    Socket socket = new Socket();
    try {
      socket.setTcpNoDelay(true);
      socket.setSoTimeout(readTimeoutMillis);
      socket.connect(new InetSocketAddress(host, port), connectTimeoutMillis);
    } catch (IOException e) {
      socket.close();
      throw e;
    }
    Connection connection = new Connection(socket);
    connections.set(connection);
    return connection;
  }

  private void drop(Connection connection) {
    connections.remove();
    connection.close();
  }

  /** The server closed the connection before sending a byte of the answer. */
  private static final class ClosedBeforeAnswer extends EOFException {
    ClosedBeforeAnswer() {
      super("connection closed before an answer");
    }
  }

  private final class Connection {
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    Connection(Socket socket) throws IOException {
      this.socket = socket;
      this.in = new BufferedInputStream(socket.getInputStream(), 65536);
      this.out = new BufferedOutputStream(socket.getOutputStream(), 8192);
    }

    Answer exchange(String method, String path, String token, String contentType, byte[] body)
        throws IOException {
      StringBuilder head =
          new StringBuilder(256)
              .append(method)
              .append(' ')
              .append(path)
              .append(" HTTP/1.1\r\nHost: ")
              .append(host)
              .append(':')
              .append(port)
              .append("\r\n");
      if (token != null) {
        head.append("Authorization: Bearer ").append(token).append("\r\n");
      }
      if (body != null && contentType != null) {
        head.append("Content-Type: ").append(contentType).append("\r\n");
      }
      if (body != null || !"GET".equals(method)) {
        head.append("Content-Length: ").append(body == null ? 0 : body.length).append("\r\n");
      }
      out.write(head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
      if (body != null) {
        out.write(body);
      }
      out.flush();
      return read(method, path);
    }

    private Answer read(String method, String path) throws IOException {
      String statusLine = line(true);
      // "HTTP/1.1 200 OK"
      int status = Integer.parseInt(statusLine.substring(9, 12));
      Map<String, String> headers = new HashMap<>();
      for (String line = line(false); !line.isEmpty(); line = line(false)) {
        int colon = line.indexOf(':');
        headers.put(
            line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
            line.substring(colon + 1).trim());
      }
      byte[] bytes;
      boolean closeAfter = "close".equalsIgnoreCase(headers.get("connection"));
      if ("HEAD".equals(method) || status == 204 || status == 304 || status / 100 == 1) {
        bytes = new byte[0];
      } else if (headers.containsKey("content-length")) {
        int length = Integer.parseInt(headers.get("content-length"));
        bytes = in.readNBytes(length);
        if (bytes.length < length) {
          throw new EOFException("body ended after " + bytes.length + " of " + length + " bytes");
        }
      } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
        bytes = chunked();
      } else {
        bytes = in.readAllBytes();
        closeAfter = true;
      }
      if (closeAfter) {
        drop(this);
      }
      return new Answer(method + " " + path, status, headers, bytes);
    }

    private byte[] chunked() throws IOException {
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      for (; ; ) {
        String size = line(false);
        int semicolon = size.indexOf(';');
        int length = Integer.parseInt(semicolon < 0 ? size : size.substring(0, semicolon), 16);
        if (length == 0) {
          // Trailers, if any, up to the empty line.
          while (!line(false).isEmpty()) {
            // skipped
          }
          return body.toByteArray();
        }
        byte[] chunk = in.readNBytes(length);
        if (chunk.length < length) {
          throw new EOFException("chunk ended after " + chunk.length + " of " + length + " bytes");
        }
        body.write(chunk);
        line(false);
      }
    }

    /** One header line without its CRLF. */
    private String line(boolean first) throws IOException {
      StringBuilder line = new StringBuilder(64);
      for (int b = in.read(); ; b = in.read()) {
        if (b < 0) {
          if (first && line.length() == 0) {
            throw new ClosedBeforeAnswer();
          }
          throw new EOFException("connection closed within the answer's head");
        }
        if (b == '\n') {
          int end = line.length();
          return end > 0 && line.charAt(end - 1) == '\r'
              ? line.substring(0, end - 1)
              : line.toString();
        }
        line.append((char) b);
      }
    }

    void close() {
      try {
        socket.close();
      } catch (IOException ignored) {
        // Closing is all that is left to do with it.
      }
    }
  }
}
