package io.spoor.forward;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spoor.forward.ForwardCall.SendBehavioralEvent;
import io.spoor.forward.ForwardCall.TrackEvent;
import io.spoor.forward.ForwardCall.UpsertCompany;
import io.spoor.forward.ForwardCall.UpsertContact;
import io.spoor.forward.ForwardStatus.LastAnswer;
import io.spoor.forward.ForwardStore.Pace;
import io.spoor.forward.ForwardStore.Tally;
import io.spoor.testkit.StoreContract;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ForwardStore} does: one target per portal, its outbox of due, retried and
 * dead calls in id order, its counts, and the remote ids it found; one portal never sees
 * another's. An implementation's test makes the store in a store that has portals 1 and 2.
 */
abstract class ForwardStoreContract extends StoreContract<ForwardStore> {
  static ForwardTarget target(long hubId, boolean tracking) {
    return new ForwardTarget(hubId, "https://api.example/", "pat-token-0123456789", "https://track.example",
        9_000 + hubId, 10, 40_000, tracking);
  }

  private static UpsertContact contact(String email) {
    return new UpsertContact(email, Map.of("firstname", "Ada"));
  }

  private long enqueue(long hubId, ForwardCall call, long now) {
    run(s -> s.enqueue(hubId, call, now));
    return read(s -> s.due(hubId, Long.MAX_VALUE, 1_000)).stream().mapToLong(QueuedCall::id).max().orElseThrow();
  }

  private List<ForwardCall> due(long hubId, long now) {
    return read(s -> s.due(hubId, now, 100)).stream().map(QueuedCall::call).toList();
  }

  @Test
  void aSavedTargetIsFoundAndSavingAgainReplacesItKeepingItsOutboxAndCounts() {
    run(s -> s.saveTarget(target(2, false), 100));
    run(s -> s.saveTarget(target(1, false), 100));
    run(s -> s.enqueue(1, contact("ada@example.com"), 100));
    run(s -> s.recordAnswer(1, new Tally(3, 1, 0, 4, Optional.empty())));

    ForwardTarget changed = new ForwardTarget(1, "https://other.example", "pat-token-9876543210",
        "https://track.example", 42, 5, 1_000, true);
    run(s -> s.saveTarget(changed, 200));

    assertEquals(Optional.of(changed), read(s -> s.target(1)));
    assertEquals(List.of(changed, target(2, false)), read(ForwardStore::targets));
    assertEquals(List.of(contact("ada@example.com")), due(1, 200));
    ForwardStatus status = read(s -> s.status(1, 0));
    assertEquals(3, status.delivered());
    assertEquals(1, status.retried());
    assertEquals(Optional.empty(), read(s -> s.target(3)));
  }

  @Test
  void deletingATargetTakesItsOutboxAndRemoteIdsWithIt() {
    run(s -> s.saveTarget(target(1, false), 100));
    run(s -> s.saveTarget(target(2, false), 100));
    run(s -> s.enqueue(1, contact("ada@example.com"), 100));
    run(s -> s.enqueue(2, contact("theirs@example.com"), 100));
    run(s -> s.rememberRemoteId(1, "company", "acme.example", "r-1"));

    assertTrue((boolean) in(s -> s.deleteTarget(1)));
    assertFalse((boolean) in(s -> s.deleteTarget(1)));

    assertEquals(Optional.empty(), read(s -> s.target(1)));
    assertEquals(List.of(), due(1, 200));
    assertEquals(Optional.empty(), read(s -> s.remoteId(1, "company", "acme.example")));
    assertEquals(List.of(contact("theirs@example.com")), due(2, 200));
  }

  @Test
  void everyKindOfCallComesBackAsItWasQueued() {
    List<ForwardCall> calls = List.of(
        contact("ada@example.com"),
        new TrackEvent("pe1_signed_up", "ada@example.com", Optional.of("12.5"), Map.of("city", "Oslo"), 1_000),
        new TrackEvent("000123", "bob@example.com", Optional.empty(), Map.of(), 2_000),
        new SendBehavioralEvent("pe1_clicked", "ada@example.com", Map.of("plan", "pro"), 3_000, "uuid-1"),
        new UpsertCompany("acme.example", Optional.of("group-1"), Map.of("name", "Acme"),
            Optional.of("ada@example.com")),
        new UpsertCompany("initech.example", Optional.empty(), Map.of(), Optional.empty()));
    calls.forEach(call -> run(s -> s.enqueue(1, call, 100)));

    assertEquals(calls, due(1, 100));
  }

