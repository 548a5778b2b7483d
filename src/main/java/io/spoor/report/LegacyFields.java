package io.spoor.report;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.util.List;

/**
 * The fields of a legacy report's breakdown row under HubSpot's names, read straight from a
 * period's {@link Sums}: visits are sessions, rawViews page views, contacts new contacts, rates
 * in percent. Page rows have their own fields (and bounce rate over entrances).
 */
record LegacyFields(List<Field> fields) {
  /** A value of value code {@code code} in {@code sums}. */
  interface Value {
    double of(Sums sums, int code);
  }

  /** A field; {@code ratio} fields are decimals, the others whole counts. */
  record Field(String name, boolean ratio, Value value) {
  }

  private static final LegacyFields VISITS = new LegacyFields(List.of(
      count("rawViews", Sums.PAGE_VIEWS),
      count("visits", Sums.SESSIONS),
      count("visitors", Sums.VISITORS),
      count("contacts", Sums.NEW_CONTACTS),
      count("bounces", Sums.BOUNCES),
      ratio("bounceRate", (s, c) -> percent(s.get(c, Sums.BOUNCES), s.get(c, Sums.SESSIONS))),
      ratio("timePerSession", (s, c) -> s.get(c, Sums.SESSIONS) == 0 ? 0.0
          : s.get(c, Sums.DURATION_MS) / 1000.0 / s.get(c, Sums.SESSIONS)),
      ratio("pageviewsPerSession", (s, c) -> share(s.get(c, Sums.PAGE_VIEWS), s.get(c, Sums.SESSIONS))),
      ratio("contactsPerPageview", (s, c) -> share(s.get(c, Sums.NEW_CONTACTS), s.get(c, Sums.PAGE_VIEWS)))));
  private static final LegacyFields PAGES = new LegacyFields(List.of(
      count("rawViews", Sums.PAGE_VIEWS),
      count("entrances", Sums.ENTRANCES),
      count("exits", Sums.EXITS),
      ratio("bounceRate", (s, c) -> percent(s.get(c, Sums.BOUNCES), s.get(c, Sums.ENTRANCES))),
      ratio("exitsPerPageview", (s, c) -> share(s.get(c, Sums.EXITS), s.get(c, Sums.PAGE_VIEWS)))));

  static LegacyFields of(Dimension dim) {
    return dim == Dimension.PAGE ? PAGES : VISITS;
  }

  List<String> names() {
    return fields.stream().map(Field::name).toList();
  }

  /** The field named {@code name}, or the breakdown's own order: page views for pages, visits otherwise. */
  Field sortedBy(String name) {
    String wanted = name != null ? name : this == PAGES ? "rawViews" : "visits";
    return fields.stream().filter(f -> f.name().equals(wanted)).findFirst().orElseThrow();
  }

  /**
   * Writes value {@code code}'s row as JSON, with its {@code breakdown} unless null: written
   * straight out rather than through a JsonObject per row, which cost as much as the sums.
   */
  void write(StringBuilder out, Sums sums, int code, String breakdown) {
    out.append('{');
    for (Field f : fields) {
      double v = f.value().of(sums, code);
      out.append('"').append(f.name()).append("\":");
      if (f.ratio()) {
        out.append(v);
      } else {
        out.append((long) v);
      }
      out.append(',');
    }
    if (breakdown == null) {
      out.setLength(out.length() - 1);
    } else {
      out.append("\"breakdown\":\"").append(JsonStringEncoder.getInstance().quoteAsString(breakdown)).append('"');
    }
    out.append('}');
  }

  private static Field count(String name, int field) {
    return new Field(name, false, (s, c) -> s.get(c, field));
  }

  private static Field ratio(String name, Value value) {
    return new Field(name, true, value);
  }

  private static double percent(long part, long whole) {
    return whole == 0 ? 0.0 : 100.0 * part / whole;
  }

  private static double share(long part, long whole) {
    return whole == 0 ? 0.0 : (double) part / whole;
  }
}
