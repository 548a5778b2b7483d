package io.spoor.segment;

import io.spoor.crm.ContactChanges;
import io.spoor.crm.PropertyDefinition;
import io.spoor.crm.PropertyType;
import io.spoor.ingest.Batch;
import io.spoor.ingest.JmhBatches;
import io.spoor.ingest.SegmentHit;
import io.spoor.jmh.HubSpotInputs;
import io.spoor.jmh.JmhStores;
import io.spoor.portal.Portal;
import io.spoor.portal.Privacy;
import io.spoor.portal.RateLimits;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * A Segment identify as analytics.js sends it (about 700 bytes, fourteen traits: special ones
 * renamed, an address object, an array, a date, a number, a boolean, an enumeration): the message
 * read and checked, its traits mapped by the key and value rules ({@link Traits}), and then typed
 * by their properties and set on the contact ({@link PropertyMapping}). The stores behind
 * {@link ContactChanges} answer from memory, so only the Java rules are measured; the SQL they
 * lead to is the applier's other cost. In this package because the mapping is package-private.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class TraitMappingBenchmark {
  private static final Portal PORTAL = new Portal(1, "Bench", true, Instant.EPOCH, Privacy.DEFAULT,
      RateLimits.DEFAULT);

  private final SegmentHit[] hits = new SegmentHit[HubSpotInputs.COUNT];
  private Batch batch;
  private PropertyMapping mapping;
  private int next;

  @Setup
  public void makeInputs() {
    for (int v = 0; v < hits.length; v++) {
      String message = identify(v + 1);
      hits[v] = new SegmentHit("h" + v, 1, HubSpotInputs.NOW, "identify", message, HubSpotInputs.NOW, message);
    }
    // one batch for the whole trial, as the applier keeps one for up to thousands of hits
    batch = JmhBatches.empty(HubSpotInputs.NOW);
    mapping = new PropertyMapping(new ContactChanges(JmhStores.contactsWithNoValues(), JmhStores.customProperties(CUSTOM)), "contact");
  }

  /** {@code SegmentMessage.read} of the message: JSON parsed and the message checked. */
  @Benchmark
  public SegmentMessage.Reading read() {
    return SegmentMessage.read(hits[nextIndex()].message());
  }

  /** The message read, then its traits mapped to property names and flattened values. */
  @Benchmark
  public Map<String, Object> readAndMapTraits() {
    return Traits.contact(((SegmentMessage.Valid) SegmentMessage.read(hits[nextIndex()].message())).message().traits());
  }

  /** Read, mapped, typed by each property's type and set on the contact by the CRM's rules. */
  @Benchmark
  public Map<String, String> readMapAndSet() {
    int i = nextIndex();
    SegmentHit hit = hits[i];
    Map<String, Object> traits = Traits.contact(((SegmentMessage.Valid) SegmentMessage.read(hit.message()))
        .message().traits());
    traits.remove("email");
    return mapping.apply(traits, hit, PORTAL, 1000L + i, batch);
  }

  @TearDown
  public void everyTraitWasApplied() {
    if (JmhBatches.rejections(batch) != 0) {
      throw new IllegalStateException("benchmark input was rejected: it measured the wrong path");
    }
  }

  /** The v-th visitor's identify: its email, names, job, address, plan and dates. */
  static String identify(int v) {
    return "{\"type\":\"identify\",\"messageId\":\"ajs-" + v + "-6f3c1b2a\",\"userId\":\"user-" + v + "\","
        + "\"anonymousId\":\"5a1e3f7c-" + (1000 + v) + "-4b7e-9c1d-2f6a8b0e4d3c\",\"timestamp\":\"2026-12-07T12:00:00Z\","
        + "\"traits\":{\"email\":\"visitor" + v + "@example.com\",\"firstName\":\" Ada" + v + " \",\"lastName\":\"Lovelace\","
        + "\"phone\":\"+44 20 7946 " + (1000 + v % 9000) + "\",\"title\":\"Engineer\",\"companyName\":\"Analytical Engines\","
        + "\"website\":\"https://ada" + v + ".example\",\"lifecycle_stage\":\"Lead\","
        + "\"address\":{\"street\":\"" + v + " Main St\",\"city\":\"London\",\"postalCode\":\"N1 9GU\",\"country\":\"UK\"},"
        + "\"plan\":\"team\",\"seats\":" + (v % 50 + 1) + ",\"trial_ends\":\"2027-01-" + (v % 20 + 10) + "T10:30:00Z\","
        + "\"beta_user\":true,\"interests\":[\"maths\",\"poetry\"]},"
        + "\"context\":{\"ip\":\"203.0.113.7\",\"userAgent\":\"Mozilla/5.0\",\"library\":{\"name\":\"analytics.js\"}}}";
  }

  private int nextIndex() {
    next = (next + 1) & (HubSpotInputs.COUNT - 1);
    return next;
  }

  /** The portal's custom contact properties the identify's traits name. */
  private static final List<PropertyDefinition> CUSTOM = List.of(
      new PropertyDefinition("plan", "Plan", PropertyType.ENUMERATION, "select", "contactinformation", "",
          List.of(new PropertyDefinition.Option("Team", "team", 0, false)), false, false, false, false),
      property("seats", PropertyType.NUMBER, "number"), property("trial_ends", PropertyType.DATE, "date"),
      property("beta_user", PropertyType.BOOL, "booleancheckbox"), property("interests", PropertyType.STRING, "text"));

  private static PropertyDefinition property(String name, PropertyType type, String fieldType) {
    return new PropertyDefinition(name, name, type, fieldType, "contactinformation", "", List.of(), false, false,
        false, false);
  }
}
