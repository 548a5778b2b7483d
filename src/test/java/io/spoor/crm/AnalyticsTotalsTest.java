package io.spoor.crm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.spoor.crm.AnalyticsTotals.FirstVisit;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Two contacts' analytics added up as a merge adds them. */
class AnalyticsTotalsTest {
  private static final FirstVisit EARLY = new FirstVisit(100, "https://a.example/", "", "DIRECT_TRAFFIC", null, null);
  private static final FirstVisit LATE = new FirstVisit(200, "https://b.example/", "https://google.com/",
      "ORGANIC_SEARCH", "google", null);

  @Test
  void countsAndRevenueAreSummed() {
    AnalyticsTotals sum = totals(2, 5_000_000, 3, 1, 100, 300, Optional.of(LATE), "https://b.example/x")
        .plus(totals(1, 2_500_000, 4, 2, 150, 250, Optional.of(EARLY), "https://a.example/y"));
    assertEquals(3, sum.eventCompletions());
    assertEquals(7_500_000, sum.revenueMicros());
    assertEquals(7, sum.pageViews());
    assertEquals(3, sum.visits());
  }

  @Test
  void theFirstTimestampIsTheEarlierAndTheLastTheLater() {
    AnalyticsTotals sum = totals(1, 0, 0, 0, 150, 250, Optional.empty(), null)
        .plus(totals(1, 0, 0, 0, 100, 300, Optional.empty(), null));
    assertEquals(Optional.of(100L), sum.firstAt());
    assertEquals(Optional.of(300L), sum.lastAt());
  }

  @Test
  void theEarlierFirstVisitWinsWithItsSource() {
    assertEquals(Optional.of(EARLY), totals(0, 0, 1, 1, 200, 200, Optional.of(LATE), "u")
        .plus(totals(0, 0, 1, 1, 100, 100, Optional.of(EARLY), "v")).firstVisit());
    assertEquals(Optional.of(EARLY), totals(0, 0, 1, 1, 100, 100, Optional.of(EARLY), "v")
        .plus(totals(0, 0, 1, 1, 200, 200, Optional.of(LATE), "u")).firstVisit());
  }

  @Test
  void theLastUrlIsTheOneSeenLater() {
    assertEquals(Optional.of("https://late.example/"), totals(0, 0, 1, 1, 100, 100, Optional.empty(),
        "https://early.example/").plus(totals(0, 0, 1, 1, 200, 200, Optional.empty(), "https://late.example/"))
        .lastUrl());
    assertEquals(Optional.of("https://late.example/"), totals(0, 0, 1, 1, 200, 200, Optional.empty(),
        "https://late.example/").plus(totals(0, 0, 1, 1, 100, 100, Optional.empty(), "https://early.example/"))
        .lastUrl());
  }

  @Test
  void whatOnlyOneSideHasIsKept() {
    AnalyticsTotals none = new AnalyticsTotals(0, 0, 0, 0, Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty());
    AnalyticsTotals some = totals(1, 0, 1, 1, 100, 200, Optional.of(EARLY), "https://a.example/");
    assertEquals(some, none.plus(some));
    assertEquals(some, some.plus(none));
  }

  private static AnalyticsTotals totals(long events, long revenue, long pageViews, long visits, long firstAt,
      long lastAt, Optional<FirstVisit> first, String lastUrl) {
    return new AnalyticsTotals(events, revenue, pageViews, visits, Optional.of(firstAt), Optional.of(lastAt), first,
        Optional.ofNullable(lastUrl));
  }
}
