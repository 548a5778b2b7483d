package io.spoor.identity;

import static java.util.Map.entry;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every list traffic classification consults, in one place: search engines, social
 * networks, mail services and feed readers, and the words that mark campaign parameters.
 *
 * <p>A domain pattern {@code "name.*"} matches any host whose site label is {@code name}
 * whatever its top-level domain ({@code www.google.co.uk}); any other pattern matches that
 * domain and its subdomains. Names are lower case.
 */
final class SourceLists {

  static final Map<String, String> SEARCH_ENGINES = Map.ofEntries(
      entry("google.*", "google"), entry("bing.com", "bing"), entry("yahoo.*", "yahoo"),
      entry("duckduckgo.com", "duckduckgo"), entry("baidu.com", "baidu"),
      entry("yandex.*", "yandex"), entry("ecosia.org", "ecosia"), entry("ask.com", "ask"),
      entry("search.aol.com", "aol"), entry("startpage.com", "startpage"),
      entry("qwant.com", "qwant"), entry("naver.com", "naver"), entry("seznam.cz", "seznam"),
      entry("search.brave.com", "brave"), entry("sogou.com", "sogou"));

  /** Query parameters that carry the search term in a search engine's referrer. */
  static final List<String> SEARCH_TERM_PARAMS = List.of("q", "p", "query", "text", "wd");

  static final Map<String, String> SOCIAL_NETWORKS = Map.ofEntries(
      entry("facebook.com", "facebook"), entry("fb.com", "facebook"),
      entry("fb.me", "facebook"),
      entry("messenger.com", "facebook"), entry("instagram.com", "instagram"),
      entry("twitter.com", "twitter"), entry("x.com", "twitter"), entry("t.co", "twitter"),
      entry("linkedin.com", "linkedin"), entry("lnkd.in", "linkedin"),
      entry("youtube.com", "youtube"), entry("youtu.be", "youtube"),
      entry("pinterest.*", "pinterest"), entry("reddit.com", "reddit"),
      entry("tiktok.com", "tiktok"), entry("xing.com", "xing"), entry("vk.com", "vk"),
      entry("threads.net", "threads"), entry("bsky.app", "bluesky"),
      entry("tumblr.com", "tumblr"), entry("snapchat.com", "snapchat"),
      entry("mastodon.social", "mastodon"), entry("whatsapp.com", "whatsapp"),
      entry("wa.me", "whatsapp"));

  /** Short {@code utm_source} spellings of social networks, besides their names and domains. */
  static final Map<String, String> SOCIAL_SOURCE_ALIASES = Map.of(
      "fb", "facebook", "ig", "instagram", "tw", "twitter", "x", "twitter",
      "li", "linkedin", "yt", "youtube");

  static final List<String> MAIL_AND_FEED_READERS = List.of(
      "mail.google.com", "com.google.android.gm", "outlook.live.com", "outlook.office.com",
      "outlook.office365.com", "mail.yahoo.com", "mail.aol.com", "mail.proton.me",
      "mail.zoho.com", "gmx.net", "gmx.de", "web.de", "icloud.com", "feedly.com",
      "inoreader.com", "newsblur.com", "theoldreader.com", "feedbin.com", "netvibes.com",
      "bloglovin.com");

  /** A host whose first label is one of these is a webmail service. */
  static final Set<String> MAIL_HOST_PREFIXES = Set.of("mail", "webmail");

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
    return SOCIAL_NETWORKS.containsValue(s) ? Optional.of(s) : socialNetwork(s);
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

  private static Optional<String> lookup(Map<String, String> list, String host) {
    return list.entrySet().stream()
        .filter(e -> matches(e.getKey(), host))
        .map(Map.Entry::getValue)
        .findFirst();
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
}
