package io.spoor.track;

import io.vertx.core.buffer.Buffer;
import java.util.Base64;

/** The transparent 1x1 GIF every tracking endpoint answers with. */
final class Gif {
  static final Buffer PIXEL = Buffer.buffer(Base64.getDecoder()
      .decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7"));
  static final String CONTENT_TYPE = "image/gif";

  private Gif() {
  }
}
