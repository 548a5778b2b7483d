package io.spoor.dashboard;

/** A live session: its user and the CSRF token every change it makes must carry. */
public record SignedIn(User user, String csrfToken) {
}
