package io.spoor.reliability;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, byte for byte: requests no HTTP client would send (raw bytes in
 * the request line, broken framing, thousands of headers), answers read with a timeout. One
 * connection is kept alive across exchanges until either side closes it.
 */
final class RawHttp implements AutoCloseable {
  private static final int MAX_BODY = 4 * 1024 * 1024;

  private final int port;
  private final Duration timeout;
  private Socket socket;
  private InputStream in;
  private OutputStream out;

  RawHttp(int port, Duration timeout) {
    this.port = port;
    this.timeout = timeout;
  }

  /** An answer: status, headers (names lowercased, first value), body, and whether the server closed. */
  record Answer(int status, Map<String, String> headers, byte[] body, boolean closed) {
    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }

  /** Builds the bytes of a request: request line and headers in ISO-8859-1 (one char, one byte), then the body. */
  static byte[] request(String method, String target, Map<String, String> headers, byte[] body) {
    StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n");
    head.append("Host: 127.0.0.1\r\n");
    headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
    if (body != null) {
      head.append("Content-Length: ").append(body.length).append("\r\n");
    }
    head.append("\r\n");
    byte[] start = head.toString().getBytes(StandardCharsets.ISO_8859_1);
    if (body == null) {
      return start;
    }
    byte[] all = new byte[start.length + body.length];
    System.arraycopy(start, 0, all, 0, start.length);
    System.arraycopy(body, 0, all, start.length, body.length);
    return all;
  }

  /**
   * Sends one request and reads its answer. A connection the server closed since the last
   * exchange is reopened once. Throws when no answer arrives within the timeout or the server
   * closes without one.
   */
  Answer exchange(byte[] request) throws IOException {
    boolean fresh = socket == null;
    open();
    try {
      out.write(request);
      out.flush();
    } catch (IOException e) {
      if (fresh) {
        // the server may have answered and closed while the request was still being written
        return readAfterFailedWrite(e);
      }
      close();
      return exchange(request);
    }
    try {
      return read(true);
    } catch (EOFException e) {
      close();
      if (fresh) {
        throw e;
      }
      // a kept-alive connection the server had closed in between: once more on a new one
      return exchange(request);
    }
  }

  private Answer readAfterFailedWrite(IOException writeFailure) throws IOException {
    try {
      return read(false);
    } catch (IOException e) {
      close();
      e.addSuppressed(writeFailure);
      throw e;
    }
  }

  /** Opens the connection if needed (a test can then write to {@link #output()} itself). */
  void open() throws IOException {
    if (socket != null) {
      return;
    }
    socket = new Socket();
    socket.setTcpNoDelay(true);
    socket.connect(new InetSocketAddress("127.0.0.1", port), (int) timeout.toMillis());
    socket.setSoTimeout((int) timeout.toMillis());
    in = new BufferedInputStream(socket.getInputStream());
    out = socket.getOutputStream();
  }

  OutputStream output() {
    return out;
  }

  InputStream input() {
    return in;
  }

  /** Reads one answer from the open connection. */
  Answer read(boolean eofBeforeStatusIsEof) throws IOException {
    String statusLine = line(eofBeforeStatusIsEof);
    if (!statusLine.startsWith("HTTP/1.")) {
      throw new IOException("not an HTTP answer: " + statusLine);
    }
    int status = Integer.parseInt(statusLine.substring(9, 12));
    Map<String, String> headers = new LinkedHashMap<>();
    for (String line = line(false); !line.isEmpty(); line = line(false)) {
      int colon = line.indexOf(':');
      headers.putIfAbsent(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
    }
    byte[] body = body(status, headers);
    boolean closed = "close".equalsIgnoreCase(headers.get("connection"));
    if (closed) {
      close();
    }
    return new Answer(status, headers, body, closed);
  }

  private byte[] body(int status, Map<String, String> headers) throws IOException {
    if (status == 204 || status == 304 || status / 100 == 1) {
      return new byte[0];
    }
    if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      for (int size = Integer.parseInt(line(false).split(";")[0].trim(), 16); size > 0;
          size = Integer.parseInt(line(false).split(";")[0].trim(), 16)) {
        body.write(in.readNBytes(size));
        line(false);
      }
      while (!line(false).isEmpty()) {
        // trailers
      }
      return body.toByteArray();
    }
    String length = headers.get("content-length");
    if (length != null) {
      int n = Integer.parseInt(length);
      byte[] body = in.readNBytes(n);
      if (body.length < n) {
        throw new EOFException("answer body cut short");
      }
      return body;
    }
    // no length: the body runs to the end of the connection
    byte[] body = in.readNBytes(MAX_BODY);
    close();
    return body;
  }

  private String line(boolean eofIsEof) throws IOException {
    StringBuilder line = new StringBuilder();
    for (int b = in.read(); ; b = in.read()) {
      if (b < 0) {
        if (eofIsEof && line.length() == 0) {
          throw new EOFException("closed before an answer");
        }
        throw new IOException("closed in the middle of an answer");
      }
      if (b == '\n') {
        int end = line.length() > 0 && line.charAt(line.length() - 1) == '\r' ? line.length() - 1 : line.length();
        return line.substring(0, end);
      }
      line.append((char) b);
    }
  }

  @Override
  public void close() {
    if (socket != null) {
      try {
        socket.close();
      } catch (IOException e) {
        // closing anyway
      }
      socket = null;
    }
  }
}
