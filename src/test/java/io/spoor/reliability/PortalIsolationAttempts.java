package io.spoor.reliability;

import static io.spoor.reliability.PortalIsolation.APP_EVENT;
import static io.spoor.reliability.PortalIsolation.BEHAVIOUR;
import static io.spoor.reliability.PortalIsolation.DOMAIN;
import static io.spoor.reliability.PortalIsolation.EMAIL;
import static io.spoor.reliability.PortalIsolation.FIRSTNAME;
import static io.spoor.reliability.PortalIsolation.OTHER_EMAIL;
import static io.spoor.reliability.PortalIsolation.PROPERTY;
import static io.spoor.reliability.PortalIsolation.UTK;

import io.spoor.reliability.PortalIsolation.Attempt;
import io.spoor.reliability.PortalIsolation.Expect;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The attempts, operation by operation, with portal 1's ids, emails and names where the
 * operation takes them: CRM objects and their associations, then events, properties and the
 * portal's own settings. An operation added since gets a generic attempt.
 */
final class PortalIsolationAttempts {
  private static final String HIJACK = "{\"properties\":{\"firstname\":\"Hijacked\",\"name\":\"Hijacked\"}}";

  private final PortalIsolation p;
  private final String contact;
  private final String company;
  private final String twoContact;

  /** The attempts of one operation, as they are listed. */
  private final class Some {
    final String op;
    final String method;
    final String path;
    final List<Attempt> list = new ArrayList<>();

    Some(String op) {
      this.op = op;
      this.method = op.substring(0, op.indexOf(' '));
      this.path = op.substring(op.indexOf(' ') + 1);
    }

    void add(String target, Expect expect) {
      list.add(new Attempt(op, method, target, null, expect));
    }

    void post(String target, String body) {
      list.add(new Attempt(op, method, target, body, Expect.HARMLESS));
    }

    void refused(String target, String body) {
      list.add(new Attempt(op, method, target, body, Expect.REFUSED));
    }
  }

  /** Portal 1's contact or company, with the property that names it and that property's value. */
  private record Named(String type, String id, String idProperty, String key) {
  }

  PortalIsolationAttempts(PortalIsolation p) {
    this.p = p;
    this.contact = p.contact;
    this.company = p.company;
    this.twoContact = p.twoContact;
  }

  List<Attempt> attempts(List<String> operations) {
    List<Attempt> all = new ArrayList<>();
    for (String op : operations) {
      Some some = new Some(op);
      if (!crmObjects(some) && !associations(some) && !eventsPropertiesAndAdmin(some)) {
        generic(some);
      }
      if (some.list.isEmpty()) {
        some.add(some.path, Expect.HARMLESS);
      }
      all.addAll(some.list);
    }
    return all;
  }

  private Named named(String op) {
    return op.contains("/companies") ? new Named("companies", company, "domain", DOMAIN)
        : new Named("contacts", contact, "email", EMAIL);
  }

