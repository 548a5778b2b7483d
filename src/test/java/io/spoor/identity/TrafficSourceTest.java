package io.spoor.identity;

import static io.spoor.identity.SourceType.DIRECT_TRAFFIC;
import static io.spoor.identity.SourceType.EMAIL_MARKETING;
import static io.spoor.identity.SourceType.ORGANIC_SEARCH;
import static io.spoor.identity.SourceType.OTHER_CAMPAIGNS;
import static io.spoor.identity.SourceType.PAID_SEARCH;
import static io.spoor.identity.SourceType.PAID_SOCIAL;
import static io.spoor.identity.SourceType.REFERRALS;
import static io.spoor.identity.SourceType.SOCIAL_MEDIA;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TrafficSourceTest {

  static final String PAGE = "https://www.example.com/pricing";
  static final String GCLID = "Cj0KCQjw-ai0BhDPARIsAB6hmP5x";
  static final List<String> OWN = List.of("example.com", ".example.org");

  static Source classify(String page, String referrer) {
    return TrafficSource.classify(page, referrer, OWN).orElseThrow();
  }

  @Test
  void socialMediumWithSocialSourceIsSocialMedia() {
    assertEquals(new Source(SOCIAL_MEDIA, "linkedin", "launch"),
        classify(PAGE + "?utm_medium=social&utm_source=LinkedIn&utm_campaign=launch", ""));
  }

  @Test
  void socialMediumWithSocialReferrerIsSocialMedia() {
    assertEquals(new Source(SOCIAL_MEDIA, "twitter", null),
        classify(PAGE + "?utm_medium=social", "https://t.co/abc"));
  }

  @Test
  void sourceParameterNamingAdwordsIsPaidSearch() {
    assertEquals(PAID_SEARCH, classify(PAGE + "?source=AdWords", "").type());
  }

  @Test
  void validGclidIsPaidSearchFromGoogle() {
    assertEquals(new Source(PAID_SEARCH, "google", null), classify(PAGE + "?gclid=" + GCLID, ""));
  }

  @Test
  void placeholderGclidIsNotPaidSearch() {
    assertEquals(DIRECT_TRAFFIC, classify(PAGE + "?gclid={gclid}", "").type());
  }

  @Test
  void paidMediumWithSocialSourceIsPaidSocial() {
    assertEquals(new Source(PAID_SOCIAL, "facebook", "spring"),
        classify(PAGE + "?utm_medium=cpc&utm_source=fb&utm_campaign=spring", ""));
  }

  @Test
  void utmValueContainingPaidSocialIsPaidSocial() {
    assertEquals(PAID_SOCIAL, classify(PAGE + "?utm_medium=Paid-Social&utm_source=partner", "").type());
  }

  @Test
  void anyUtmWithGoogleReferrerIsPaidSearch() {
    assertEquals(new Source(PAID_SEARCH, "google", "crm tool"),
        classify(PAGE + "?utm_campaign=q3&utm_term=crm+tool", "https://www.google.co.uk/"));
  }

  @Test
  void utmContainingPpcIsPaidSearch() {
    assertEquals(new Source(PAID_SEARCH, "bing", "crm"),
        classify(PAGE + "?utm_medium=ppc&utm_source=bing&utm_term=crm", ""));
  }

  @Test
  void utmContainingEmailIsEmailMarketing() {
    assertEquals(new Source(EMAIL_MARKETING, "Newsletter-March", "hubspot"),
        classify(PAGE + "?utm_medium=email&utm_source=hubspot&utm_campaign=Newsletter-March", ""));
  }

  @Test
  void sourceParameterContainingEmailIsEmailMarketing() {
    assertEquals(new Source(EMAIL_MARKETING, null, "email"), classify(PAGE + "?source=email", ""));
  }

  @Test
  void otherUtmIsOtherCampaigns() {
    assertEquals(new Source(OTHER_CAMPAIGNS, "fair", "print"),
        classify(PAGE + "?utm_source=print&utm_medium=flyer&utm_campaign=fair", "https://blog.example.net/"));
  }

  @Test
  void blankUtmValuesAreNotACampaign() {
    assertEquals(DIRECT_TRAFFIC, classify(PAGE + "?utm_source=&utm_medium=%20", "").type());
  }

  @Test
  void socialNetworkReferrerIsSocialMedia() {
    assertEquals(new Source(SOCIAL_MEDIA, "facebook", null), classify(PAGE, "https://m.facebook.com/"));
  }

  @Test
  void webmailReferrerIsDirectTraffic() {
    assertEquals(new Source(DIRECT_TRAFFIC, null, null), classify(PAGE, "https://mail.google.com/mail/u/0/"));
  }

  @Test
  void feedReaderReferrerIsDirectTraffic() {
    assertEquals(DIRECT_TRAFFIC, classify(PAGE, "https://feedly.com/i/latest").type());
  }

  @Test
  void mailAppReferrerIsDirectTraffic() {
    assertEquals(DIRECT_TRAFFIC, classify(PAGE, "android-app://com.google.android.gm/").type());
  }

  @Test
  void searchEngineReferrerIsOrganicSearchWithItsTerm() {
    assertEquals(new Source(ORGANIC_SEARCH, "bing", "visitor tracking"),
        classify(PAGE, "https://www.bing.com/search?q=visitor+tracking&form=QBLH"));
  }

  @Test
  void searchEngineReferrerWithoutTermIsOrganicSearch() {
    assertEquals(new Source(ORGANIC_SEARCH, "google", null), classify(PAGE, "https://www.google.de/"));
  }

  @Test
  void yahooTermInParameterPIsFound() {
    assertEquals("crm", classify(PAGE, "https://search.yahoo.com/search?p=crm").data2());
  }

  @Test
  void portalsOwnDomainBringsNoNewSource() {
    assertEquals(Optional.empty(), TrafficSource.classify(PAGE, "https://blog.example.org/post", OWN));
  }

  @Test
  void pagesOwnHostBringsNoNewSourceEvenWithoutConfiguredDomains() {
    assertEquals(Optional.empty(), TrafficSource.classify(PAGE, "https://www.example.com/", List.of()));
  }

  @Test
  void otherReferrerIsReferralWithDomainAndUrl() {
    String referrer = "https://news.ycombinator.com/item?id=1";
    assertEquals(new Source(REFERRALS, "news.ycombinator.com", referrer), classify(PAGE, referrer));
  }

  @Test
  void lookalikeDomainIsAReferralNotOwnSite() {
    assertEquals(REFERRALS, classify(PAGE, "https://notexample.com/").type());
  }

  @Test
  void noReferrerIsDirectTraffic() {
    assertEquals(new Source(DIRECT_TRAFFIC, null, null), classify(PAGE, null));
  }

  @Test
  void campaignRulesWinOverReferrerRules() {
    assertEquals(OTHER_CAMPAIGNS, classify(PAGE + "?utm_source=partner", "https://www.bing.com/").type());
  }

  @Test
  void garbageUrlsNeverThrow() {
    List<String> garbage = java.util.Arrays.asList(null, "", "%", "?%zz=%e0%a4&&=&utm_x=%", "http://",
        "://x", "http://exa mple.com/", "http://[::1", "javascript:alert(1)", "\uD800?q=\uDC00",
        "http://user@host:99999/?gclid=%00", "?utm_medium=%F0%9F%98&source=%");
    for (String page : garbage) {
      for (String ref : garbage) {
        TrafficSource.classify(page, ref, OWN);
        TrafficSource.classify(page, ref, List.of(""));
      }
    }
  }

  @Test
  void brokenReferrerCountsAsNoReferrer() {
    assertEquals(DIRECT_TRAFFIC, classify(PAGE, "not a url").type());
  }
}
