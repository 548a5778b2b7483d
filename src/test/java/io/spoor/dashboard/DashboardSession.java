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
