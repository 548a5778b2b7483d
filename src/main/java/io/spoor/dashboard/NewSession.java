package io.spoor.dashboard;

import java.time.Duration;

/** A session just opened: the cookie value (shown only in the answer that sets it), who, and how long it lasts. */
record NewSession(String value, SignedIn signedIn, Duration lifetime) {
}
