package io.spoor.http;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Where and how the HTTP server listens. {@code requestTimeout} bounds how long a client may
 * take to send a request, head and body: from the connection opening or the previous answer
 * to the end of the head, and from there to the end of the body. With {@code tls} the server
 * speaks only https, HTTP/1.1 and HTTP/2 (by ALPN).
 */
public record HttpServerSettings(String host, int port, int maxUrlBytes, Duration requestTimeout, Optional<Tls> tls) {
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);

  public HttpServerSettings {
    if (requestTimeout.isNegative() || requestTimeout.isZero()) {
      throw new IllegalArgumentException("requestTimeout must be positive, was " + requestTimeout);
    }
  }

  public HttpServerSettings(String host, int port, int maxUrlBytes, Duration requestTimeout) {
    this(host, port, maxUrlBytes, requestTimeout, Optional.empty());
  }

  public HttpServerSettings(String host, int port, int maxUrlBytes) {
    this(host, port, maxUrlBytes, DEFAULT_REQUEST_TIMEOUT);
  }

  /** The server's certificate chain and private key, PEM files. */
  public record Tls(Path certificate, Path privateKey) {
  }
}
