package io.spoor.identity;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What traffic classification reads from a session's first page URL and its referrer.
 *
 * @param utm the page's non-blank {@code utm_*} parameters, values trimmed and lower case
 */
record SourceClues(Url page, Url referrer, String referrerText, Map<String, String> utm) {

  /** Google click ids are long URL-safe tokens; placeholders such as {@code {gclid}} are not. */
  private static final Pattern GCLID = Pattern.compile("[A-Za-z0-9_-]{10,1024}");

  SourceClues {
    utm = Map.copyOf(utm);
  }

  static SourceClues of(String firstPageUrl, String referrer) {
    String text = referrer == null ? "" : referrer.trim();
    Url page = Url.parse(firstPageUrl);
    Map<String, String> utm = new HashMap<>();
    page.query().forEach((k, v) -> {
      if (k.startsWith("utm_") && !v.isBlank()) {
        utm.put(k, v.trim().toLowerCase(Locale.ROOT));
      }
    });
    return new SourceClues(page, Url.parse(text), text, utm);
  }

  /** A page query parameter as written, when present and not blank. */
  String param(String name) {
    return page.param(name);
  }

  /** A {@code utm_*} value in lower case, or the empty string. */
  String utm(String name) {
    return utm.getOrDefault(name, "");
  }

  boolean anyUtmContains(List<String> words) {
    return utm.values().stream().anyMatch(v -> SourceLists.containsAny(v, words));
  }

  /** The lower-case {@code source} parameter, or the empty string. */
  String sourceParam() {
    String s = param("source");
    return s == null ? "" : s.toLowerCase(Locale.ROOT);
  }

  boolean hasGclid() {
    String g = param("gclid");
    return g != null && GCLID.matcher(g).matches();
  }

  String referrerHost() {
    return referrer.host();
  }

  /** The social network named by {@code utm_source}, else the referrer's. */
  Optional<String> socialNetwork() {
    String source = utm("utm_source");
    Optional<String> bySource =
        source.isEmpty() ? Optional.empty() : SourceLists.socialSource(source);
    return bySource.or(() -> SourceLists.socialNetwork(referrerHost()));
  }

  Optional<String> searchEngine() {
    return SourceLists.searchEngine(referrerHost());
  }

  /** The search term in the referrer's query, or null. */
  String searchTerm() {
    return SourceLists.SEARCH_TERM_PARAMS.stream()
        .map(referrer::param)
        .filter(t -> t != null)
        .findFirst()
        .orElse(null);
  }
}
