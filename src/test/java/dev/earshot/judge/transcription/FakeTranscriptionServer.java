package dev.earshot.judge.transcription;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An OpenAI-compatible transcription endpoint on 127.0.0.1 at {@code /v1/audio/transcriptions}
 * whose replies each test scripts (also used by the service test of transcription judges in runs).
 * It parses every request as multipart/form-data and records it; a request that is not valid
 * multipart with a {@code model} part and a RIFF/WAVE {@code file} part gets a 400 without reaching
 * the responder. Each request is handled on its own thread, so a reply may block.
 */
public final class FakeTranscriptionServer implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]+)\"?");
  private static final Pattern NAME = Pattern.compile("name=\"([^\"]*)\"");
  private static final Pattern FILE_NAME = Pattern.compile("filename=\"([^\"]*)\"");

  /** One part of a multipart request. */
  public record Part(String fileName, String contentType, byte[] content) {
    public String text() {
      return new String(content, StandardCharsets.UTF_8);
    }
  }

  /** A request as the server received it, its parts by name in order. */
  public record Received(Headers headers, Map<String, Part> parts) {

    public String field(String name) {
      Part part = parts.get(name);
      return part == null ? null : part.text();
    }

    /** The uploaded audio. */
    public byte[] audio() {
      return parts.get("file").content();
    }
  }

  /** What the server answers. */
  public record Reply(int status, String body) {

    /** A successful transcription. */
    public static Reply text(String transcript) {
      return new Reply(200, JSON.createObjectNode().put("text", transcript).toString());
    }

    public static Reply error(int status, String message) {
      return new Reply(status, "{\"error\": {\"message\": \"" + message + "\"}}");
    }
  }

  /** Decides the reply to the {@code number}th valid request (from 1). */
  public interface Responder {
    Reply reply(int number, Received request) throws Exception;
  }

  private final HttpServer server;
  private final ExecutorService handlers = Executors.newCachedThreadPool();
  private final Map<Integer, Received> received = new ConcurrentHashMap<>();
  private final AtomicInteger count = new AtomicInteger();

  private FakeTranscriptionServer(Responder responder) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(handlers);
    server.createContext("/v1/audio/transcriptions", exchange -> handle(exchange, responder));
    server.start();
  }

  public static FakeTranscriptionServer start(Responder responder) throws IOException {
    return new FakeTranscriptionServer(responder);
  }

  /** Gives the scripted replies in order, and a 500 to any request beyond them. */
  public static FakeTranscriptionServer replying(Reply... replies) throws IOException {
    return start(
        (number, request) ->
            number <= replies.length
                ? replies[number - 1]
                : Reply.error(500, "unexpected request " + number));
  }

  public URI baseUrl() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1");
  }

  /** Valid requests so far. */
  public int requestCount() {
    return count.get();
  }

  public Received request(int number) {
    return received.get(number);
  }

  private void handle(HttpExchange exchange, Responder responder) throws IOException {
    try (exchange) {
      Reply reply;
      Map<String, Part> parts;
      try {
        parts = parse(exchange.getRequestHeaders().getFirst("Content-Type"), exchange);
        reply = null;
      } catch (IllegalArgumentException e) {
        parts = null;
        reply = Reply.error(400, "bad multipart request: " + e.getMessage());
      }
      if (reply == null) {
        Received request = new Received(exchange.getRequestHeaders(), parts);
        int number = count.incrementAndGet();
        received.put(number, request);
        try {
          reply = responder.reply(number, request);
        } catch (Exception e) {
          reply = Reply.error(500, "responder failed: " + e);
        }
      }
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(reply.status(), bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  /** Splits the body at the boundary; requires a model part and a RIFF/WAVE file part. */
  private static Map<String, Part> parse(String contentType, HttpExchange exchange)
      throws IOException {
    if (contentType == null || !contentType.startsWith("multipart/form-data")) {
      throw new IllegalArgumentException("Content-Type is " + contentType);
    }
    Matcher boundary = BOUNDARY.matcher(contentType);
    if (!boundary.find()) {
      throw new IllegalArgumentException("no boundary in " + contentType);
    }
    // ISO-8859-1 maps every byte to one char and back, so binary parts survive the split.
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.ISO_8859_1);
    String delimiter = "--" + boundary.group(1);
    String end = "\r\n" + delimiter + "--\r\n";
    if (!body.startsWith(delimiter) || !body.endsWith(end)) {
      throw new IllegalArgumentException("body does not start and end with the boundary");
    }
    Map<String, Part> parts = new LinkedHashMap<>();
    String inner = body.substring(delimiter.length(), body.length() - end.length());
    for (String chunk : inner.split(Pattern.quote("\r\n" + delimiter), -1)) {
      if (!chunk.startsWith("\r\n")) {
        throw new IllegalArgumentException("a part does not start on a new line");
      }
      int headerEnd = chunk.indexOf("\r\n\r\n");
      if (headerEnd < 0) {
        throw new IllegalArgumentException("a part has no header end");
      }
      String headers = chunk.substring(2, headerEnd);
      Matcher name = NAME.matcher(headers);
      if (!headers.startsWith("Content-Disposition: form-data;") || !name.find()) {
        throw new IllegalArgumentException("a part is not form-data with a name: " + headers);
      }
      Matcher fileName = FILE_NAME.matcher(headers);
      String partType =
          headers
              .lines()
              .filter(line -> line.startsWith("Content-Type: "))
              .map(line -> line.substring("Content-Type: ".length()))
              .findFirst()
              .orElse(null);
      parts.put(
          name.group(1),
          new Part(
              fileName.find() ? fileName.group(1) : null,
              partType,
              chunk.substring(headerEnd + 4).getBytes(StandardCharsets.ISO_8859_1)));
    }
    if (parts.get("model") == null || parts.get("model").text().isBlank()) {
      throw new IllegalArgumentException("no model part");
    }
    Part file = parts.get("file");
    if (file == null || file.fileName() == null) {
      throw new IllegalArgumentException("no file part with a file name");
    }
    byte[] audio = file.content();
    if (audio.length < 12
        || !"RIFF".equals(new String(audio, 0, 4, StandardCharsets.US_ASCII))
        || !"WAVE".equals(new String(audio, 8, 4, StandardCharsets.US_ASCII))) {
      throw new IllegalArgumentException("the file part is not a RIFF/WAVE file");
    }
    return parts;
  }

  @Override
  public void close() {
    server.stop(0);
    handlers.shutdownNow();
  }
}
