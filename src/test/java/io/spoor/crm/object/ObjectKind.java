package io.spoor.crm.object;

import static io.spoor.crm.ContactApi.properties;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.spoor.http.Scope;
import io.spoor.testkit.SpoorClient;
import io.spoor.testkit.SpoorClient.Answer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** An object type as its API tests see it: its path, key and name properties, scopes, and keys in two forms. */
enum ObjectKind {
  CONTACTS("contacts", "Contact", "email", "firstname", Scope.CONTACTS_READ, Scope.COMPANIES_WRITE,
      List.of("createdate", "email", "firstname", "hs_object_id", "lastmodifieddate", "lastname"), "lastmodifieddate",
      "total_revenue") {
    @Override
    String key(String stem) {
      return stem + "@example.com";
    }

    @Override
    String otherForm(String stem) {
      return stem.toUpperCase(Locale.ROOT) + "%40Example.com";
    }
  },
  COMPANIES("companies", "Company", "domain", "name", Scope.COMPANIES_READ, Scope.CONTACTS_WRITE,
      List.of("createdate", "domain", "hs_lastmodifieddate", "hs_object_id", "name"), "hs_lastmodifieddate",
      "numberofemployees") {
    @Override
    String key(String stem) {
      return stem + ".example";
    }

    @Override
    String otherForm(String stem) {
      return "WWW." + stem.toUpperCase(Locale.ROOT) + ".Example";
    }
  };

  final String path;
  final String label;
  final String keyProperty;
  final String nameProperty;
  final Scope readScope;
  /** The write scope of the other type, which grants nothing here. */
  final Scope otherWriteScope;
  /** The properties a read naming none shows, in name order. */
  final List<String> defaultProperties;
  final String propertiesPath;
  final String lastModifiedProperty;
  /** A built-in property of type number. */
  final String numberProperty;

  ObjectKind(String plural, String label, String keyProperty, String nameProperty, Scope readScope,
      Scope otherWriteScope, List<String> defaultProperties, String lastModifiedProperty, String numberProperty) {
    this.lastModifiedProperty = lastModifiedProperty;
    this.numberProperty = numberProperty;
    this.path = "/crm/v3/objects/" + plural;
    this.propertiesPath = "/crm/v3/properties/" + plural;
    this.defaultProperties = defaultProperties;
    this.label = label;
    this.keyProperty = keyProperty;
    this.nameProperty = nameProperty;
    this.readScope = readScope;
    this.otherWriteScope = otherWriteScope;
  }

  /** The other object type. */
  ObjectKind other() {
    return this == CONTACTS ? COMPANIES : CONTACTS;
  }

  /** The canonical key made of {@code stem}. */
  abstract String key(String stem);

  /** The same key as a client may write it, in a path (escaped). */
  abstract String otherForm(String stem);

  String create(SpoorClient client, Map<String, String> values) {
    Answer answer = client.send("POST", path, properties(values));
    assertEquals(201, answer.status(), answer.body());
    return answer.json().getString("id");
  }

  Answer get(SpoorClient client, String ref, String query) {
    return client.get(path + "/" + ref + (query.isEmpty() ? "" : "?" + query));
  }

  Answer getByKey(SpoorClient client, String stem) {
    return get(client, otherForm(stem), "idProperty=" + keyProperty);
  }

  Answer patch(SpoorClient client, String ref, Map<String, String> values) {
    return client.send("PATCH", path + "/" + ref, properties(values));
  }

  /** A batch call ({@code create}, {@code read}, …) with these inputs. */
  Answer batch(SpoorClient client, String call, JsonArray inputs) {
    return client.send("POST", path + "/batch/" + call, new JsonObject().put("inputs", inputs));
  }

  /** The key made of {@code stem} as a client may write it in a body. */
  String otherFormInBody(String stem) {
    return otherForm(stem).replace("%40", "@");
  }

  /** A batch upsert input naming its object by the key. */
  JsonObject upsert(String key, Map<String, String> values) {
    return properties(values).put("idProperty", keyProperty).put("id", key);
  }
}
