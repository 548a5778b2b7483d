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

/** The spec file src/main/resources/openapi.json lists exactly what the server mounts, and is what it serves. */
class OpenApiDocumentTest {
  /** Routes matched by a regular expression: Vert.x gives them no path, so they cannot be listed as mounted. */
  private static final List<String> REGEX_ROUTES = List.of("GET /{hubId}.js", "GET /analytics/{cacheBuster}/{hubId}.js");

  @Test
  void everyMountedEndpointIsInTheSpecFileAndEverySpecPathIsMounted() {
    try (RunningSpoor server = RunningSpoor.start()) {
      List<String> problems = problems(operations(OpenApiDocument.document()), server.spoor().endpoints());
      assertTrue(problems.isEmpty(), "fix src/main/resources/openapi.json:\n" + String.join("\n", problems));
    }
  }

  @Test
  void theServerServesTheSpecFileAsItIs() {
    try (RunningSpoor server = RunningSpoor.start()) {
      JsonObject served = new JsonObject(new String(server.client().raw("/api/openapi.json", Map.of()).body(),
          StandardCharsets.UTF_8));
      assertEquals(OpenApiDocument.document(), served);
      assertEquals("3.0.3", served.getString("openapi"));
    }
  }

  @Test
  void aMountedRouteMissingFromTheSpecAndASpecPathNoRouteServesAreBothNamed() {
    List<String> spec = List.of("GET /healthz", "DELETE /api/v1/tokens/{id}");
    List<String> mounted = List.of("GET /healthz", "POST /v1/batch");

    assertEquals(List.of("POST /v1/batch is mounted but missing from openapi.json",
        "DELETE /api/v1/tokens/{id} is in openapi.json but no route serves it"), problems(spec, mounted));
  }

  /** Every operation of a spec as {@code "METHOD /path"}. */
  private static List<String> operations(JsonObject spec) {
    List<String> operations = new ArrayList<>();
    JsonObject paths = spec.getJsonObject("paths");
    paths.fieldNames().forEach(path -> paths.getJsonObject(path).fieldNames()
        .forEach(method -> operations.add(method.toUpperCase(Locale.ROOT) + " " + path)));
    return operations;
  }

  /** One line per endpoint mounted and not in the spec, or in the spec and not mounted. */
  private static List<String> problems(List<String> spec, List<String> mounted) {
    List<String> problems = new ArrayList<>();
    mounted.stream().filter(op -> !spec.contains(op)).distinct()
        .forEach(op -> problems.add(op + " is mounted but missing from openapi.json"));
    spec.stream().filter(op -> !mounted.contains(op) && !REGEX_ROUTES.contains(op))
        .forEach(op -> problems.add(op + " is in openapi.json but no route serves it"));
    return problems;
  }
}
