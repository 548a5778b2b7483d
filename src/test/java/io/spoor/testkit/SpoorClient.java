package io.spoor.testkit;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** A plain HTTP client for Spoor's endpoints, authenticating with one token. */
public final class SpoorClient {
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;
  private final String token;
  private final Runnable afterHits;

  /** A client; {@code afterHits} runs after every tracking hit (to wait until it is applied). */
  public SpoorClient(String base, String token, Runnable afterHits) {
    this.base = base;
    this.token = token;
    this.afterHits = afterHits;
  }

  public SpoorClient(String base, String token) {
    this(base, token, () -> { });
  }

  public SpoorClient withToken(String other) {
    return new SpoorClient(base, other, afterHits);
  }

  public String base() {
    return base;
  }

  /** A GET without credentials; {@code pathAndQuery} is sent as written. */
  public HttpResponse<byte[]> raw(String pathAndQuery, Map<String, String> headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + pathAndQuery)).GET();
    headers.forEach(request::header);
    HttpResponse<byte[]> response = send(request.build());
    afterHits.run();
    return response;
  }

  /**
   * A GET whose request target is written to the socket byte for byte, for targets no URI
   * class accepts (broken escapes, raw non-ASCII). Returns the status code.
   */
  public int rawTarget(String target) {
    URI uri = URI.create(base);
    try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(("GET " + target + " HTTP/1.1\r\nHost: " + uri.getHost() + "\r\nConnection: close\r\n\r\n")
          .getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      String status = new String(socket.getInputStream().readNBytes(12), StandardCharsets.ISO_8859_1);
      return Integer.parseInt(status.substring(9, 12));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An Events HTTP API call that must be acknowledged with the GIF. */
  public void event(String query) {
    int status = rawTarget("/v1/event?" + query);
    if (status != 200) {
      throw new AssertionError("event not acknowledged: " + status + " for " + query);
    }
    afterHits.run();
  }

  public Answer get(String path) {
    return answer(send(authed(path).GET().build()));
  }

  public Answer send(String method, String path, JsonObject body) {
    return answer(send(authed(path).header("Content-Type", "application/json")
        .method(method, HttpRequest.BodyPublishers.ofString(body.encode())).build()));
  }

  /** A request with a body sent as given, under any content type. */
  public Answer sendRaw(String method, String path, String contentType, String body) {
    return answer(send(authed(path).header("Content-Type", contentType)
        .method(method, HttpRequest.BodyPublishers.ofString(body)).build()));
  }

  public Answer delete(String path) {
    return answer(send(authed(path).DELETE().build()));
  }

  private HttpRequest.Builder authed(String path) {
    return HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token);
  }

  private HttpResponse<byte[]> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static Answer answer(HttpResponse<byte[]> response) {
    return new Answer(response.statusCode(), new String(response.body()), response);
  }

  /** Status and body of an answer; {@link #json()} parses the body. */
  public record Answer(int status, String body, HttpResponse<byte[]> response) {
    public JsonObject json() {
      return new JsonObject(body);
    }

    public String header(String name) {
      return response.headers().firstValue(name).orElse(null);
    }
  }
}
