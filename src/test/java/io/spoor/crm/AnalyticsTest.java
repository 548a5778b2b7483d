package io.spoor.crm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.spoor.crm.Analytics.FirstVisit;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** One contact's analytics, and what adding more to them does: HubSpot's rule, once. */
class AnalyticsTest {
  static final FirstVisit EARLY = new FirstVisit(100, "https://a.example/", "", "DIRECT_TRAFFIC", null, null);
  static final FirstVisit LATE = new FirstVisit(200, "https://b.example/", "https://google.com/",
      "ORGANIC_SEARCH", "google", null);
  static final FirstVisit EARLY_TOO = new FirstVisit(100, "https://c.example/", "https://t.co/",
      "SOCIAL_MEDIA", "Twitter", null);

  @Test
  void countsAndRevenueAreSummed() {
    Analytics sum = visits(3, 1, 100, 300, LATE, "https://b.example/x").plus(Analytics.event(250, 2_500_000))
        .plus(visits(4, 2, 150, 250, EARLY, "https://a.example/y")).plus(Analytics.event(260, 5_000_000));
    assertEquals(2, sum.numEventCompletions());
    assertEquals(7_500_000, sum.revenueMicros());
    assertEquals(7, sum.numPageViews());
    assertEquals(3, sum.numVisits());
  }

  @Test
  void theFirstTimestampIsTheEarlierAndTheLastTheLater() {
    Analytics sum = Analytics.event(150, 0).plus(visits(1, 1, 100, 300, EARLY, "u"));
    assertEquals(Optional.of(Instant.ofEpochMilli(100)), sum.firstTimestamp());
    assertEquals(Optional.of(Instant.ofEpochMilli(300)), sum.lastTimestamp());
  }

  @Test
  void theEarliestFirstVisitWinsWithItsSourceWhicheverIsAdded() {
    assertEquals(Optional.of(EARLY), visits(1, 1, 200, 200, LATE, "u").plus(visits(1, 1, 100, 100, EARLY, "v"))
        .firstVisit());
    assertEquals(Optional.of(EARLY), visits(1, 1, 100, 100, EARLY, "v").plus(visits(1, 1, 200, 200, LATE, "u"))
        .firstVisit());
    assertEquals(Optional.of("ORGANIC_SEARCH"), visits(1, 1, 200, 200, LATE, "u").plus(Analytics.event(50, 0))
        .source(), "an event is no visit");
  }

  @Test
  void onATieTheFirstVisitAlreadyKnownStays() {
    assertEquals(Optional.of(EARLY), visits(1, 1, 100, 100, EARLY, "v").plus(visits(1, 1, 100, 100, EARLY_TOO, "w"))
        .firstVisit());
  }

  @Test
  void theLastUrlIsTheOneOfTheAnalyticsSeenLast() {
    assertEquals(Optional.of("https://late.example/"), visits(1, 1, 100, 100, EARLY, "https://early.example/")
        .plus(visits(1, 1, 200, 200, LATE, "https://late.example/")).lastUrl());
    assertEquals(Optional.of("https://late.example/"), visits(1, 1, 200, 200, LATE, "https://late.example/")
        .plus(visits(1, 1, 100, 100, EARLY, "https://early.example/")).lastUrl());
  }

  @Test
  void onATieTheLastUrlAddedWins() {
    assertEquals(Optional.of("https://added.example/"), visits(1, 1, 100, 200, EARLY, "https://kept.example/")
        .plus(visits(1, 1, 200, 200, LATE, "https://added.example/")).lastUrl());
  }

  @Test
  void aLaterEventKeepsTheLastUrlFromAnEarlierPage() {
    Analytics seen = visits(1, 1, 100, 100, EARLY, "https://a.example/").plus(Analytics.event(300, 0));
    assertEquals(Optional.of("https://a.example/"), seen.lastUrl());
    assertEquals(Optional.of("https://a.example/"), seen.plus(visits(1, 0, 200, 200, EARLY, "https://b.example/"))
        .lastUrl(), "the contact was seen after that page: its last URL stays");
  }

  @Test
  void whatOnlyOneSideHasIsKept() {
    Analytics some = visits(1, 1, 100, 200, EARLY, "https://a.example/");
    assertEquals(some, Analytics.NONE.plus(some));
    assertEquals(some, some.plus(Analytics.NONE));
  }

  @Test
  void aLastUrlWithoutTheTimeItWasSeenIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> new Analytics(0, 0, 1, 1, Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.of("https://a.example/")));
  }

  static Analytics visits(long pageViews, long visits, long firstAt, long lastAt, FirstVisit first, String lastUrl) {
    return Analytics.visits(pageViews, visits, firstAt, lastAt, Optional.of(first), lastUrl);
  }
}
