package io.spoor.crm.search;

import io.spoor.crm.ContactProperties;
import io.spoor.crm.ObjectType;
import java.util.Map;
import java.util.Optional;

/**
 * Where search finds each computed property: a column of {@code crm_object o}.
 * Every other property is a row of {@code object_property}. Also the SQL that splits a text
 * value into words, the same way {@link #words} does in Java.
 */
final class SearchColumns {
  /** A column expression; {@code decimals} moves a compared number's point right (revenue is kept in micros). */
  record Column(String expression, int decimals) {
  }

  /** Characters that separate the words of a value, besides the space. No quote: they sit in SQL literals. */
  static final String SEPARATORS = ".,;:@-_/+()!?&#|";
  /** Escapes LIKE's wildcards in patterns. A separator, so words never hold it but as an escape. */
  static final char LIKE_ESCAPE = '!';

  private static final Map<String, Column> COMPUTED = Map.ofEntries(
      Map.entry(ContactProperties.OBJECT_ID, new Column("o.id", 0)),
      Map.entry(ContactProperties.CREATEDATE, new Column("o.created_at", 0)),
      Map.entry(ContactProperties.LASTMODIFIEDDATE, new Column("o.updated_at", 0)),
      Map.entry(ContactProperties.NUM_EVENT_COMPLETIONS, new Column("o.num_event_completions", 0)),
      Map.entry(ContactProperties.REVENUE, new Column("o.revenue_micros", 6)),
      Map.entry(ContactProperties.FIRST_TIMESTAMP, new Column("o.first_timestamp", 0)),
      Map.entry(ContactProperties.LAST_TIMESTAMP, new Column("o.last_timestamp", 0)),
      Map.entry(ContactProperties.NUM_PAGE_VIEWS, new Column("o.num_page_views", 0)),
      Map.entry(ContactProperties.NUM_VISITS, new Column("o.num_visits", 0)),
      Map.entry(ContactProperties.FIRST_URL, new Column("o.first_url", 0)),
      Map.entry(ContactProperties.FIRST_REFERRER, new Column("o.first_referrer", 0)),
      Map.entry(ContactProperties.LAST_URL, new Column("o.last_url", 0)),
      // reads show OFFLINE for a contact no visit has given a source
      Map.entry(ContactProperties.SOURCE, new Column("COALESCE(o.source, 'OFFLINE')", 0)),
      Map.entry(ContactProperties.SOURCE_DATA_1, new Column("o.source_data_1", 0)),
      Map.entry(ContactProperties.SOURCE_DATA_2, new Column("o.source_data_2", 0)));

  private SearchColumns() {
  }

  /** The column of a computed property of the type: id and dates of every type, and a contact's analytics. */
  static Optional<Column> computed(ObjectType type, String property) {
    if (property.equals(type.lastModified())) {
      return Optional.of(new Column("o.updated_at", 0));
    }
    if (type != ObjectType.CONTACT && !property.equals(ObjectType.OBJECT_ID) && !property.equals(ObjectType.CREATEDATE)) {
      return Optional.empty();
    }
    return Optional.ofNullable(COMPUTED.get(property));
  }

  /** The value's words between spaces, lowercased, with a space at each end: {@code ' ada example com '}. */
  static String wordsSql(String column) {
    String expression = "LOWER(" + column + ")";
    for (char separator : SEPARATORS.toCharArray()) {
      expression = "REPLACE(" + expression + ", '" + separator + "', ' ')";
    }
    return "' ' || " + expression + " || ' '";
  }

  /** Text as {@link #wordsSql} splits it, without the spaces at the ends. */
  static String words(String text) {
    String lower = text.toLowerCase(java.util.Locale.ROOT);
    StringBuilder words = new StringBuilder(lower.length());
    for (char c : lower.toCharArray()) {
      words.append(SEPARATORS.indexOf(c) >= 0 ? ' ' : c);
    }
    return words.toString();
  }

  /** A LIKE pattern for the whole word or words {@code token}; {@code *} in it stands for any characters. */
  static String tokenPattern(String token) {
    return "% " + escape(words(token.trim())).replace("*", "%") + " %";
  }

  /** A LIKE pattern for a word starting with {@code prefix}. */
  static String prefixPattern(String prefix) {
    return "% " + escape(words(prefix.trim())) + "%";
  }

  private static String escape(String text) {
    String escape = Character.toString(LIKE_ESCAPE);
    return text.replace(escape, escape + escape).replace("%", escape + "%").replace("_", escape + "_");
  }
}
