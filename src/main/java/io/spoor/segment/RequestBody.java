package io.spoor.segment;

import io.spoor.InvalidInputException;
import io.spoor.TooLargeException;
import io.spoor.http.Http;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * A request's body as one JSON object: inflated first when sent with {@code Content-Encoding:
 * gzip} (as analytics-python may), and bounded after inflating as before, so a small body that
 * inflates to gigabytes (a zip bomb) is refused having read no more than the limit.
 */
final class RequestBody {
  private RequestBody() {
  }

  static JsonObject read(Buffer raw, String contentEncoding, int maxBytes) {
    String encoding = contentEncoding == null ? "identity" : contentEncoding.trim().toLowerCase(Locale.ROOT);
    Buffer sent = raw == null ? Buffer.buffer() : raw;
    Buffer body = switch (encoding) {
      case "", "identity" -> sent;
      case "gzip", "x-gzip" -> inflated(sent, maxBytes);
      default -> throw new InvalidInputException("Unsupported Content-Encoding " + encoding + ": send gzip or none");
    };
    return Http.jsonObject(body);
  }

  private static Buffer inflated(Buffer raw, int maxBytes) {
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(raw.getBytes()))) {
      byte[] bytes = in.readNBytes(maxBytes + 1);
      if (bytes.length > maxBytes) {
        throw new TooLargeException("The request is over " + maxBytes + " bytes once inflated");
      }
      return Buffer.buffer(bytes);
    } catch (IOException e) {
      throw new InvalidInputException("The body is not valid gzip, as its Content-Encoding says");
    }
  }
}
