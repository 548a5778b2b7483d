package io.spoor.identity;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * {@link TrafficSource#classify} with its answers kept for the pages and referrers seen most: a
 * site's visits land on few pages from few referrers, and a visit's first page is classified for
 * its rollup row as a new visitor's is for its original source. At most {@code entries} answers
 * are kept, and only for a page and referrer of up to {@value #MAX_KEPT_CHARS} characters
 * together, so what is kept stays within a few megabytes.
 */
public final class TrafficSources {
  static final int MAX_KEPT_CHARS = 1_024;

  private record Clues(String page, String referrer, List<String> ownDomains) {
  }

  private final Cache<Clues, Optional<Source>> kept;

  public TrafficSources(int entries) {
    this.kept = Caffeine.newBuilder().maximumSize(entries).build();
  }

  /** As {@link TrafficSource#classify}. */
  public Optional<Source> classify(String firstPageUrl, String referrer, Collection<String> ownDomains) {
    int chars = (firstPageUrl == null ? 0 : firstPageUrl.length()) + (referrer == null ? 0 : referrer.length());
    if (chars > MAX_KEPT_CHARS) {
      return TrafficSource.classify(firstPageUrl, referrer, ownDomains);
    }
    return kept.get(new Clues(firstPageUrl, referrer, List.copyOf(ownDomains)),
        c -> TrafficSource.classify(c.page(), c.referrer(), c.ownDomains()));
  }
}
