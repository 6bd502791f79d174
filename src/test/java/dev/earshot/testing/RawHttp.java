package dev.earshot.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * HTTP/1.1 over a plain socket, for requests that no client library sends: a declared body that
 * never comes, or a chunked body streamed until the server gives up on it.
 */
public final class RawHttp {

  /** What came back: the status, the head and the body read until the connection closed. */
  public record Answer(int status, String head, String body) {}

  private static final int PATIENCE_MILLIS = 30_000;
  private static final int CHUNK = 64 * 1024;

  private RawHttp() {}

  /** Sends only the head, declaring a body of {@code contentLength} bytes that is never sent. */
  public static Answer declare(
      int port, String method, String target, long contentLength, Map<String, String> headers)
      throws IOException {
    try (Socket socket = open(port)) {
      OutputStream out = socket.getOutputStream();
      out.write(head(method, target, headers, "Content-Length: " + contentLength));
      out.flush();
      return read(socket.getInputStream());
    }
  }

  /** An answer read late, and how much of the body the server took before and after it. */
  public record LateAnswer(Answer answer, long bodyBytesTaken) {}

  /**
   * Sends the head and then {@code bodyBytes} of a declared body from another thread, as far as the
   * server takes them, and reads the answer only after {@code pauseMillis}. A server that closes
   * with bytes unread resets the connection: the sender's writes fail, which is what makes a client
   * library report the reset instead of the answer.
   */
  public static LateAnswer sendThenReadLate(
      int port, String method, String target, long contentLength, int bodyBytes, int pauseMillis)
      throws IOException, InterruptedException {
    try (Socket socket = open(port)) {
      OutputStream out = socket.getOutputStream();
      out.write(head(method, target, Map.of(), "Content-Length: " + contentLength));
      out.flush();
      AtomicLong taken = new AtomicLong();
      Thread sender = new Thread(() -> sendSpaces(out, bodyBytes, taken), "raw-http-sender");
      sender.setDaemon(true);
      sender.start();
      Thread.sleep(pauseMillis);
      Answer answer = read(socket.getInputStream());
      sender.join(PATIENCE_MILLIS);
      return new LateAnswer(answer, taken.get());
    }
  }

  private static void sendSpaces(OutputStream out, int bytes, AtomicLong taken) {
    byte[] chunk = spaces();
    try {
      for (int left = bytes; left > 0; left -= CHUNK) {
        int n = Math.min(CHUNK, left);
        out.write(chunk, 0, n);
        taken.addAndGet(n);
      }
      out.flush();
    } catch (IOException resetByServer) {
      // What the caller tests for: fewer bytes taken than sent.
    }
  }

  /**
   * Streams a chunked body of up to {@code maxBytes} until the server answers; returns the answer
   * and how many body bytes were written before it came.
   */
  public static Answer streamChunked(
      int port, String method, String target, long maxBytes, Map<String, String> headers)
      throws IOException {
    try (Socket socket = open(port)) {
      OutputStream out = socket.getOutputStream();
      InputStream in = socket.getInputStream();
      out.write(head(method, target, headers, "Transfer-Encoding: chunked"));
      byte[] chunk = spaces();
      byte[] chunkHead = (Integer.toHexString(CHUNK) + "\r\n").getBytes(StandardCharsets.US_ASCII);
      long written = 0;
      try {
        while (written < maxBytes && in.available() == 0) {
          out.write(chunkHead);
          out.write(chunk);
          out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
          written += CHUNK;
        }
        out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
      } catch (SocketException closedByServer) {
        // The server answered and closed while the body was still coming: what we test for.
      }
      return read(in);
    }
  }

  /** One chunk of body: spaces, which every endpoint's JSON reader would skip. */
  private static byte[] spaces() {
    byte[] chunk = new byte[CHUNK];
    java.util.Arrays.fill(chunk, (byte) ' ');
    return chunk;
  }

  private static Socket open(int port) throws IOException {
    Socket socket = new Socket("127.0.0.1", port);
    socket.setSoTimeout(PATIENCE_MILLIS);
    return socket;
  }

  private static byte[] head(
      String method, String target, Map<String, String> headers, String lengthHeader) {
    StringBuilder head = new StringBuilder();
    head.append(method).append(' ').append(target).append(" HTTP/1.1\r\n");
    head.append("Host: localhost\r\n");
    headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
    head.append(lengthHeader).append("\r\n\r\n");
    return head.toString().getBytes(StandardCharsets.US_ASCII);
  }

  private static Answer read(InputStream in) throws IOException {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    try {
      for (int n; (n = in.read(buffer)) > 0; ) {
        all.write(buffer, 0, n);
        String text = all.toString(StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (end >= 0 && complete(text, end)) {
          break;
        }
      }
    } catch (SocketException reset) {
      // A connection closed hard after the answer: keep what came.
    }
    String text = all.toString(StandardCharsets.UTF_8);
    int end = text.indexOf("\r\n\r\n");
    if (end < 0) {
      throw new IOException("No complete answer: '" + text + "'");
    }
    int status = Integer.parseInt(text.substring(9, 12));
    return new Answer(status, text.substring(0, end), text.substring(end + 4));
  }

  /** Whether the head's Content-Length worth of body is there (or no length was given). */
  private static boolean complete(String text, int headEnd) {
    String head = text.substring(0, headEnd).toLowerCase(java.util.Locale.ROOT);
    int at = head.indexOf("content-length:");
    if (at < 0) {
      return head.contains("transfer-encoding") ? text.endsWith("0\r\n\r\n") : false;
    }
    int lineEnd = head.indexOf("\r\n", at);
    long length =
        Long.parseLong(head.substring(at + 15, lineEnd < 0 ? head.length() : lineEnd).strip());
    return text.length() - headEnd - 4 >= length;
  }
}
