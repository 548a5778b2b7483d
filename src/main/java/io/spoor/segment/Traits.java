package io.spoor.segment;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The key and value rules of Segment's HubSpot destination: special traits renamed, every other
 * key trimmed, lower-cased and its spaces, dots and other whitespace turned into {@code _};
 * string values trimmed, arrays joined with {@code ;}, other objects written as JSON text,
 * {@code null} kept (it clears). Numbers and booleans stay as they are, for the type checks of
 * {@link TraitValues}. What a trait maps to is only a name: whether the portal defines it is
 * decided when it is applied.
 */
final class Traits {
  /** A value that clears its property. */
  static final Object CLEAR = null;

  /** Contact traits renamed, by their key as sent (trimmed). */
  private static final Map<String, String> CONTACT = Map.ofEntries(
      Map.entry("firstName", "firstname"), Map.entry("first_name", "firstname"),
      Map.entry("lastName", "lastname"), Map.entry("last_name", "lastname"),
      Map.entry("companyName", "company"), Map.entry("position", "jobtitle"), Map.entry("title", "jobtitle"),
      Map.entry("lifecycle_stage", "lifecyclestage"));
  /** Company traits renamed. */
  private static final Map<String, String> COMPANY = Map.of("employees", "numberofemployees");
  /** Members of an {@code address} object, renamed. */
  private static final Map<String, String> ADDRESS = Map.of("street", "address", "city", "city", "state", "state",
      "postalCode", "zip", "postal_code", "zip", "country", "country");

  private Traits() {
  }

  /** A contact's traits as HubSpot property names and values. */
  static Map<String, Object> contact(JsonObject traits) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<String, Object> trait : traits) {
      String key = trait.getKey().trim();
      Object value = trait.getValue();
      if (key.equals("company") && value instanceof JsonObject company) {
        nested(company, Map.of("name", "company"), "company_", out);
      } else if (key.equals("address") && value instanceof JsonObject address) {
        nested(address, ADDRESS, "address_", out);
      } else {
        String name = CONTACT.getOrDefault(key, key(key));
        out.put(name, name.equals("lifecyclestage") && value instanceof String s
            ? s.trim().toLowerCase(Locale.ROOT) : flat(value));
      }
    }
    return out;
  }

  /** A company's traits (of a group call) as HubSpot property names and values. */
  static Map<String, Object> company(JsonObject traits) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<String, Object> trait : traits) {
      String key = trait.getKey().trim();
      if (key.equals("address") && trait.getValue() instanceof JsonObject address) {
        nested(address, ADDRESS, "address_", out);
      } else {
        out.put(COMPANY.getOrDefault(key, key(key)), flat(trait.getValue()));
      }
    }
    return out;
  }

  /** An object's members under their special names; the others as {@code prefix + key}, left to be dropped. */
  private static void nested(JsonObject object, Map<String, String> names, String prefix, Map<String, Object> out) {
    for (Map.Entry<String, Object> member : object) {
      String key = member.getKey().trim();
      String name = names.get(key);
      out.put(name != null ? name : key(prefix + key), flat(member.getValue()));
    }
  }

  /** An ordinary trait key as a property name: trimmed, lower case, spaces, dots and whitespace as {@code _}. */
  static String key(String raw) {
    char[] key = raw.trim().toLowerCase(Locale.ROOT).toCharArray();
    for (int i = 0; i < key.length; i++) {
      if (key[i] == '.' || Character.isWhitespace(key[i]) || Character.isSpaceChar(key[i])) {
        key[i] = '_'; // a loop, not a regex: this runs for every trait of every message
      }
    }
    return new String(key);
  }

  /** A value as it is applied: text trimmed, arrays and objects as text; numbers, booleans and null as they are. */
  static Object flat(Object value) {
    if (value instanceof String s) {
      return s.trim();
    }
    if (value instanceof JsonArray array) {
      StringJoiner joined = new StringJoiner(";");
      for (Object item : array) {
        if (item != null) {
          joined.add(text(flat(item)));
        }
      }
      return joined.toString();
    }
    if (value instanceof JsonObject object) {
      return object.encode();
    }
    return value;
  }

  /** Any flattened value as text: {@code ""} for null. */
  static String text(Object value) {
    if (value == null) {
      return "";
    }
    return value instanceof Number n ? numberText(n) : value.toString();
  }

  /** A JSON number in plain decimal form, without trailing zeros ({@code 42.0} is {@code 42}). */
  static String numberText(Number n) {
    if (n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte) {
      return n.toString();
    }
    try {
      BigDecimal exact = n instanceof BigDecimal d ? d : new BigDecimal(n.toString());
      return exact.stripTrailingZeros().toPlainString();
    } catch (NumberFormatException e) {
      return n.toString(); // NaN or infinite: never in JSON, kept as text to be refused as a number
    }
  }
}
