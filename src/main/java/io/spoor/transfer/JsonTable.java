package io.spoor.transfer;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A JSON report as one table: every list of objects in it (a report's {@code results},
 * {@code series}, {@code browsers}…) gives rows, named in the first column {@code table}; a list
 * inside a row (a source's {@code drillDowns}, an event's {@code series}) gives rows of its own
 * ({@code results.drillDowns}) that repeat their parent's values and add or replace their own.
 */
public final class JsonTable {
  private final Set<String> columns = new LinkedHashSet<>(List.of("table"));
  private final List<Map<String, Object>> rows = new ArrayList<>();

  private JsonTable() {
  }

  /** The table of a report. */
  public static JsonTable of(JsonObject report) {
    JsonTable table = new JsonTable();
    report.forEach(field -> {
      if (isTable(field.getValue())) {
        table.add(field.getKey(), Map.of(), (JsonArray) field.getValue());
      }
    });
    return table;
  }

  private static boolean isTable(Object value) {
    return value instanceof JsonArray array && !array.isEmpty()
        && array.stream().allMatch(item -> item instanceof JsonObject);
  }

  private void add(String name, Map<String, Object> parent, JsonArray items) {
    for (Object item : items) {
      JsonObject object = (JsonObject) item;
      Map<String, Object> row = new LinkedHashMap<>(parent);
      row.put("table", name);
      object.forEach(field -> {
        if (!(field.getValue() instanceof JsonArray) && !(field.getValue() instanceof JsonObject)) {
          row.put(field.getKey(), field.getValue());
          columns.add(field.getKey());
        }
      });
      rows.add(row);
      object.forEach(field -> {
        if (isTable(field.getValue())) {
          add(name + "." + field.getKey(), row, (JsonArray) field.getValue());
        }
      });
    }
  }

  public List<String> header() {
    return List.copyOf(columns);
  }

  /** Each row's values in the header's order; absent and null values are empty. */
  public List<List<String>> rows() {
    List<List<String>> out = new ArrayList<>(rows.size());
    for (Map<String, Object> row : rows) {
      List<String> cells = new ArrayList<>(columns.size());
      columns.forEach(c -> cells.add(row.get(c) == null ? "" : String.valueOf(row.get(c))));
      out.add(cells);
    }
    return out;
  }

  /** Answers the table as a CSV download named {@code fileName}. */
  public void send(io.vertx.ext.web.RoutingContext ctx, String fileName) {
    List<List<String>> all = rows();
    CsvStream.send(ctx, fileName, all.size(), header(), after -> new CsvStream.Page(all, java.util.Optional.empty()));
  }
}