  /** Contacts and companies: reads, writes, batches, search, merge and GDPR deletion. */
  private boolean crmObjects(Some s) {
    String op = s.op;
    String path = s.path;
    Named n = named(op);
    String assoc = "{\"to\":{\"id\":\"" + company + "\"},\"types\":[{\"associationCategory\":\"HUBSPOT_DEFINED\","
        + "\"associationTypeId\":279}]}";
    switch (op) {
      case "GET /crm/v3/objects/contacts/{id}":
        s.add("/crm/v3/objects/contacts/" + contact, Expect.REFUSED);
        s.add("/crm/v3/objects/contacts/" + EMAIL + "?idProperty=email", Expect.REFUSED);
        s.add("/crm/v3/objects/contacts/" + contact + "?associations=companies&propertiesWithHistory=email",
            Expect.REFUSED);
        s.add("/crm/v3/objects/contacts/" + twoContact + "?associations=companies", Expect.HARMLESS);
        return true;
      case "PATCH /crm/v3/objects/contacts/{id}":
      case "PATCH /crm/v3/objects/companies/{id}":
        s.refused(path.replace("{id}", n.id()), HIJACK);
        s.refused(path.replace("{id}", n.key() + "?idProperty=" + n.idProperty()), HIJACK);
        return true;
      case "GET /crm/v3/objects/companies/{id}":
        s.add("/crm/v3/objects/companies/" + company, Expect.REFUSED);
        s.add("/crm/v3/objects/companies/" + DOMAIN + "?idProperty=domain", Expect.REFUSED);
        return true;
      case "DELETE /crm/v3/objects/contacts/{id}":
      case "DELETE /crm/v3/objects/companies/{id}":
        s.add("/crm/v3/objects/" + n.type() + "/" + n.id(), Expect.HARMLESS);
        return true;
      case "GET /crm/v3/objects/contacts":
      case "GET /crm/v3/objects/companies":
        s.add(path + "?limit=100&associations=companies,contacts&properties=email,name,firstname", Expect.HARMLESS);
        s.add(path + "?after=" + (Long.parseLong(contact) - 1), Expect.HARMLESS);
        return true;
      case "POST /crm/v3/objects/contacts":
        s.refused(path, "{\"properties\":{\"email\":\"p2-linked@example.com\"},\"associations\":[" + assoc + "]}");
        return true;
      case "POST /crm/v3/objects/companies":
        // the same domain in portal 2 is a new company there, not a 409 naming portal 1's
        s.post(path, "{\"properties\":{\"domain\":\"" + DOMAIN + "\"}}");
        return true;
      case "POST /crm/v3/objects/contacts/batch/create":
        s.refused(path, "{\"inputs\":[{\"properties\":{\"email\":\"p2-batch@example.com\"},"
            + "\"associations\":[" + assoc + "]}]}");
        return true;
      case "POST /crm/v3/objects/contacts/batch/read":
      case "POST /crm/v3/objects/companies/batch/read":
        s.post(path, "{\"inputs\":[{\"id\":\"" + n.id() + "\"}],\"properties\":"
            + (n.type().equals("contacts") ? "[\"email\",\"firstname\"]}" : "[\"domain\",\"name\"]}"));
        s.post(path, "{\"idProperty\":\"" + n.idProperty() + "\",\"inputs\":[{\"id\":\"" + n.key() + "\"}]}");
        return true;
      case "POST /crm/v3/objects/contacts/batch/update":
      case "POST /crm/v3/objects/companies/batch/update":
        s.post(path, "{\"inputs\":[{\"id\":\"" + n.id() + "\"," + HIJACK.substring(1) + "]}");
        return true;
      case "POST /crm/v3/objects/contacts/batch/upsert":
      case "POST /crm/v3/objects/companies/batch/upsert":
        s.post(path, "{\"inputs\":[{\"id\":\"" + n.key() + "\",\"idProperty\":\"" + n.idProperty() + "\","
            + HIJACK.substring(1) + "]}");
        return true;
      case "POST /crm/v3/objects/contacts/batch/archive":
      case "POST /crm/v3/objects/companies/batch/archive":
        s.post(path, "{\"inputs\":[{\"id\":\"" + n.id() + "\"}]}");
        return true;
      case "POST /crm/v3/objects/contacts/search":
        s.post(path, "{\"filterGroups\":[{\"filters\":[{\"propertyName\":\"email\",\"operator\":\"EQ\","
            + "\"value\":\"" + EMAIL + "\"}]}]}");
        s.post(path, "{\"query\":\"" + FIRSTNAME + "\"}");
        s.post(path, "{\"filterGroups\":[{\"filters\":[{\"propertyName\":\"hs_object_id\",\"operator\":\"EQ\","
            + "\"value\":\"" + contact + "\"}]}]}");
        s.post(path, "{\"properties\":[\"" + PROPERTY + "\"],\"limit\":100}");
        return true;
      case "POST /crm/v3/objects/contacts/merge":
        s.refused(path, "{\"primaryObjectId\":\"" + twoContact + "\",\"objectIdToMerge\":\"" + contact + "\"}");
        s.refused(path, "{\"primaryObjectId\":\"" + contact + "\",\"objectIdToMerge\":\"" + p.secondContact + "\"}");
        return true;
      case "POST /crm/v3/objects/contacts/gdpr-delete":
        s.post(path, "{\"objectId\":\"" + contact + "\"}");
        s.post(path, "{\"objectId\":\"" + EMAIL + "\",\"idProperty\":\"email\"}");
        return true;
      case "POST /contacts/v1/contact/createOrUpdate/email/{email}":
        s.post("/contacts/v1/contact/createOrUpdate/email/" + EMAIL,
            "{\"properties\":[{\"property\":\"firstname\",\"value\":\"Hijacked\"}]}");
        return true;
      case "POST /contacts/v1/contact/batch":
      case "POST /contacts/v1/contact/batch/":
        s.post(path, "[{\"email\":\"" + OTHER_EMAIL + "\",\"properties\":[{\"property\":\"firstname\","
            + "\"value\":\"Hijacked\"}]}]");
        return true;
      default:
        return false;
    }
  }

