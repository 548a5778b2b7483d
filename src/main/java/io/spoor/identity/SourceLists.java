package io.spoor.identity;

import io.spoor.ListFile;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every list traffic classification consults, in one place: search engines, social
 * networks, mail services and feed readers (read once from {@code traffic-sources.txt} when
 * this class loads), and the words that mark campaign parameters.
 *
 * <p>A domain pattern {@code "name.*"} matches any host whose site label is {@code name}
 * whatever its top-level domain ({@code www.google.co.uk}); any other pattern matches that
 * domain and its subdomains. Names are lower case.
 */
final class SourceLists {

  private static final Loaded LISTS = Loaded.of(ListFile.read(SourceLists.class, "traffic-sources.txt"));

  /** Search engines by domain pattern, in file order. */
  static final List<Site> SEARCH_ENGINES = LISTS.sites("search");

  /** Query parameters that carry the search term in a search engine's referrer. */
  static final List<String> SEARCH_TERM_PARAMS = LISTS.words("search-term");

  /** Social networks by domain pattern, in file order. */
  static final List<Site> SOCIAL_NETWORKS = LISTS.sites("social");
  private static final Set<String> SOCIAL_NETWORK_NAMES = SOCIAL_NETWORKS.stream().map(Site::name)
      .collect(Collectors.toUnmodifiableSet());

  /** Short {@code utm_source} spellings of social networks, besides their names and domains. */
  static final Map<String, String> SOCIAL_SOURCE_ALIASES = LISTS.sites("social-alias").stream()
      .collect(Collectors.toUnmodifiableMap(Site::domain, Site::name));

  static final List<String> MAIL_AND_FEED_READERS = LISTS.words("mail");

  /** A host whose first label is one of these is a webmail service. */
  static final Set<String> MAIL_HOST_PREFIXES = Set.copyOf(LISTS.words("mail-prefix"));

  static final List<String> PAID_SEARCH_WORDS = List.of("adword", "ppc", "cpc");
  static final List<String> PAID_MEDIUM_WORDS = List.of("paid", "ppc", "cpc");
  static final String PAID_SOCIAL_WORD = "paidsocial";
  static final List<String> EMAIL_WORDS = List.of("email");

  /** Second-level labels under which sites register in some countries ({@code co.uk}). */
  private static final Set<String> SECOND_LEVEL = Set.of(
      "co", "com", "net", "org", "ac", "gov", "edu", "ne", "or", "go", "gob");

  private SourceLists() {
  }

  static Optional<String> searchEngine(String host) {
    return lookup(SEARCH_ENGINES, host);
  }

  static Optional<String> socialNetwork(String host) {
    return lookup(SOCIAL_NETWORKS, host);
  }

  /** The social network a {@code utm_source} value names: alias, network name or domain. */
  static Optional<String> socialSource(String utmSource) {
    String s = utmSource.toLowerCase(Locale.ROOT);
    if (SOCIAL_SOURCE_ALIASES.containsKey(s)) {
      return Optional.of(SOCIAL_SOURCE_ALIASES.get(s));
    }
    return SOCIAL_NETWORK_NAMES.contains(s) ? Optional.of(s) : socialNetwork(s);
  }

  static boolean isMailOrFeedReader(String host) {
    int dot = host.indexOf('.');
    return (dot > 0 && MAIL_HOST_PREFIXES.contains(host.substring(0, dot)))
        || MAIL_AND_FEED_READERS.stream().anyMatch(d -> matches(d, host));
  }

  static boolean containsAny(String value, List<String> words) {
    return words.stream().anyMatch(value::contains);
  }

  /** Whether {@code host} is {@code domain} or one of its subdomains; {@code name.*} as above. */
  static boolean matches(String pattern, String host) {
    if (pattern.endsWith(".*")) {
      return siteLabel(host).equals(pattern.substring(0, pattern.length() - 2));
    }
    return host.equals(pattern) || host.endsWith("." + pattern);
  }

  private static Optional<String> lookup(List<Site> list, String host) {
    for (Site site : list) {
      if (matches(site.domain(), host)) {
        return Optional.of(site.name());
      }
    }
    return Optional.empty();
  }

  /**
   * The label a site registered under its top-level domain,
   * {@code google} in {@code a.google.co.uk}.
   */
  private static String siteLabel(String host) {
    String[] labels = host.split("\\.");
    int n = labels.length;
    if (n < 2) {
      return "";
    }
    boolean twoPartSuffix = n >= 3 && labels[n - 1].length() == 2
        && SECOND_LEVEL.contains(labels[n - 2]);
    return labels[n - (twoPartSuffix ? 3 : 2)];
  }

  /** A domain pattern and the name of the search engine or network it belongs to. */
  record Site(String domain, String name) {
  }

  /** The entries of {@code traffic-sources.txt}, each a kind and its fields. */
  private record Loaded(List<List<String>> entries) {
    static Loaded of(List<String> lines) {
      return new Loaded(lines.stream().map(l -> List.of(l.split("\\s+"))).toList());
    }

    /** The {@code <kind> <domain> <name>} entries, in file order. */
    List<Site> sites(String kind) {
      return of(kind, 3).stream().map(e -> new Site(e.get(1).toLowerCase(Locale.ROOT),
          e.get(2).toLowerCase(Locale.ROOT))).toList();
    }

    /** The {@code <kind> <word>} entries, in file order. */
    List<String> words(String kind) {
      return of(kind, 2).stream().map(e -> e.get(1).toLowerCase(Locale.ROOT)).toList();
    }

    private List<List<String>> of(String kind, int fields) {
      List<List<String>> found = entries.stream().filter(e -> e.get(0).equals(kind)).toList();
      for (List<String> e : found) {
        if (e.size() != fields) {
          throw new IllegalStateException("traffic-sources.txt: \"" + String.join(" ", e) + "\" needs "
              + (fields - 1) + " field(s) after its kind");
        }
      }
      if (found.isEmpty()) {
        throw new IllegalStateException("traffic-sources.txt has no \"" + kind + "\" entries");
      }
      return found;
    }
  }
}
