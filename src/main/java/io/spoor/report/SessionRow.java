package io.spoor.report;

/** One visit as the reports see it; {@code startedAt} is the session cookie's start. */
record SessionRow(long portalId, String utk, long startedAt, long lastAt, String entryPath, String exitPath,
    long pageViews, String source, String sourceData1, String sourceData2, String device, String browser,
    String os, long newContacts) {

  record Key(long portalId, String utk, long startedAt) {
  }

  Key key() {
    return new Key(portalId, utk, startedAt);
  }

  boolean bounced() {
    return pageViews == 1;
  }

  long durationMs() {
    return Math.max(0, lastAt - startedAt);
  }

  /** A later page of the visit; a page arriving late (out of order) does not move the exit. */
  SessionRow withPage(long at, String path) {
    boolean latest = at >= lastAt;
    return new SessionRow(portalId, utk, startedAt, latest ? at : lastAt, entryPath, latest ? path : exitPath,
        pageViews + 1, source, sourceData1, sourceData2, device, browser, os, newContacts);
  }

  SessionRow withNewContact() {
    return new SessionRow(portalId, utk, startedAt, lastAt, entryPath, exitPath, pageViews, source, sourceData1,
        sourceData2, device, browser, os, newContacts + 1);
  }
}
