package io.spoor.identity;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** The domain hash that starts every {@code __hstc} and {@code __hssc} value. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class DomainHashBenchmark {
  private final String[] hosts = {"www.example.com", "blog.example.com", "example.com", "shop.example.co.uk"};
  private final String[] hashedInputs = {".example.com", ".example.co.uk", ".shop.example.co.uk", ".spoor.io"};
  private final List<String> cookieDomains = List.of("example.com", ".example.co.uk");
  private int next;

  /** {@code DomainHash.of} the hashed input of a typical site, such as {@code ".example.com"}. */
  @Benchmark
  public int hash() {
    next = (next + 1) & (hashedInputs.length - 1);
    return DomainHash.of(hashedInputs[next]);
  }

  /** The whole rule for a page's host: its configured cookie domain chosen, then hashed. */
  @Benchmark
  public int forHost() {
    next = (next + 1) & (hosts.length - 1);
    String host = hosts[next];
    Optional<String> cookieDomain = DomainHash.cookieDomain(host, cookieDomains);
    return DomainHash.forHost(host, cookieDomain);
  }
}
