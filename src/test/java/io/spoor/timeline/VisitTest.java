package io.spoor.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.spoor.identity.SourceType;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Folding a contact's page views into visits: one per browser and session cookie, placed at its newest page. */
class VisitTest {
  private static Activity.PageVisit page(long id, String utk, long at, long sessionStart, String url, String referrer) {
    return new Activity.PageVisit(id, utk, at, sessionStart, url, "Title " + id, referrer, "standard-page");
  }

  @Test
  void pageViewsOfOneSessionFoldUnderItsNewestAndTheFirstPageGivesTheSource() {
    Activity.EventDone event = new Activity.EventDone(9, 1, "signup", 250, OptionalLong.empty(), "EVENTS_API", Map.of());
    List<Activity> newestFirst = List.of(
        page(4, "a", 300, 100, "https://site.example/three", "https://site.example/two"),
        event,
        page(3, "a", 200, 100, "https://site.example/two", "https://site.example/"),
        page(2, "b", 150, 150, "https://site.example/other-browser", ""),
        page(1, "a", 100, 100, "https://site.example/?utm_source=news&utm_medium=email&utm_campaign=may",
            "https://mail.example/"));

    List<TimelineItem> items = Visit.fold(newestFirst);

    assertEquals(3, items.size());
    Visit first = assertInstanceOf(Visit.class, items.get(0));
    assertEquals(List.of(4L, 3L, 1L), first.pages().stream().map(Activity.PageVisit::id).toList());
    assertEquals(300, first.at());
    assertEquals(SourceType.EMAIL_MARKETING, first.source().orElseThrow().type());
    assertEquals("may", first.source().orElseThrow().data1());
    assertEquals(event, items.get(1));
    Visit other = assertInstanceOf(Visit.class, items.get(2));
    assertEquals("b", other.utk());
    assertEquals(SourceType.DIRECT_TRAFFIC, other.source().orElseThrow().type());
  }

  @Test
  void aVisitFromTheSiteItselfHasNoNewSource() {
    List<TimelineItem> items = Visit.fold(List.of(page(1, "a", 100, 100, "https://site.example/b",
        "https://site.example/a")));
    assertEquals(true, ((Visit) items.get(0)).source().isEmpty());
  }
}
