package io.spoor.identity;

import java.util.Optional;

/** One page view as the tracker reported it. {@code sessionStart} comes from the session cookie. */
public record PageView(long portalId, String utk, Optional<Long> contactId, String hitId, long at,
    long sessionStart, String url, String path, String title, String referrer, String contentType,
    String canonicalUrl, String pageId) {

  PageView attributedTo(Optional<Long> contact) {
    return new PageView(portalId, utk, contact, hitId, at, sessionStart, url, path, title, referrer,
        contentType, canonicalUrl, pageId);
  }
}
