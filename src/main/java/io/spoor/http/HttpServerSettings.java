package io.spoor.http;

/** Where and how the HTTP server listens. */
public record HttpServerSettings(String host, int port, int maxUrlBytes) {
}
