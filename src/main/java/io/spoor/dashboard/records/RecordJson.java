package io.spoor.dashboard.records;

import io.spoor.crm.Analytics;
import io.spoor.crm.Contact;
import io.spoor.crm.CrmObject;
import io.spoor.crm.ObjectStore.HistoryEntry;
import io.spoor.crm.ObjectType;
import io.spoor.crm.PropertyDefinition;
import io.spoor.crm.object.PropertyReader;
import io.spoor.crm.property.PropertyJson;
import io.spoor.timeline.Activity;
import io.spoor.timeline.ContactActivity;
import io.spoor.timeline.TimelineItem;
import io.spoor.timeline.Visit;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** The dashboard's JSON for records and timelines. Values are data for the page to show as text. */
final class RecordJson {
  private RecordJson() {
  }

  static <T extends CrmObject, L extends CrmObject> JsonObject record(Records.Shown<T, L> shown, ObjectType linkedType) {
    T object = shown.object();
    JsonArray properties = new JsonArray();
    for (PropertyDefinition d : shown.definitions()) {
      JsonArray history = new JsonArray();
      shown.history().getOrDefault(d.name(), List.of()).forEach(h -> history.add(history(h)));
      properties.add(PropertyJson.render(d).put("readOnly", d.readOnly())
          .put("value", shown.reader().value(object, d.name()).orElse(null)).put("history", history));
    }
    JsonArray linked = new JsonArray();
    shown.linked().forEach(other -> linked.add(new JsonObject().put("id", Long.toString(other.id()))
        .put("label", label(other, shown.linkedReader(), linkedType))));
    JsonObject json = new JsonObject().put("id", Long.toString(object.id()))
        .put("createdAt", object.createdAt().toString()).put("updatedAt", object.updatedAt().toString())
        .put("properties", properties)
        .put("linked", new JsonObject().put("type", linkedType.plural()).put("total", shown.linkedCount())
            .put("results", linked));
    if (object instanceof Contact contact) {
      json.put("analytics", analytics(contact.analytics()));
    }
    return json;
  }

  private static JsonObject history(HistoryEntry h) {
    return new JsonObject().put("value", h.value()).put("at", Instant.ofEpochMilli(h.at()).toString())
        .put("sourceType", h.sourceType()).put("sourceId", h.sourceId().orElse(null));
  }

  /** How a linked record is named: a contact by its name, else its email; a company by its name, else its domain. */
  private static <L extends CrmObject> String label(L other, PropertyReader<L> reader, ObjectType type) {
    if (type == ObjectType.CONTACT) {
      String name = (reader.value(other, "firstname").orElse("") + " " + reader.value(other, "lastname").orElse(""))
          .trim();
      return name.isEmpty() ? reader.value(other, "email").orElse("Contact " + other.id()) : name;
    }
    return reader.value(other, "name").or(() -> reader.value(other, "domain")).orElse("Company " + other.id());
  }

  private static JsonObject analytics(Analytics a) {
    return new JsonObject().put("source", a.source().orElse("OFFLINE"))
        .put("sourceData1", a.sourceData1().orElse(null)).put("sourceData2", a.sourceData2().orElse(null))
        .put("firstUrl", a.firstUrl().orElse(null)).put("firstReferrer", a.firstReferrer().orElse(null))
        .put("firstVisit", a.firstTimestamp().map(Instant::toString).orElse(null))
        .put("lastVisit", a.lastTimestamp().map(Instant::toString).orElse(null))
        .put("pageViews", a.numPageViews()).put("visits", a.numVisits())
        .put("eventCompletions", a.numEventCompletions())
        .put("revenue", money(a.revenueMicros()));
  }

  static JsonObject timeline(ContactActivity.Timeline timeline) {
    JsonArray items = new JsonArray();
    timeline.items().forEach(item -> items.add(item(item)));
    return new JsonObject().put("results", items).put("more", timeline.more());
  }

  private static JsonObject item(TimelineItem item) {
    JsonObject json = new JsonObject().put("at", Instant.ofEpochMilli(item.at()).toString());
    if (item instanceof Visit v) {
      JsonArray pages = new JsonArray();
      v.pages().forEach(p -> pages.add(new JsonObject().put("at", Instant.ofEpochMilli(p.at()).toString())
          .put("url", p.url()).put("title", p.title()).put("referrer", p.referrer())));
      json.put("kind", "visit").put("startedAt", Instant.ofEpochMilli(v.entry().at()).toString())
          .put("source", v.source().map(s -> new JsonObject().put("type", s.type().name())
              .put("data1", s.data1()).put("data2", s.data2())).orElse(null))
          .put("pages", pages);
    } else if (item instanceof Activity.EventDone e) {
      JsonObject properties = new JsonObject();
      e.properties().forEach(properties::put);
      json.put("kind", "event").put("name", e.name()).put("eventId", String.format("%012d", e.definitionId()))
          .put("source", e.source()).put("properties", properties)
          .put("value", e.valueMicros().isPresent() ? money(e.valueMicros().getAsLong()) : null);
    } else if (item instanceof Activity.Identified i) {
      JsonObject values = new JsonObject();
      i.values().forEach(values::put);
      json.put("kind", "identify").put("via", i.via()).put("values", values);
    }
    return json;
  }

  /** Micros as a decimal without trailing zeros, as the CRM shows revenue. */
  private static String money(long micros) {
    return BigDecimal.valueOf(micros, 6).stripTrailingZeros().toPlainString();
  }
}
