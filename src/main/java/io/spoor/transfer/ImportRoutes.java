package io.spoor.transfer;

import io.spoor.Ids;
import io.spoor.InvalidInputException;
import io.spoor.TooLargeException;
import io.spoor.http.Guard;
import io.spoor.http.Http;
import io.spoor.http.Mount;
import io.spoor.http.Routes;
import io.spoor.http.Scope;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /api/v1/imports} (scope {@code crm.objects.contacts.write}): the body is the CSV file
 * itself ({@code text/csv}), {@code mapping} a JSON object of column to property ({@code ""} skips a
 * column; without it each header names its property) and {@code fileName} its name; answers 202
 * with the queued import. {@code GET /api/v1/imports/{id}}: its progress and the problems of its
 * bad rows. The dashboard mounts the same routes under its own base.
 */
public final class ImportRoutes implements Routes {
  private final Imports imports;
  private final Mount mount;

  public ImportRoutes(Imports imports) {
    this(imports, Mount.api());
  }

  /** The same routes under {@code mount}'s base, behind its guard. */
  public ImportRoutes(Imports imports, Mount mount) {
    this.imports = imports;
    this.mount = mount;
  }

  @Override
  public void mount(Router router, Http http) {
    Guard g = mount.guard(http, Scope.CONTACTS_WRITE);
    String path = mount.base() + "/imports";
    router.post(path).handler(Upload.pausing(imports.limits().refusedDrainBytes(),
        () -> imports.refusedBy("drain"))).handler(g.changes()).handler(ctx -> {
      checkType(ctx);
      Optional<Map<String, String>> mapping = mapping(ctx.request().getParam("mapping"));
      String fileName = fileName(ctx.request().getParam("fileName"));
      long hubId = g.portal(ctx);
      Path file = imports.newFile();
      Upload.toFile(ctx, file, imports.limits().maxBytes())
          .onFailure(e -> {
            if (e instanceof TooLargeException) {
              imports.refusedBy("bytes");
              ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
            }
            ctx.fail(e);
          })
          .onSuccess(bytes -> http.respond(ctx, () -> imports.start(hubId, file, fileName, mapping),
              (c, status) -> Http.json(c, 202, render(status))));
    });
    router.get(path + "/:id").handler(g.reads()).handler(ctx -> {
      long id = Ids.parse(ctx.pathParam("id")).orElseThrow(() ->
          new InvalidInputException("an import's id is a positive whole number"));
      long hubId = g.portal(ctx);
      http.respond(ctx, () -> imports.get(hubId, id), (c, status) -> Http.json(c, 200, render(status)));
    });
  }

  private static void checkType(RoutingContext ctx) {
    String type = ctx.request().getHeader(HttpHeaders.CONTENT_TYPE);
    String lower = type == null ? "" : type.toLowerCase(Locale.ROOT);
    if (!(lower.startsWith("text/csv") || lower.startsWith("text/plain")
        || lower.startsWith("application/octet-stream") || lower.startsWith("application/vnd.ms-excel"))) {
      throw new InvalidInputException("Send the CSV file itself as the body, with Content-Type: text/csv");
    }
  }

  private static Optional<Map<String, String>> mapping(String raw) {
    if (raw == null || raw.isBlank()) {
      return Optional.empty();
    }
    try {
      JsonObject json = new JsonObject(raw);
      Map<String, String> mapping = new LinkedHashMap<>();
      json.forEach(e -> {
        if (!(e.getValue() instanceof String property) || !property.matches("[A-Za-z0-9_]{0,100}")) {
          throw new InvalidInputException("mapping: column \"" + e.getKey()
              + "\" must map to a property name (or \"\" to skip it)");
        }
        mapping.put(e.getKey(), property);
      });
      return Optional.of(mapping);
    } catch (DecodeException e) {
      throw new InvalidInputException("mapping must be a JSON object of column name to property name");
    }
  }

  private static String fileName(String raw) {
    if (raw == null || raw.isBlank()) {
      return "import.csv";
    }
    String name = raw.strip();
    return name.length() > 200 ? name.substring(0, 200) : name;
  }

  static JsonObject render(ImportStatus s) {
    JsonArray problems = new JsonArray();
    s.problems().forEach(p -> problems.add(new JsonObject().put("row", p.row()).put("column", p.column())
        .put("reason", p.reason())));
    return new JsonObject().put("id", Long.toString(s.id())).put("status", s.state().name().toLowerCase(Locale.ROOT))
        .put("fileName", s.fileName()).put("mapping", new JsonObject(new LinkedHashMap<>(s.mapping())))
        .put("totalRows", s.totalRows()).put("processedRows", s.doneRows()).put("created", s.created())
        .put("updated", s.updated()).put("failedRows", s.failedRows()).put("problems", problems)
        .put("moreProblems", s.moreProblems()).put("error", s.error().orElse(null))
        .put("createdAt", s.createdAt().toString())
        .put("finishedAt", s.finishedAt().map(Object::toString).orElse(null));
  }
}
