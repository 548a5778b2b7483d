package io.spoor.reliability;

import java.util.ArrayList;
import java.util.List;

/**
 * JSON bodies shaped like each write's real input, every value junk, and each with a poison
 * that the server must refuse: contact writes carry an invalid email and an unknown property,
 * names carry a character no name may have, tokens an unknown scope, portal changes an
 * unknown setting. Bodies are JSON text, not objects, so numbers like {@code 1e400} go out as written.
 */
final class Templates {
  private static final List<String> NUMBERS = List.of("1e400", "-1e400", "1e-400", "-0", "-0.0",
      "99999999999999999999", "9223372036854775808", "-9223372036854775809", "0", "-1", "1.5",
      "1" + "0".repeat(400), "0.000000000000000000001", "-99999999999999999999.5");

  private Templates() {
  }

  static String body(BadRequests.Operation op, Junk junk) {
    Json j = new Json(junk);
    String key = op.method() + " " + op.path();
    String object = key.contains("/objects/companies") ? "company" : "contact";
    switch (key) {
      case "POST /crm/v3/objects/contacts":
      case "POST /crm/v3/objects/companies":
        return j.object("properties", poisoned(j, object), "associations", j.value());
      case "PATCH /crm/v3/objects/contacts/{id}":
      case "PATCH /crm/v3/objects/companies/{id}":
        return j.object("properties", poisoned(j, object));
      case "POST /crm/v3/objects/contacts/batch/create":
      case "POST /crm/v3/objects/companies/batch/create":
      case "POST /crm/v3/objects/contacts/batch/update":
      case "POST /crm/v3/objects/companies/batch/update":
        return j.object("inputs", j.array(() -> j.object("id", j.id(), "idProperty", j.value(),
            "properties", poisoned(j, object), "objectWriteTraceId", j.value())));
      case "POST /crm/v3/objects/contacts/batch/upsert":
      case "POST /crm/v3/objects/companies/batch/upsert":
        return j.object("inputs", j.array(() -> j.object("id", j.string(junk.badEmail()),
            "idProperty", j.string(object.equals("contact") ? "email" : "domain"), "properties", poisoned(j, object))));
      case "POST /crm/v3/objects/contacts/batch/read":
      case "POST /crm/v3/objects/companies/batch/read":
        return j.object("inputs", j.array(() -> j.object("id", j.id())), "idProperty", j.value(),
            "properties", j.value(), "propertiesWithHistory", j.value());
      case "POST /crm/v3/objects/contacts/batch/archive":
      case "POST /crm/v3/objects/companies/batch/archive":
        return j.object("inputs", j.array(() -> j.object("id", j.id())));
      case "POST /crm/v3/objects/contacts/search":
        return j.object("filterGroups", j.array(() -> j.object("filters", j.array(() -> j.object(
            "propertyName", j.value(), "operator", j.value(), "value", j.value(), "values", j.value(),
            "highValue", j.value())))), "sorts", j.value(), "query", j.value(), "properties", j.value(),
            "limit", j.number(), "after", j.value());
      case "POST /crm/v3/objects/contacts/merge":
        return j.object("primaryObjectId", j.id(), "objectIdToMerge", j.id());
      case "POST /crm/v3/objects/contacts/gdpr-delete":
        return j.object("objectId", junk.chance(0.5) ? j.id() : j.string(junk.badEmail()), "idProperty", j.value());
      case "POST /crm/v3/properties/{objectType}":
        return j.object("name", j.string(junk.badName()), "label", j.value(), "type", j.value(),
            "fieldType", j.value(), "groupName", j.value(), "options", j.value(), "hasUniqueValue", j.value());
      case "PATCH /crm/v3/properties/{objectType}/{name}":
        return j.object("label", j.value(), "type", j.value(), "options", j.value(), "name", j.value());
      case "POST /events/v3/event-definitions":
        return j.object("name", j.string(junk.badName()), "label", j.value(), "description", j.value(),
            "primaryObject", j.value(), "propertyDefinitions", j.value());
      case "POST /events/v3/send":
        return sent(j, junk);
      case "POST /events/v3/send/batch":
        return j.object("inputs", j.array(() -> sent(j, junk)));
      case "POST /api/v1/event-definitions":
        // a control character inside the name (at the ends it is trimmed off) or more than 255 characters
        return j.object("name", j.string(junk.chance(0.5) ? "n\u0007" + junk.string() + "n" : "n".repeat(256)));
      case "POST /contacts/v1/contact/batch":
      case "POST /contacts/v1/contact/batch/":
        return j.array(() -> j.object("email", j.string(junk.badEmail()), "properties", legacyProperties(j)));
      case "POST /contacts/v1/contact/createOrUpdate/email/{email}":
        return j.object("properties", legacyProperties(j));
      case "PATCH /api/v1/portal":
        return j.object("fuzzUnknownSetting", j.value(), junk.pick(List.of("requireConsent", "honorGpc",
            "domains", "rateLimitSecondly", "rateLimitDaily", "bannerText", "customEventsEnabled")), j.value());
      case "POST /api/v1/tokens":
        return j.object("name", j.value(), "scopes", "[" + j.string("no.such.scope") + "," + j.value() + "]");
      default:
        // an operation added since: a body no write may accept
        return j.object("properties", poisoned(j, object), "inputs", j.array(() -> j.object("properties",
            poisoned(j, object))), "name", j.string(junk.badName()), "scopes", "[\"no.such.scope\"]",
            "fuzzUnknownSetting", j.value());
    }
  }

