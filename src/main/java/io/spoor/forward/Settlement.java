package io.spoor.forward;

import io.spoor.http.LogSafe;
import io.spoor.store.Transactor;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a remote's answer makes of the calls sent: delivered (out of the outbox), tried again
 * later with backoff (pausing the target so no later call overtakes it), split out of a failed
 * batch, or dead; and the target's tally of answers, in the transaction that settles them.
 */
final class Settlement {
  private static final Logger LOG = LoggerFactory.getLogger(Settlement.class);
  private final Transactor tx;
  private final ForwardStore store;
  private final Clock clock;
  private final Backoff backoff;
  private final ForwardMetrics metrics;

  Settlement(Transactor tx, ForwardStore store, Clock clock, Backoff backoff, ForwardMetrics metrics) {
    this.tx = tx;
    this.store = store;
    this.clock = clock;
    this.backoff = backoff;
    this.metrics = metrics;
  }

  /** Records what the answer made of the call; a call to try again pauses the target until then. */
  Verdict settle(ForwardTarget target, Pacer pacer, QueuedCall call, RemoteAnswer answer) {
    long now = clock.millis();
    String summary = target.redacted(answer.summary());
    int attempts = call.attempts() + 1;
    long retryAt = now + backoff.delayMillis(attempts, retryAfter(answer));
    Verdict verdict = Verdict.of(answer) == Verdict.RETRY && !backoff.within(call.queuedAt(), retryAt)
        ? Verdict.FAILED : Verdict.of(answer);
    tx.inTransaction(() -> {
      switch (verdict) {
        case DELIVERED -> store.delivered(List.of(call.id()));
        case HELD_BACK -> store.retryLater(call.id(), call.attempts(), now, call.single(), summary);
        case RETRY -> store.retryLater(call.id(), attempts, retryAt, call.single(), summary);
        default -> store.kill(call.id(), attempts, summary);
      }
      boolean tried = answer.status() != RemoteAnswer.HELD_BACK;
      store.recordAnswer(target.hubId(), tally(pacer, verdict == Verdict.DELIVERED ? 1 : 0,
          tried && (verdict == Verdict.RETRY || verdict == Verdict.HELD_BACK) ? 1 : 0, answer, summary, now));
      return null;
    });
    if (answer.status() != RemoteAnswer.HELD_BACK) {
      metrics.settled(verdict, 1);
    }
    if (verdict == Verdict.FAILED) {
      LOG.warn("forwarding call {} of portal {} is dead after {} tries: {}", call.id(), target.hubId(), attempts,
          LogSafe.text(summary));
    }
    if (verdict == Verdict.RETRY) {
      pacer.pauseUntil(retryAt);
    }
    return verdict;
  }

  /**
   * A batch upsert's answer: 200 delivers every call; 207 delivers all but the inputs it lists
   * as failed, which go on alone; a batch failing whole is split, each call sent alone from then on.
   */
  void settleBatch(ForwardTarget target, Pacer pacer, List<QueuedCall> batch, RemoteAnswer answer) {
    long now = clock.millis();
    Verdict verdict = Verdict.of(answer);
    String summary = target.redacted(answer.summary());
    Set<String> failed = verdict == Verdict.DELIVERED ? failedTraces(answer) : Set.of();
    List<Long> delivered = new ArrayList<>();
    List<QueuedCall> alone = new ArrayList<>();
    for (QueuedCall call : batch) {
      if (verdict == Verdict.DELIVERED && !failed.contains(email(call))) {
        delivered.add(call.id());
      } else {
        alone.add(call);
      }
    }
    long dueAt = verdict == Verdict.RETRY ? now + backoff.delayMillis(1, retryAfter(answer)) : now;
    if (verdict == Verdict.RETRY) {
      pacer.pauseUntil(dueAt);
    }
    tx.inTransaction(() -> {
      store.delivered(delivered);
      alone.forEach(c -> store.retryLater(c.id(), c.attempts(), dueAt, true, summary));
      store.recordAnswer(target.hubId(), tally(pacer, delivered.size(), alone.size(), answer, summary, now));
      return null;
    });
    metrics.settled(Verdict.DELIVERED, delivered.size());
    metrics.settled(Verdict.RETRY, alone.size());
  }

  private static Set<String> failedTraces(RemoteAnswer answer) {
    JsonArray errors = answer.json().getJsonArray("errors", new JsonArray());
    return errors.stream().filter(JsonObject.class::isInstance).map(e -> ((JsonObject) e).getString("objectWriteTraceId"))
        .filter(trace -> trace != null).map(trace -> trace.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
  }

  private static ForwardStore.Tally tally(Pacer pacer, long delivered, long retried, RemoteAnswer answer,
      String summary, long now) {
    Optional<ForwardStatus.LastAnswer> last = answer.status() == RemoteAnswer.HELD_BACK ? Optional.empty()
        : Optional.of(new ForwardStatus.LastAnswer(answer.status(), summary, now));
    return new ForwardStore.Tally(delivered, retried, pacer.day(), pacer.dayCalls(), last);
  }

  static long retryAfter(RemoteAnswer answer) {
    return answer.number("Retry-After").orElse(0) * 1000;
  }

  /** Calls the outbox cannot decode go to the dead letters with the reason, never to the remote. */
  void deadLetter(ForwardTarget target, List<QueuedCall> undecodable) {
    tx.inTransaction(() -> undecodable.forEach(c -> store.kill(c.id(), c.attempts(),
        ((ForwardCall.Undecodable) c.call()).reason())));
    metrics.settled(Verdict.FAILED, undecodable.size());
    undecodable.forEach(c -> LOG.warn("forwarding call {} of portal {} cannot be decoded; it is a dead letter: {}",
        c.id(), target.hubId(), LogSafe.text(((ForwardCall.Undecodable) c.call()).reason())));
  }

  static String email(QueuedCall call) {
    return ((ForwardCall.UpsertContact) call.call()).email().toLowerCase(Locale.ROOT);
  }

}
