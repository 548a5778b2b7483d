package io.spoor.dashboard;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;

/** A browser's view of the dashboard API: keeps the session cookie and the CSRF token it was given. */
final class DashboardSession {
  private final HttpClient http;
  private final String base;
  private String cookie;
  private String csrf;

  DashboardSession(HttpClient http, String base) {
    this.http = http;
    this.base = base;
  }

  DashboardSession(String base) {
    this(HttpClient.newHttpClient(), base);
  }

  HttpResponse<String> signIn(String email, String password) {
    return keep(post("/dashboard/api/sign-in", new JsonObject().put("email", email).put("password", password)));
  }

  HttpResponse<String> setUp(String token, String email, String password) {
    return keep(post("/dashboard/api/setup", new JsonObject().put("token", token).put("email", email)
        .put("password", password)));
  }

  private HttpResponse<String> keep(HttpResponse<String> answer) {
    if (answer.statusCode() == 200) {
      cookie = setCookie(answer).orElseThrow().split(";", 2)[0];
      csrf = new JsonObject(answer.body()).getString("csrfToken");
    }
    return answer;
  }

  static Optional<String> setCookie(HttpResponse<?> answer) {
    return answer.headers().allValues("set-cookie").stream().filter(c -> c.startsWith(DashboardAuth.COOKIE + "="))
        .findFirst();
  }

  /**
   * The status of a sign-in sent from local address {@code from} (such as 127.0.0.2: every
   * 127.x.y.z is this machine), as a client elsewhere would: the server sees that address.
   */
  static int signInFrom(String from, int port, String email, String password) {
    byte[] body = new JsonObject().put("email", email).put("password", password).encode()
        .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    try (java.net.Socket socket = new java.net.Socket()) {
      socket.bind(new java.net.InetSocketAddress(from, 0));
      socket.connect(new java.net.InetSocketAddress("127.0.0.1", port));
      socket.getOutputStream().write(("POST /dashboard/api/sign-in HTTP/1.1\r\nHost: 127.0.0.1\r\n"
          + "Content-Type: application/json\r\nConnection: close\r\nContent-Length: " + body.length + "\r\n\r\n")
          .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      socket.getOutputStream().write(body);
      String status = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
          java.nio.charset.StandardCharsets.US_ASCII)).readLine();
      return Integer.parseInt(status.split(" ")[1]);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** A DELETE carrying the session's CSRF token. */
  HttpResponse<String> delete(String path) {
    HttpRequest.Builder request = request(path).DELETE();
    if (csrf != null) {
      request.header(DashboardAuth.CSRF_HEADER, csrf);
    }
    return send(request);
  }

  String csrf() {
    return csrf;
  }

  HttpResponse<String> get(String path) {
    return send(request(path).GET());
  }

  /** A POST carrying the session's CSRF token. */
  HttpResponse<String> post(String path, JsonObject body) {
    return postWith(path, body, csrf);
  }

  HttpResponse<String> postWith(String path, JsonObject body, String csrfToken) {
    HttpRequest.Builder request = request(path).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body.encode()));
    if (csrfToken != null) {
      request.header(DashboardAuth.CSRF_HEADER, csrfToken);
    }
    return send(request);
  }

  /** Any method, with a body of any type (null: none), carrying the session's CSRF token. */
  HttpResponse<String> send(String method, String path, String contentType, String body) {
    HttpRequest.Builder request = request(path).method(method, body == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(body));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    if (csrf != null) {
      request.header(DashboardAuth.CSRF_HEADER, csrf);
    }
    return send(request);
  }

  /** Any call carrying the session's CSRF token, with a JSON body unless {@code body} is null. */
  HttpResponse<String> send(String method, String path, JsonObject body) {
    HttpRequest.Builder request = request(path).method(method, body == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(body.encode()));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    if (csrf != null) {
      request.header(DashboardAuth.CSRF_HEADER, csrf);
    }
    return send(request);
  }

  /** A GET whose answer is read line by line as it arrives (a server-sent event stream). */
  HttpResponse<java.util.stream.Stream<String>> stream(String path) {
    try {
      return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofLines());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
    if (cookie != null) {
      request.header("Cookie", cookie);
    }
    return request;
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