  @Test
  void dueCallsAreThePortalsLiveOnesDueByNowOldestFirstUpToTheLimit() {
    long first = enqueue(1, contact("a@example.com"), 100);
    long second = enqueue(1, contact("b@example.com"), 100);
    enqueue(1, contact("c@example.com"), 300);
    enqueue(2, contact("theirs@example.com"), 100);

    assertEquals(List.of(first, second), read(s -> s.due(1, 200, 10)).stream().map(QueuedCall::id).toList());
    assertEquals(List.of(first), read(s -> s.due(1, 200, 1)).stream().map(QueuedCall::id).toList());
    QueuedCall queued = read(s -> s.due(1, 200, 1)).get(0);
    assertEquals(new QueuedCall(first, 1, contact("a@example.com"), 0, 100, false, false, null), queued);
  }

  @Test
  void aDeliveredCallLeavesTheOutbox() {
    long one = enqueue(1, contact("a@example.com"), 100);
    long two = enqueue(1, contact("b@example.com"), 100);

    run(s -> s.delivered(List.of(one)));
    run(s -> s.delivered(List.of()));

    assertEquals(List.of(two), read(s -> s.due(1, 200, 10)).stream().map(QueuedCall::id).toList());
  }

  @Test
  void aCallKeptForRetryIsDueAgainAtItsTimeWithItsAttemptsAndErrorCut() {
    long id = enqueue(1, contact("a@example.com"), 100);

    run(s -> s.retryLater(id, 2, 500, true, "x".repeat(2_000)));

    assertEquals(List.of(), read(s -> s.due(1, 499, 10)));
    QueuedCall again = read(s -> s.due(1, 500, 10)).get(0);
    assertEquals(2, again.attempts());
    assertTrue(again.single());
    assertEquals("x".repeat(500), again.lastError());
  }

  @Test
  void aKilledCallIsADeadLetterUntilRevivedOrDeleted() {
    long one = enqueue(1, contact("a@example.com"), 100);
    long two = enqueue(1, contact("b@example.com"), 100);
    long three = enqueue(1, contact("c@example.com"), 100);
    run(s -> s.kill(one, 5, "HTTP 400"));
    run(s -> s.kill(two, 5, "HTTP 400"));
    run(s -> s.kill(three, 5, "HTTP 400"));

    assertEquals(List.of(), read(s -> s.due(1, 1_000, 10)));
    assertEquals(List.of(one, two, three), deadIds(1, 0, 10));
    assertEquals(List.of(two), deadIds(1, one, 1));
    assertEquals(List.of(), deadIds(2, 0, 10));
    assertEquals("HTTP 400", read(s -> s.deadLetters(1, 0, 1)).get(0).lastError());

    assertFalse((boolean) in(s -> s.revive(2, one, 900)), "another portal revived a dead letter");
    assertTrue((boolean) in(s -> s.revive(1, one, 900)));
    assertFalse((boolean) in(s -> s.revive(1, one, 900)), "a live call was revived");
    assertEquals(new QueuedCall(one, 1, contact("a@example.com"), 0, 900, false, false, "HTTP 400"),
        read(s -> s.due(1, 900, 10)).get(0));

    assertFalse((boolean) in(s -> s.deleteDead(2, two)));
    assertFalse((boolean) in(s -> s.deleteDead(1, one)), "a live call was deleted as dead");
    assertTrue((boolean) in(s -> s.deleteDead(1, two)));
    assertEquals(List.of(three), deadIds(1, 0, 10));
  }

  private List<Long> deadIds(long hubId, long afterId, int limit) {
    return read(s -> s.deadLetters(hubId, afterId, limit)).stream().map(QueuedCall::id).toList();
  }

  @Test
  void theStatusCountsThePortalsOutboxAndKeepsTheLastAnswer() {
    run(s -> s.saveTarget(target(1, false), 100));
    long dead = enqueue(1, contact("a@example.com"), 100);
    enqueue(1, contact("b@example.com"), 100);
    enqueue(2, contact("theirs@example.com"), 100);
    run(s -> s.kill(dead, 3, "gone"));
    run(s -> s.recordAnswer(1, new Tally(2, 1, 20_000, 7, Optional.of(new LastAnswer(429, "slow down", 150)))));
    run(s -> s.recordAnswer(1, new Tally(1, 0, 20_000, 9, Optional.empty())));

    assertEquals(new ForwardStatus(1, 4, 3, 1, 1, Optional.of(new LastAnswer(429, "slow down", 150))),
        read(s -> s.status(1, 4)));
    assertEquals(new ForwardStatus(0, 0, 0, 0, 0, Optional.empty()), read(s -> s.status(3, 0)));
    assertEquals(2, (long) read(ForwardStore::queuedTotal));
    assertEquals(1, (long) read(ForwardStore::deadTotal));
  }

