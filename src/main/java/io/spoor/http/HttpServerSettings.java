package io.spoor.http;

import java.time.Duration;

/**
 * Where and how the HTTP server listens. {@code requestTimeout} bounds how long a client may
 * take to send a request, head and body: from the connection opening or the previous answer
 * to the end of the head, and from there to the end of the body.
 */
public record HttpServerSettings(String host, int port, int maxUrlBytes, Duration requestTimeout) {
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);

  public HttpServerSettings {
    if (requestTimeout.isNegative() || requestTimeout.isZero()) {
      throw new IllegalArgumentException("requestTimeout must be positive, was " + requestTimeout);
    }
  }

  public HttpServerSettings(String host, int port, int maxUrlBytes) {
    this(host, port, maxUrlBytes, DEFAULT_REQUEST_TIMEOUT);
  }
}
