package io.spoor.crm.gdpr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spoor.crm.ContactApi;
import io.spoor.crm.Tracking;
import io.spoor.testkit.SpoorPerClass;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * After a GDPR delete the person's email is nowhere: not in the rejection list (whichever
 * endpoint and encoding the rejected hit used), not in the store file's free space, not in its
 * write-ahead log.
 */
class GdprEraseLeavesNoTraceTest extends SpoorPerClass {
  private static final String EMAIL = "Trace.Person@Erasable.example";
  /** Parts of the email that survive any encoding of it (its {@code @} may be {@code %40}). */
  private static final List<String> MARKS = List.of("trace.person", "erasable.example");
  private static final long T0 = 1_783_669_943_308L;

  @Test
  void theErasedEmailIsFoundNowhereInTheRejectionsTheStoreFileOrItsLog() {
    // the bytes of the embedded store's files; PostgreSQL's files are the server's (its vacuum reclaims them)
    org.junit.jupiter.api.Assumptions.assumeFalse(io.spoor.testkit.RunningSpoor.allOnPostgres(),
        "reads the embedded store's files");
    Tracking hits = new Tracking(server);
    assertEquals(201, client.send("POST", "/events/v3/event-definitions", new JsonObject()
        .put("label", "Traced").put("name", "traced").put("primaryObject", "CONTACT")).status());
    for (int i = 0; i < 150; i++) {
      hits.event("_n=padding&email=bystander-" + i + "%40kept.example&firstname=Bystander" + i);
    }
    for (int i = 0; i < 40; i++) {
      hits.event("_n=traced_api&email=" + Tracking.enc(i % 2 == 0 ? EMAIL : EMAIL.toUpperCase(Locale.ROOT))
          + "&firstname=Name" + i + "&company=Company" + i);
    }
    hits.event("_n=traced_api&email=" + Tracking.enc(EMAIL) + "&favourite_colour=red");
    String utk = Tracking.utk();
    hits.pageView(utk, "https://site.example/signup", T0, EMAIL);
    hits.pageView(utk, "https://site.example/again", T0, EMAIL.toLowerCase(Locale.ROOT));
    String identify = Tracking.enc("email=" + Tracking.enc(EMAIL) + "&shoe_size=44");
    assertEquals(200, client.raw("/__ptq.gif?k=1&a=1&vi=" + utk + "&pu=https%3A%2F%2Fsite.example%2F&i="
        + identify, Map.of("User-Agent", "Mozilla/5.0 (X11; Linux x86_64) Chrome/126.0")).statusCode());
    String json = Tracking.enc(new JsonObject().put("email", EMAIL.toUpperCase(Locale.ROOT)).encode());
    assertEquals(200, client.raw("/__ptq.gif?k=1&a=1&pu=https%3A%2F%2Fsite.example%2F&i=" + json,
        Map.of("User-Agent", "Mozilla/5.0 (X11; Linux x86_64) Chrome/126.0")).statusCode());
    assertEquals(204, client.send("POST", "/events/v3/send", new JsonObject().put("eventName", "traced")
        .put("email", EMAIL).put("properties", new JsonObject().put("undeclared", "x"))).status());
    String id = hits.contact(EMAIL.toLowerCase(Locale.ROOT), "email").getString("id");
    assertEquals(204, client.send("POST", "/events/v3/send", new JsonObject().put("eventName", "traced")
        .put("objectId", id).put("properties", new JsonObject().put("undeclared", "by id"))).status());
    server.awaitApplied();
    assertEquals(5, rejectionsNaming(id).size(), "the rejections that name the person, before: "
        + rejectionsNaming(id));
    assertTrue(found(storeFiles()) > 0, "the email is in the store before the erase");

    assertEquals(204, client.send("POST", ContactApi.PATH + "/gdpr-delete", new JsonObject().put("objectId", id))
        .status());

    assertEquals(List.of(), rejectionsNaming(id));
    assertEquals(0, found(storeFiles()), "bytes of the email left in " + storeFiles());
    assertEquals(150, hits.stored("SELECT COUNT(*) FROM unique_value WHERE value LIKE 'bystander-%'"));
  }

  /** Rejections whose parameters or detail hold the email (in any encoding) or the contact's id. */
  private static List<String> rejectionsNaming(String contactId) {
    JsonArray all = client.get("/api/v1/rejections?limit=1000").json().getJsonArray("results");
    List<String> naming = new ArrayList<>();
    for (Object o : all) {
      String text = ((JsonObject) o).encode().toLowerCase(Locale.ROOT);
      if (MARKS.stream().anyMatch(text::contains) || text.contains("\\\"objectid\\\":\\\"" + contactId + "\\\"")) {
        naming.add(text);
      }
    }
    return naming;
  }

  private static List<Path> storeFiles() {
    return List.of(server.data().resolve("spoor.db"), server.data().resolve("spoor.db-wal"));
  }

  /** How often any part of the email occurs, in any case, in the files' bytes. */
  private static int found(List<Path> files) {
    int found = 0;
    for (Path file : files) {
      try {
        if (Files.exists(file)) {
          String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
          for (String mark : MARKS) {
            for (int at = bytes.indexOf(mark); at >= 0; at = bytes.indexOf(mark, at + 1)) {
              found++;
            }
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return found;
  }
}
