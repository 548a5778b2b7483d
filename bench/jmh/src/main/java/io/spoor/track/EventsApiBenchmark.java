package io.spoor.track;

import io.spoor.crm.ChangeSource;
import io.spoor.crm.ContactChanges;
import io.spoor.crm.PropertyDefinition;
import io.spoor.crm.PropertyType;
import io.spoor.http.Param;
import io.spoor.http.QueryString;
import io.spoor.ingest.Batch;
import io.spoor.ingest.EventApiHit;
import io.spoor.ingest.JmhBatches;
import io.spoor.jmh.HubSpotInputs;
import io.spoor.jmh.JmhStores;
import io.spoor.portal.Portal;
import io.spoor.portal.Privacy;
import io.spoor.portal.RateLimits;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
 * An Events HTTP API call ({@code /v1/event}, about 400 bytes, eleven contact properties):
 * decoding its query string and splitting off the contact properties, as the route does, and
 * checking and setting those properties, as {@link PropertyParams} does in the applier. The
 * stores behind {@link ContactChanges} answer from memory, so only the Java rules are measured
 * (name check, definition lookup, value check, the coalesced change); the SQL they lead to is
 * the applier's other cost. In this package because {@code PropertyParams} is package-private.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class EventsApiBenchmark {
  private static final Portal PORTAL = new Portal(1, "Bench", true, Instant.EPOCH, Privacy.DEFAULT,
      RateLimits.DEFAULT);

  private final String[] queries = new String[HubSpotInputs.COUNT];
  private final EventApiHit[] hits = new EventApiHit[HubSpotInputs.COUNT];
  private Batch batch;
  private PropertyParams properties;
  private int next;

  @Setup
  public void makeInputs() {
    for (int v = 0; v < queries.length; v++) {
      queries[v] = HubSpotInputs.eventsApiQuery(v + 1);
      QueryString query = QueryString.parse(queries[v]);
      hits[v] = new EventApiHit("h" + v, 1, HubSpotInputs.NOW, "pe1_signup_completed",
          query.first(EventsApiParams.EMAIL), query.first(EventsApiParams.REVENUE), Optional.empty(),
          contactProperties(query), query.malformed(), queries[v]);
    }
    // one batch for the whole trial, as the applier keeps one for up to thousands of hits
    batch = JmhBatches.empty(HubSpotInputs.NOW);
    properties = new PropertyParams(new ContactChanges(JmhStores.contactsWithNoValues(), JmhStores.customProperties(CUSTOM)),
        ChangeSource.EVENTS_API);
  }

  /** {@code QueryString.parse} of the call, then the contact properties split off. */
  @Benchmark
  public List<Param> queryString() {
    return contactProperties(QueryString.parse(queries[nextIndex()]));
  }

  /** The eleven decoded properties checked against their definitions and set on the contact. */
  @Benchmark
  public Batch properties() {
    int i = nextIndex();
    EventApiHit hit = hits[i];
    properties.apply(PORTAL, hit, hit.properties(), hit.malformed(), Optional.of(1000L + i), batch);
    return batch;
  }

  @TearDown
  public void everyPropertyWasValid() {
    if (JmhBatches.rejections(batch) != 0) {
      throw new IllegalStateException("benchmark input was rejected: it measured the wrong path");
    }
  }

  /** The route's split: every parameter that is not one of the API's own names. */
  private static List<Param> contactProperties(QueryString query) {
    List<Param> properties = new ArrayList<>();
    for (Param p : query.params()) {
      if (!EventsApiParams.RESERVED.contains(p.name())) {
        properties.add(p);
      }
    }
    return properties;
  }

  private int nextIndex() {
    next = (next + 1) & (HubSpotInputs.COUNT - 1);
    return next;
  }

  /** The portal's two custom contact properties: a plan (enumeration) and a seat count. */
  private static final List<PropertyDefinition> CUSTOM = List.of(
      new PropertyDefinition("plan", "Plan", PropertyType.ENUMERATION, "select", "contactinformation", "",
          List.of(new PropertyDefinition.Option("Team", "team", 0, false),
              new PropertyDefinition.Option("Business", "business", 1, false),
              new PropertyDefinition.Option("Enterprise", "enterprise", 2, false)),
          false, false, false, false),
      new PropertyDefinition("seats", "Seats", PropertyType.NUMBER, "number", "contactinformation", "",
          List.of(), false, false, false, false));
}
