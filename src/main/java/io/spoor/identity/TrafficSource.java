package io.spoor.identity;

import static io.spoor.identity.SourceType.DIRECT_TRAFFIC;
import static io.spoor.identity.SourceType.EMAIL_MARKETING;
import static io.spoor.identity.SourceType.ORGANIC_SEARCH;
import static io.spoor.identity.SourceType.OTHER_CAMPAIGNS;
import static io.spoor.identity.SourceType.PAID_SEARCH;
import static io.spoor.identity.SourceType.PAID_SOCIAL;
import static io.spoor.identity.SourceType.REFERRALS;
import static io.spoor.identity.SourceType.SOCIAL_MEDIA;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Classifies a session's first page URL and referrer into a contact's original source,
 * by HubSpot's rules in order; the first that applies wins:
 * <ol>
 * <li>{@code utm_medium=social} with a social {@code utm_source} or referrer: social media
 * <li>a {@code source} parameter containing adword, ppc or cpc: paid search
 * <li>a valid {@code gclid}: paid search
 * <li>{@code utm_medium} containing paid, ppc or cpc with a social source or referrer, or a
 *     {@code utm_*} value containing "paidsocial" (ignoring separators): paid social
 * <li>any {@code utm_*} with a Google referrer: paid search
 * <li>a {@code utm_*} value containing adword, ppc or cpc: paid search
 * <li>a {@code utm_*} or {@code source} value containing "email": email marketing
 * <li>any other {@code utm_*}: other campaigns
 * <li>a social network referrer: social media
 * <li>a mail service or feed reader referrer: direct traffic
 * <li>a search engine referrer: organic search
 * <li>a referrer on one of the portal's own domains, or on the page's own host: no new source
 * <li>any other referrer: referrals
 * <li>no referrer (or one without a host): direct traffic
 * </ol>
 *
 * <p>Drill-downs ({@code data1}, {@code data2}; null when unknown):
 * organic search: engine name, search term from the referrer's q/p/query/text/wd;
 * paid search: engine of the referrer, else {@code utm_source}, else "google" for a gclid,
 * and {@code utm_term}, else the referrer's search term;
 * social media and paid social: network name, {@code utm_campaign};
 * email marketing and other campaigns: {@code utm_campaign}, {@code utm_source} (else the
 * {@code source} parameter), so a campaign groups first by name, then by where it ran;
 * referrals: referring host, referrer URL as given; direct traffic: none.
 * Names are lower case; parameter values are kept as written.
 *
 * <p>Never throws: garbage URLs classify as if the broken part were absent.
 */
public final class TrafficSource {

  private TrafficSource() {
  }

  /**
   * The original source of a session, or empty when the referrer is the portal's own site
   * (rule 12), in which case the visit brings no new source.
   *
   * @param ownDomains the portal's domains, with or without leading dot or {@code www.}
   */
  public static Optional<Source> classify(String firstPageUrl, String referrer,
      Collection<String> ownDomains) {
    SourceClues c = SourceClues.of(firstPageUrl, referrer);
    Optional<Source> tagged = campaign(c);
    return tagged.isPresent() ? tagged : untagged(c, ownDomains);
  }

  private static Optional<Source> campaign(SourceClues c) {
    boolean utm = !c.utm().isEmpty();
    boolean social = c.socialNetwork().isPresent();
    String medium = c.utm("utm_medium");
    if (social && medium.equals("social")) { // rule 1
      return Optional.of(social(SOCIAL_MEDIA, c));
    }
    if (SourceLists.containsAny(c.sourceParam(), SourceLists.PAID_SEARCH_WORDS)
        || c.hasGclid()) { // rules 2, 3
      return Optional.of(paidSearch(c));
    }
    if (social && SourceLists.containsAny(medium, SourceLists.PAID_MEDIUM_WORDS)
        || paidSocialTag(c)) { // rule 4
      return Optional.of(social(PAID_SOCIAL, c));
    }
    if (utm && c.searchEngine().filter("google"::equals).isPresent()
        || c.anyUtmContains(SourceLists.PAID_SEARCH_WORDS)) { // rules 5, 6
      return Optional.of(paidSearch(c));
    }
    if (c.anyUtmContains(SourceLists.EMAIL_WORDS)
        || SourceLists.containsAny(c.sourceParam(), SourceLists.EMAIL_WORDS)) { // rule 7
      return Optional.of(campaign(EMAIL_MARKETING, c));
    }
    return utm ? Optional.of(campaign(OTHER_CAMPAIGNS, c)) : Optional.empty(); // rule 8
  }

  private static Optional<Source> untagged(SourceClues c, Collection<String> ownDomains) {
    String host = c.referrerHost();
    if (host.isEmpty()) {
      return Optional.of(Source.of(DIRECT_TRAFFIC));
    }
    Optional<String> network = SourceLists.socialNetwork(host);
    if (network.isPresent()) {
      return Optional.of(new Source(SOCIAL_MEDIA, network.get(), null));
    }
    if (SourceLists.isMailOrFeedReader(host)) {
      return Optional.of(Source.of(DIRECT_TRAFFIC));
    }
    Optional<String> engine = c.searchEngine();
    if (engine.isPresent()) {
      return Optional.of(new Source(ORGANIC_SEARCH, engine.get(), c.searchTerm()));
    }
    if (isOwn(host, c.page().host(), ownDomains)) {
      return Optional.empty();
    }
    return Optional.of(new Source(REFERRALS, host, c.referrerText()));
  }

  private static boolean paidSocialTag(SourceClues c) {
    return c.utm().values().stream()
        .map(v -> v.replaceAll("[^a-z0-9]", ""))
        .anyMatch(v -> v.contains(SourceLists.PAID_SOCIAL_WORD));
  }

  private static Source paidSearch(SourceClues c) {
    String engine = c.searchEngine()
        .orElseGet(() -> firstOf(c.param("utm_source"), c.hasGclid() ? "google" : null));
    return new Source(PAID_SEARCH, engine, firstOf(c.param("utm_term"), c.searchTerm()));
  }

  private static Source social(SourceType type, SourceClues c) {
    return new Source(type, c.socialNetwork().orElse(null), c.param("utm_campaign"));
  }

  private static Source campaign(SourceType type, SourceClues c) {
    String where = firstOf(c.param("utm_source"), c.param("source"));
    return new Source(type, c.param("utm_campaign"), where);
  }

  private static boolean isOwn(String host, String pageHost, Collection<String> ownDomains) {
    return Stream.concat(ownDomains.stream(), Stream.of(pageHost))
        .map(TrafficSource::bareDomain)
        .anyMatch(d -> !d.isEmpty() && (host.equals(d) || host.endsWith("." + d)));
  }

  private static String bareDomain(String domain) {
    String d = domain == null ? "" : domain.trim().toLowerCase(Locale.ROOT);
    d = d.replaceFirst("^\\.+", "");
    return d.startsWith("www.") ? d.substring(4) : d;
  }

  private static String firstOf(String a, String b) {
    return a != null ? a : b;
  }
}