  @Test
  void theTargetsPaceIsItsCallsOnTheDayAskedAndTheLongestPauseItWasAskedFor() {
    run(s -> s.saveTarget(target(1, false), 100));
    run(s -> s.saveTarget(target(2, false), 100));
    Pace none = read(s -> s.pace(1, 20_000));
    run(s -> s.recordAnswer(1, new Tally(2, 1, 20_000, 7, Optional.empty())));
    run(s -> s.recordAnswer(1, new Tally(1, 0, 20_000, 9, Optional.empty())));
    run(s -> s.pause(1, 5_000));
    run(s -> s.pause(1, 4_000));

    assertEquals(new Pace(0, 0), none);
    assertEquals(new Pace(9, 5_000), read(s -> s.pace(1, 20_000)));
    assertEquals(new Pace(0, 5_000), read(s -> s.pace(1, 20_001)), "the calls of another day counted");
    assertEquals(5_000, (long) read(s -> s.pausedUntil(1)));
    assertEquals(new Pace(0, 0), read(s -> s.pace(2, 20_000)), "one portal's pace held another's");
    assertEquals(new Pace(0, 0), read(s -> s.pace(3, 20_000)));
  }

  @Test
  void aRemoteIdIsRememberedPerPortalAndKindReplacedAndForgotten() {
    run(s -> s.rememberRemoteId(1, "company", "acme.example", "r-1"));
    run(s -> s.rememberRemoteId(1, "company", "acme.example", "r-2"));
    run(s -> s.rememberRemoteId(2, "company", "acme.example", "theirs"));

    assertEquals(Optional.of("r-2"), read(s -> s.remoteId(1, "company", "acme.example")));
    assertEquals(Optional.empty(), read(s -> s.remoteId(1, "group", "acme.example")));
    run(s -> s.forgetRemoteId(1, "company", "acme.example"));
    assertEquals(Optional.empty(), read(s -> s.remoteId(1, "company", "acme.example")));
    assertEquals(Optional.of("theirs"), read(s -> s.remoteId(2, "company", "acme.example")));
  }

  @Test
  void settingAndRemovingATargetEachCountOneChangeOfThatPortalsTarget() {
    long none = read(s -> s.targetChanges(1));
    run(s -> s.saveTarget(target(1, false), 100));
    run(s -> s.saveTarget(target(1, true), 200));
    boolean removed = in(s -> s.deleteTarget(1));
    boolean removedAgain = in(s -> s.deleteTarget(1));
    long changes = read(s -> s.targetChanges(1));
    long otherPortals = read(s -> s.targetChanges(2));

    assertEquals(0, none);
    assertTrue(removed);
    assertFalse(removedAgain, "nothing removed, nothing changed");
    assertEquals(3, changes);
    assertEquals(0, otherPortals);
  }

  @Test
  void ofTwoProcessesClaimingATargetsDueCallsOnlyOneGetsThemUntilItsLeasePassesOrItLetsGo() {
    run(s -> s.saveTarget(target(1, false), 100));
    run(s -> s.saveTarget(target(2, false), 100));
    run(s -> s.enqueue(1, contact("ada@example.com"), 100));

    boolean first = in(s -> s.claim(1, "process-a", 1_000, 31_000));
    boolean second = in(s -> s.claim(1, "process-b", 1_000, 31_000));
    boolean otherPortal = in(s -> s.claim(2, "process-b", 1_000, 31_000));
    boolean renewed = in(s -> s.claim(1, "process-a", 20_000, 50_000));
    boolean beforeTheRenewedLeasePasses = in(s -> s.claim(1, "process-b", 40_000, 70_000));
    boolean afterItPasses = in(s -> s.claim(1, "process-b", 50_001, 80_001));
    boolean formerHolder = in(s -> s.claim(1, "process-a", 50_002, 80_002));
    run(s -> s.release("process-b"));
    boolean afterRelease = in(s -> s.claim(1, "process-a", 50_003, 80_003));
    boolean noTarget = in(s -> s.claim(3, "process-a", 1_000, 31_000));

    assertTrue(first);
    assertFalse(second, "two processes held one target's calls at once");
    assertTrue(otherPortal, "one portal's lease held another's back");
    assertTrue(renewed, "the holder could not renew its lease");
    assertFalse(beforeTheRenewedLeasePasses, "a renewed lease was taken before it passed");
    assertTrue(afterItPasses, "a lease that passed (its holder died) was never taken over");
    assertFalse(formerHolder, "the former holder took back a lease another holds");
    assertTrue(afterRelease, "a released lease was not free");
    assertFalse(noTarget);
  }
}
