package io.spoor.transfer;

import io.spoor.InvalidInputException;
import io.spoor.crm.CrmObject;
import io.spoor.crm.ObjectType;
import io.spoor.crm.object.ObjectReads;
import io.spoor.http.Guard;
import io.spoor.http.Http;
import io.spoor.http.Mount;
import io.spoor.http.Routes;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Arrays;
import java.util.List;

/**
 * {@code GET /api/v1/exports/contacts.csv} and {@code /companies.csv} (the type's read scope):
 * every live object of the portal as CSV, streamed; {@code properties} (comma-separated) picks
 * the columns, else the type's default read properties (the object id first). The answer's X-Total-Count says how many
 * rows to expect, for a progress bar. The dashboard mounts the same routes under its own base.
 */
public final class ExportRoutes implements Routes {
  private static final int MAX_COLUMNS = 500;
  private final List<ObjectReads<? extends CrmObject>> lists;
  private final Mount mount;

  /** {@code lists}: the reads of each type that can be exported. */
  public ExportRoutes(List<ObjectReads<? extends CrmObject>> lists) {
    this(lists, Mount.api());
  }

  /** The same routes under {@code mount}'s base, behind its guard. */
  public ExportRoutes(List<ObjectReads<? extends CrmObject>> lists, Mount mount) {
    this.lists = List.copyOf(lists);
    this.mount = mount;
  }

  @Override
  public void mount(Router router, Http http) {
    for (ObjectReads<? extends CrmObject> reads : lists) {
      Guard g = mount.guard(http, reads.type().scope(false));
      router.get(mount.base() + "/exports/" + reads.type().plural() + ".csv").handler(g.reads())
          .handler(ctx -> export(ctx, http, reads, g.portal(ctx)));
    }
  }

  private static <T extends CrmObject> void export(RoutingContext ctx, Http http, ObjectReads<T> reads, long hubId) {
    List<String> columns = columns(ctx, reads.type());
    http.respond(ctx, () -> new Prepared<>(new ObjectExport<>(reads, hubId, columns), reads.count(hubId)),
        (c, prepared) -> CsvStream.send(c, reads.type().plural() + ".csv", prepared.total(), columns,
            prepared.export()));
  }

  private record Prepared<T extends CrmObject>(ObjectExport<T> export, long total) {
  }

  private static List<String> columns(RoutingContext ctx, ObjectType type) {
    String raw = ctx.request().getParam("properties");
    if (raw == null || raw.isBlank()) {
      List<String> defaults = new java.util.ArrayList<>(List.of(ObjectType.OBJECT_ID));
      type.defaultRead().stream().filter(name -> !name.equals(ObjectType.OBJECT_ID)).forEach(defaults::add);
      return defaults;
    }
    List<String> names = Arrays.stream(raw.split(",")).map(String::trim).filter(s -> !s.isEmpty()).distinct()
        .toList();
    if (names.isEmpty() || names.size() > MAX_COLUMNS
        || names.stream().anyMatch(n -> !n.matches("[A-Za-z0-9_.-]{1,100}"))) {
      throw new InvalidInputException("properties is a comma-separated list of 1 to " + MAX_COLUMNS
          + " property names");
    }
    return names;
  }
}