  /** Associations between contacts and companies, v3 and v4. */
  private boolean associations(Some s) {
    switch (s.op) {
      case "PUT /crm/v3/objects/contacts/{id}/associations/{toType}/{toId}/{associationType}":
        s.add("/crm/v3/objects/contacts/" + contact + "/associations/companies/" + company + "/contact_to_company",
            Expect.REFUSED);
        s.add("/crm/v3/objects/contacts/" + twoContact + "/associations/companies/" + company + "/279",
            Expect.REFUSED);
        return true;
      case "PUT /crm/v3/objects/companies/{id}/associations/{toType}/{toId}/{associationType}":
        s.add("/crm/v3/objects/companies/" + company + "/associations/contacts/" + contact + "/company_to_contact",
            Expect.REFUSED);
        s.add("/crm/v3/objects/companies/" + company + "/associations/contacts/" + twoContact + "/280",
            Expect.REFUSED);
        return true;
      case "PUT /crm/v4/objects/{fromType}/{fromId}/associations/default/{toType}/{toId}":
        s.add("/crm/v4/objects/contacts/" + contact + "/associations/default/companies/" + company, Expect.REFUSED);
        s.add("/crm/v4/objects/contacts/" + twoContact + "/associations/default/companies/" + company,
            Expect.REFUSED);
        s.add("/crm/v4/objects/companies/" + company + "/associations/default/contacts/" + twoContact,
            Expect.REFUSED);
        return true;
      case "GET /crm/v4/objects/{fromType}/{fromId}/associations/{toType}":
        s.add("/crm/v4/objects/contacts/" + contact + "/associations/companies", Expect.REFUSED);
        s.add("/crm/v4/objects/companies/" + company + "/associations/contacts", Expect.REFUSED);
        return true;
      case "DELETE /crm/v4/objects/{fromType}/{fromId}/associations/{toType}/{toId}":
        s.add("/crm/v4/objects/contacts/" + contact + "/associations/companies/" + company, Expect.HARMLESS);
        return true;
      default:
        return false;
    }
  }

