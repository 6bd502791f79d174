package dev.earshot.judge.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A chat-completions endpoint on 127.0.0.1 at {@code /v1/chat/completions} whose replies each test
 * scripts (also used by the service tests of llm judges in runs). It records every request; each is
 * handled on its own thread, so a reply may block.
 */
public final class FakeChatServer implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** A request as the server received it. */
  public record Received(Headers headers, JsonNode body) {

    /** The decoded bytes of every input_audio part of the user message, in order. */
    public List<byte[]> audioParts() {
      List<byte[]> audio = new ArrayList<>();
      for (JsonNode part : body.path("messages").path(1).path("content")) {
        if ("input_audio".equals(part.path("type").asText())) {
          audio.add(Base64.getDecoder().decode(part.path("input_audio").path("data").asText()));
        }
      }
      return audio;
    }
  }

  /** What the server answers. */
  public record Reply(int status, String body, Map<String, String> headers) {

    /** A successful completion whose assistant message is {@code content}. */
    public static Reply answer(String content) {
      ObjectNode completion = JSON.createObjectNode().put("id", "chatcmpl-test");
      completion
          .putArray("choices")
          .addObject()
          .put("index", 0)
          .put("finish_reason", "stop")
          .putObject("message")
          .put("role", "assistant")
          .put("content", content);
      return new Reply(200, completion.toString(), Map.of());
    }

    public static Reply error(int status, String message) {
      ObjectNode error = JSON.createObjectNode();
      error.putObject("error").put("message", message);
      return new Reply(status, error.toString(), Map.of());
    }

    Reply withHeader(String name, String value) {
      Map<String, String> more = new LinkedHashMap<>(headers);
      more.put(name, value);
      return new Reply(status, body, more);
    }
  }

  /** Decides the reply to the {@code number}th request (from 1). */
  public interface Responder {
    Reply reply(int number, Received request) throws Exception;
  }

  private final HttpServer server;
  private final ExecutorService handlers = Executors.newCachedThreadPool();
  private final Map<Integer, Received> received = new ConcurrentHashMap<>();
  private final AtomicInteger count = new AtomicInteger();

  private FakeChatServer(Responder responder) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(handlers);
    server.createContext("/v1/chat/completions", exchange -> handle(exchange, responder));
    server.start();
  }

  public static FakeChatServer start(Responder responder) throws IOException {
    return new FakeChatServer(responder);
  }

  /** Gives the scripted replies in order, and a 500 to any request beyond them. */
  static FakeChatServer replying(Reply... replies) throws IOException {
    return start(
        (number, request) ->
            number <= replies.length
                ? replies[number - 1]
                : Reply.error(500, "unexpected request " + number));
  }

  public URI baseUrl() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1");
  }

  public int requestCount() {
    return count.get();
  }

  public Received request(int number) {
    return received.get(number);
  }

  private void handle(HttpExchange exchange, Responder responder) throws IOException {
    try (exchange) {
      JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
      Received request = new Received(exchange.getRequestHeaders(), body);
      int number = count.incrementAndGet();
      received.put(number, request);
      Reply reply;
      try {
        reply = responder.reply(number, request);
      } catch (Exception e) {
        reply = Reply.error(500, "responder failed: " + e);
      }
      reply.headers().forEach(exchange.getResponseHeaders()::add);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(reply.status(), bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
    handlers.shutdownNow();
  }
}
