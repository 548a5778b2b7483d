package io.spoor.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spoor.testkit.RunningSpoor;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The OpenAPI document lists exactly what the server mounts. */
class OpenApiDocumentTest {
  @Test
  void everyMountedEndpointIsDocumentedAndEveryDocumentedOneIsMounted() {
    try (RunningSpoor server = RunningSpoor.start()) {
      JsonObject doc = new JsonObject(new String(server.client().raw("/api/openapi.json", Map.of()).body(),
          StandardCharsets.UTF_8));
      assertEquals("3.0.3", doc.getString("openapi"));
      List<String> documented = new ArrayList<>();
      JsonObject paths = doc.getJsonObject("paths");
      paths.fieldNames().forEach(path -> paths.getJsonObject(path).fieldNames()
          .forEach(method -> documented.add(method.toUpperCase(Locale.ROOT) + " " + path)));
      List<String> mounted = server.spoor().endpoints();
      List<String> undocumented = new ArrayList<>(mounted);
      undocumented.removeAll(documented);
      assertTrue(undocumented.isEmpty(), "mounted but not documented: " + undocumented);
      List<String> regexRoutes = List.of("GET /{hubId}.js", "GET /analytics/{cacheBuster}/{hubId}.js");
      List<String> missing = new ArrayList<>(documented);
      missing.removeAll(mounted);
      missing.removeAll(regexRoutes);
      assertTrue(missing.isEmpty(), "documented but not mounted: " + missing);
    }
  }
}
