package io.spoor.portal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Lookups of a secret (a token, a write key) by the hash of its value, cached briefly: bounded
 * by size, least useful entries evicted first, absent answers cached too. A change made
 * elsewhere (another process) is seen within the cache's lifetime; one made here is seen at once
 * when its maker calls {@link #forgetAll}.
 */
public final class SecretLookups<V> {
  private final Cache<String, Optional<V>> byHash;

  public SecretLookups(long millis, int maxCached, Clock clock) {
    this.byHash = Caffeine.newBuilder().maximumSize(maxCached)
        .expireAfterWrite(millis, TimeUnit.MILLISECONDS)
        .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
        .build();
  }

  /** What {@code read} finds for the value's hash, from the cache when it is there. */
  public Optional<V> find(String value, Function<String, Optional<V>> read) {
    String hash = TokenSecrets.hash(value);
    Optional<V> cached = byHash.getIfPresent(hash);
    if (cached == null) {
      // read outside the cache's lock: a slow store must not hold up other lookups
      cached = read.apply(hash);
      byHash.put(hash, cached);
    }
    return cached;
  }

  public void forgetAll() {
    byHash.invalidateAll();
  }
}
