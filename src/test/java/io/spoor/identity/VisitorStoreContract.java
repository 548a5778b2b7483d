package io.spoor.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.spoor.store.StoreException;
import io.spoor.testkit.StoreContract;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** What every {@link VisitorStore} does; an implementation's test only makes the store. */
abstract class VisitorStoreContract extends StoreContract<VisitorStore> {
  private static final long ADA = 70;
  private static final long GRACE = 71;

  private static Visitor visitor(long portal, String utk, Optional<Long> contact) {
    return new Visitor(portal, utk, contact, 1_000, 2_000, 3, 2, 1_500, "https://site.example/a",
        "https://www.google.com/", "https://site.example/b", new Source(SourceType.ORGANIC_SEARCH, "spoor", null),
        "given", true);
  }

  private static PageView page(long portal, String utk, Optional<Long> contact, String hitId, long at) {
    return new PageView(portal, utk, contact, hitId, at, at, "https://site.example/" + hitId, "/" + hitId, "Title",
        "", "standard-page", "", "", false, at);
  }

  private List<String> pagesOf(long portal, long contact) {
    return read(s -> s.pageViewsOf(portal, contact, 100, 0).stream().map(PageView::hitId).toList());
  }

  @Test
  void aSavedVisitorIsFoundByItsTokenInItsPortalAndSavingAgainReplacesIt() {
    Visitor ada = visitor(1, "utk-a", Optional.of(ADA));
    run(s -> s.save(List.of(ada, visitor(2, "utk-b", Optional.empty()))));

    assertEquals(Map.of("utk-a", ada), read(s -> s.find(1, List.of("utk-a", "utk-b", "utk-c"))));
    Visitor later = new Visitor(1, "utk-a", Optional.empty(), 1_000, 9_000, 4, 3, 9_000, ada.firstUrl(),
        ada.firstReferrer(), "https://site.example/c", Source.of(SourceType.DIRECT_TRAFFIC), "declined", false);
    run(s -> s.save(List.of(later)));

    assertEquals(Map.of("utk-a", later), read(s -> s.find(1, List.of("utk-a"))));
    assertEquals(Map.of(), read(s -> s.find(1, List.of())));
  }

  @Test
  void theVisitorsOfMoreTokensThanOneReadTakesAreAllFound() {
    List<Visitor> many = IntStream.range(0, 150).mapToObj(i -> visitor(1, "utk-" + i, Optional.empty())).toList();
    run(s -> s.save(many));
    List<String> asked = new ArrayList<>(many.stream().map(Visitor::utk).toList());
    asked.add("utk-unknown");

    Map<String, Visitor> found = read(s -> s.find(1, asked));

    assertEquals(many.stream().collect(Collectors.toMap(Visitor::utk, v -> v)), found);
  }

  @Test
  void addingAVisitorAnotherWriterStoredFirstFailsAndLeavesTheStoredOne() {
    Visitor stored = visitor(1, "utk-a", Optional.of(ADA));
    run(s -> s.add(List.of(stored)));
    Visitor late = new Visitor(1, "utk-a", Optional.empty(), 5_000, 5_000, 1, 1, 5_000, "https://site.example/z", "",
        "https://site.example/z", Source.of(SourceType.DIRECT_TRAFFIC), "", false);

    assertThrows(StoreException.class, () -> run(s -> s.add(List.of(visitor(1, "utk-new", Optional.empty()), late))));

    assertEquals(Map.of("utk-a", stored), read(s -> s.find(1, List.of("utk-a", "utk-new"))));
  }

  @Test
  void aContactsPageViewsAreReadNewestFirstInPages() {
    run(s -> s.insertPageViews(List.of(page(1, "utk-a", Optional.of(ADA), "p1", 100),
        page(1, "utk-a", Optional.of(ADA), "p3", 300), page(1, "utk-a", Optional.of(ADA), "p2", 200),
        page(2, "utk-x", Optional.of(ADA), "elsewhere", 400))));

    assertEquals(List.of("p3", "p2", "p1"), pagesOf(1, ADA));
    assertEquals(List.of("p2"), read(s -> s.pageViewsOf(1, ADA, 1, 1).stream().map(PageView::hitId).toList()));
  }

  @Test
  void anonymousPageViewsOfAVisitorGoToTheContactItIsIdentifiedAs() {
    run(s -> s.insertPageViews(List.of(page(1, "utk-a", Optional.empty(), "before", 100),
        page(1, "utk-a", Optional.of(GRACE), "someone-else", 150), page(1, "utk-b", Optional.empty(), "other", 200))));

    run(s -> s.attributeAnonymousPageViews(1, "utk-a", ADA));

    assertEquals(List.of("before"), pagesOf(1, ADA));
    assertEquals(List.of("someone-else"), pagesOf(1, GRACE));
  }

  @Test
  void aMergeMovesTheContactsVisitorsAndPageViews() {
    run(s -> s.save(List.of(visitor(1, "utk-a", Optional.of(ADA)), visitor(1, "utk-b", Optional.of(ADA)))));
    run(s -> s.insertPageViews(List.of(page(1, "utk-a", Optional.of(ADA), "p1", 100))));
    assertEquals(2, (long) read(s -> s.visitorsOf(ADA)));

    run(s -> s.reassign(1, ADA, GRACE));

    assertEquals(0, (long) read(s -> s.visitorsOf(ADA)));
    assertEquals(2, (long) read(s -> s.visitorsOf(GRACE)));
    assertEquals(List.of("p1"), pagesOf(1, GRACE));
  }

  @Test
  void forgettingAContactResetsItsVisitorsAndErasesTheirPageViews() {
    run(s -> s.save(List.of(visitor(1, "utk-a", Optional.of(ADA)), visitor(1, "utk-b", Optional.of(GRACE)))));
    run(s -> s.insertPageViews(List.of(page(1, "utk-a", Optional.of(ADA), "p1", 100),
        page(1, "utk-a", Optional.empty(), "anonymous", 50), page(1, "utk-b", Optional.of(ADA), "shared", 120),
        page(1, "utk-b", Optional.of(GRACE), "grace", 130))));

    run(s -> s.forget(1, ADA));

    assertEquals(List.of(), pagesOf(1, ADA));
    assertEquals(List.of("grace"), pagesOf(1, GRACE));
    Map<String, Visitor> after = read(s -> s.find(1, List.of("utk-a", "utk-b")));
    assertEquals(Optional.empty(), after.get("utk-a").contactId());
    assertEquals(0, after.get("utk-a").numPageViews());
    assertEquals("", after.get("utk-a").firstUrl());
    assertEquals(Optional.of(GRACE), after.get("utk-b").contactId(), "a visitor that saw the contact keeps its own");
    assertEquals(0, after.get("utk-b").numPageViews());
  }
}
