package io.spoor.identity;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Classifying a visitor's first page URL and referrer into an original source, one run per
 * kind of visit; the applier does it once per new visitor.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class TrafficSourceBenchmark {
  private static final List<String> OWN_DOMAINS = List.of("example.com", "www.example.com");

  @Param({"direct", "organic", "emailCampaign", "paidSearch", "referral"})
  public String visit;

  private String page;
  private String referrer;

  @Setup
  public void makeVisit() {
    String site = "https://www.example.com";
    switch (visit) {
      case "direct":
        page = site + "/pricing";
        referrer = "";
        break;
      case "organic":
        page = site + "/blog/2024/how-we-ship-weekly-without-breaking-things";
        referrer = "https://www.google.com/search?q=ship+weekly+without+breaking+things&hl=en&source=hp";
        break;
      case "emailCampaign":
        page = site + "/pricing?plan=team&utm_source=newsletter&utm_medium=email&utm_campaign=spring-launch"
            + "&utm_content=hero-button";
        referrer = "";
        break;
      case "paidSearch":
        page = site + "/customers/acme-corporation?gclid=Cj0KCQjw2a6wBhCVARIsABPeH1vX3q9ZpLr7mT5kYw";
        referrer = "https://www.google.com/";
        break;
      case "referral":
        page = site + "/docs/getting-started";
        referrer = "https://news.ycombinator.com/item?id=40123456";
        break;
      default:
        throw new IllegalArgumentException("unknown visit " + visit);
    }
  }

  /** {@code TrafficSource.classify} of the visit. */
  @Benchmark
  public Optional<Source> classify() {
    return TrafficSource.classify(page, referrer, OWN_DOMAINS);
  }
}
