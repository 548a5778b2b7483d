package io.spoor.track;

import io.spoor.http.Param;
import io.spoor.http.QueryString;
import io.spoor.identity.PageView;
import io.spoor.ingest.BeaconHit;
import io.spoor.jmh.HubSpotInputs;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * A page-view beacon ({@code /__ptq.gif}, about 400 bytes of query string): decoding the query
 * string, which the beacon route does twice per hit (once for {@code k}, once for the hit), and
 * reading the page view the applier stores from the decoded parameters. In this package because
 * {@link BeaconReading} is package-private; the benchmark only calls it.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class BeaconBenchmark {
  private final String[] queries = new String[HubSpotInputs.COUNT];
  private final List<List<Param>> params = new ArrayList<>();
  private int next;

  @Setup
  public void makeInputs() {
    for (int v = 0; v < queries.length; v++) {
      queries[v] = HubSpotInputs.beaconQuery(v + 1);
      params.add(QueryString.parse(queries[v]).params());
    }
  }

  /** {@code QueryString.parse} of one beacon's query string. */
  @Benchmark
  public QueryString queryString() {
    return QueryString.parse(queries[nextIndex()]);
  }

  /** From decoded parameters to the page view: visitor token, session start, URL, path, title. */
  @Benchmark
  public PageView pageView() {
    int i = nextIndex();
    return pageViewOf(queries[i], params.get(i));
  }

  /** Both: the query string decoded, then read into a page view. */
  @Benchmark
  public PageView queryStringToPageView() {
    String query = queries[nextIndex()];
    return pageViewOf(query, QueryString.parse(query).params());
  }

  private static PageView pageViewOf(String query, List<Param> params) {
    BeaconHit hit = new BeaconHit("h", 1, HubSpotInputs.NOW, BeaconHit.Kind.PAGE_VIEW, params, false, false,
        query);
    BeaconReading reading = new BeaconReading(hit);
    return reading.pageView(reading.utk().orElseThrow());
  }

  private int nextIndex() {
    next = (next + 1) & (HubSpotInputs.COUNT - 1);
    return next;
  }
}
