package io.spoor.forward;

import java.util.Optional;

/** What forwarding of one portal has done: the outbox's counts and the remote's last answer. */
record ForwardStatus(long queued, long inFlight, long delivered, long retried, long dead,
    Optional<LastAnswer> lastAnswer) {

  /** The remote's last answer: its HTTP status (0 when none came) and what it said, redacted. */
  record LastAnswer(int status, String message, long at) {
  }
}