  /** Properties, behavioural and app events, visitors and timelines, the portal, its tokens and rejections. */
  private boolean eventsPropertiesAndAdmin(Some s) {
    String path = s.path;
    switch (s.op) {
      case "GET /crm/v3/properties/{objectType}":
        s.add("/crm/v3/properties/contacts", Expect.HARMLESS);
        s.add("/crm/v3/properties/companies", Expect.HARMLESS);
        return true;
      case "POST /crm/v3/properties/{objectType}":
        // the same name in portal 2 is a new property there, not a 409 naming portal 1's
        s.post("/crm/v3/properties/contacts", "{\"name\":\"" + PROPERTY + "\",\"label\":\"P2\",\"type\":\"string\","
            + "\"fieldType\":\"text\",\"groupName\":\"contactinformation\"}");
        return true;
      case "GET /crm/v3/properties/{objectType}/{name}":
      case "DELETE /crm/v3/properties/{objectType}/{name}":
        s.add("/crm/v3/properties/contacts/" + PROPERTY, Expect.REFUSED);
        return true;
      case "PATCH /crm/v3/properties/{objectType}/{name}":
        s.refused("/crm/v3/properties/contacts/" + PROPERTY, "{\"label\":\"Hijacked\"}");
        return true;
      case "GET /api/v1/contacts/{id}/timeline":
        s.add("/api/v1/contacts/" + contact + "/timeline", Expect.REFUSED);
        s.add("/api/v1/contacts/" + EMAIL + "/timeline?idProperty=email", Expect.REFUSED);
        return true;
      case "GET /api/v1/visitors/{utk}":
        s.add("/api/v1/visitors/" + UTK, Expect.REFUSED);
        s.add("/api/v1/visitors/" + UTK.toUpperCase(Locale.ROOT), Expect.REFUSED);
        return true;
      case "GET /events/v3/event-definitions/{name}":
      case "DELETE /events/v3/event-definitions/{name}":
        s.add("/events/v3/event-definitions/" + BEHAVIOUR, Expect.REFUSED);
        s.add("/events/v3/event-definitions/pe1_" + BEHAVIOUR, Expect.REFUSED);
        return true;
      case "POST /events/v3/event-definitions":
        s.post(path, "{\"name\":\"" + BEHAVIOUR + "\",\"label\":\"P2\"}");
        return true;
      case "POST /events/v3/send":
        s.refused(path, "{\"eventName\":\"pe1_" + BEHAVIOUR + "\",\"objectId\":\"" + contact + "\"}");
        // once portal 2 defines an event of that name, this is portal 2's own event for portal 2's visitor
        s.post(path, "{\"eventName\":\"" + BEHAVIOUR + "\",\"utk\":\"" + UTK + "\"}");
        s.post(path, "{\"eventName\":\"" + BEHAVIOUR + "\",\"objectId\":\"" + contact + "\"}");
        return true;
      case "POST /events/v3/send/batch":
        s.refused(path, "{\"inputs\":[{\"eventName\":\"pe1_" + BEHAVIOUR + "\",\"objectId\":\"" + contact + "\"}]}");
        return true;
      case "POST /api/v1/event-definitions":
        s.post(path, "{\"name\":\"" + APP_EVENT + "\"}");
        return true;
      case "DELETE /api/v1/event-definitions/{id}":
        s.add("/api/v1/event-definitions/" + p.appEvent, Expect.REFUSED);
        s.add("/api/v1/event-definitions/" + Long.parseLong(p.appEvent), Expect.REFUSED);
        return true;
      case "PATCH /api/v1/portal":
        s.post(path, "{\"bannerText\":\"Portal two's banner\"}");
        return true;
      case "GET /api/v1/rejections":
        s.add(path + "?limit=1000", Expect.HARMLESS);
        return true;
      case "GET /api/v1/reports/overview":
      case "GET /api/v1/reports/sources":
      case "GET /api/v1/reports/pages":
      case "GET /api/v1/reports/devices":
      case "GET /api/v1/reports/events":
        s.add(path + "?from=" + java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(1) + "&to="
            + java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(1), Expect.HARMLESS);
        return true;
      case "GET /analytics/v2/reports/{breakdown}/{period}":
        for (String breakdown : new String[] {"totals", "sources", "pages"}) {
          String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString().replace("-", "");
          s.add("/analytics/v2/reports/" + breakdown + "/total?start=" + today + "&end=" + today, Expect.HARMLESS);
        }
        return true;
      case "POST /api/v1/tokens":
        s.post(path, "{\"name\":\"p2-second\"}");
        return true;
      case "DELETE /api/v1/tokens/{id}":
        for (Object t : p.one.get("/api/v1/tokens").json().getJsonArray("results")) {
          s.add("/api/v1/tokens/" + ((JsonObject) t).getString("id"), Expect.REFUSED);
        }
        return true;
      default:
        return false;
    }
  }

  /** An operation without its own attempts: its path with portal 1's ids and names filled in. */
  private void generic(Some s) {
    p.fallbacks.add(s.op);
    String target = s.path.replace("{id}", contact).replace("{fromId}", contact).replace("{toId}", company)
        .replace("{objectType}", "contacts").replace("{fromType}", "contacts").replace("{toType}", "companies")
        .replace("{name}", PROPERTY).replace("{utk}", UTK).replace("{email}", EMAIL)
        .replace("{associationType}", "279").replace("{type}", "contacts");
    if (s.method.equals("GET") || s.method.equals("DELETE") || s.method.equals("PUT")) {
      s.add(target, target.equals(s.path) || s.method.equals("DELETE") ? Expect.HARMLESS : Expect.REFUSED);
    } else {
      s.post(target, "{\"properties\":{\"firstname\":\"Hijacked\"},\"id\":\"" + contact + "\"}");
    }
  }
}