  /** Properties that can never be written: an invalid email and a property no object has. */
  private static String poisoned(Json j, String object) {
    return j.object("email", j.string(j.junk.badEmail()), "fuzz_no_such_property", j.value(),
        object.equals("contact") ? "firstname" : "domain", j.value(), "lifecyclestage", j.value(),
        "total_revenue", j.number());
  }

  /** v1 properties, {@code [{property, value}]}, with one no contact has. */
  private static String legacyProperties(Json j) {
    return "[" + j.object("property", j.string("fuzz_no_such_property"), "value", j.value()) + ","
        + j.object("property", j.value(), "value", j.value()) + "]";
  }

  private static String sent(Json j, Junk junk) {
    return j.object("eventName", j.string(junk.badName()), "utk", j.value(), "email", j.string(junk.badEmail()),
        "objectId", j.id(), "occurredAt", j.value(), "properties", j.value(), "uuid", j.value());
  }

  /** Junk JSON values as text. */
  static final class Json {
    private final Junk junk;

    Json(Junk junk) {
      this.junk = junk;
    }

    /** Alternating names and values (already JSON text). */
    String object(String... namesAndValues) {
      StringBuilder out = new StringBuilder("{");
      for (int i = 0; i < namesAndValues.length; i += 2) {
        out.append(i == 0 ? "" : ",").append(string(namesAndValues[i])).append(':').append(namesAndValues[i + 1]);
      }
      return out.append('}').toString();
    }

    String array(java.util.function.Supplier<String> element) {
      List<String> values = new ArrayList<>();
      int n = junk.chance(0.05) ? junk.between(101, 150) : junk.between(1, 3);
      for (int i = 0; i < n; i++) {
        values.add(element.get());
      }
      return "[" + String.join(",", values) + "]";
    }

    String id() {
      return junk.chance(0.8) ? string(junk.pick(Junk.IDS)) : number();
    }

    String number() {
      return junk.pick(NUMBERS);
    }

    String value() {
      return value(0);
    }

    private String value(int depth) {
      double roll = junk.random().nextDouble();
      if (roll < 0.45 || depth > 2) {
        return string(junk.string());
      }
      if (roll < 0.65) {
        return number();
      }
      if (roll < 0.75) {
        return junk.pick(List.of("true", "false", "null"));
      }
      if (roll < 0.85) {
        List<String> values = new ArrayList<>();
        for (int i = junk.between(0, 3); i > 0; i--) {
          values.add(value(depth + 1));
        }
        return "[" + String.join(",", values) + "]";
      }
      if (roll < 0.95) {
        return object(junk.badName(), value(depth + 1), junk.badName(), value(depth + 1));
      }
      return string("y".repeat(junk.between(10_000, 200_000)));
    }

    /** A JSON string; now and then with a raw control character, which makes the JSON invalid. */
    String string(String s) {
      StringBuilder out = new StringBuilder("\"");
      for (char c : s.toCharArray()) {
        if (c == '"' || c == '\\') {
          out.append('\\').append(c);
        } else if (c < 0x20 && !junk.chance(0.05)) {
          out.append(String.format("\\u%04x", (int) c));
        } else {
          out.append(c);
        }
      }
      return out.append('"').toString();
    }
  }
}
