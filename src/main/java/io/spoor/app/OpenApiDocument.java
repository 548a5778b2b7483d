package io.spoor.app;

import io.spoor.http.Http;
import io.spoor.http.Routes;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The OpenAPI document of everything Spoor serves, the spec file {@code openapi.json} in the
 * jar (src/main/resources), at {@code /api/openapi.json}. Every mounted route must be listed
 * there with the scope it needs ({@code x-required-scopes}); a test compares the two.
 */
final class OpenApiDocument implements Routes {
  /** Where the spec file is in the jar. */
  static final String RESOURCE = "/openapi.json";

  @Override
  public void mount(Router router, Http http) {
    JsonObject document = document();
    router.get("/api/openapi.json").handler(ctx -> Http.json(ctx, 200, document));
  }

  /** The spec file, parsed (a file that is not JSON fails the start, and the tests). */
  static JsonObject document() {
    try (InputStream in = OpenApiDocument.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the OpenAPI spec file is missing from the jar: " + RESOURCE);
      }
      return new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
