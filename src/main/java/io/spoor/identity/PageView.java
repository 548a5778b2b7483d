package io.spoor.identity;

import java.util.Optional;

/**
 * One page view as the tracker reported it. {@code sessionStart} comes from the session cookie;
 * {@code sessionAssumed} says no cookie gave it and it is the hit's own time (a hit sent before
 * the tracker wrote its cookies). {@code visitorSince} is when the visitor was first seen: a
 * returning visitor's cookie may say so ({@code nc=false} with its {@code __hstc}); else {@code at}.
 */
public record PageView(long portalId, String utk, Optional<Long> contactId, String hitId, long at,
    long sessionStart, String url, String path, String title, String referrer, String contentType,
    String canonicalUrl, String pageId, boolean sessionAssumed, long visitorSince) {

  PageView attributedTo(Optional<Long> contact) {
    return new PageView(portalId, utk, contact, hitId, at, sessionStart, url, path, title, referrer,
        contentType, canonicalUrl, pageId, sessionAssumed, visitorSince);
  }
}
