package io.spoor.track;

/** Wire names of the tracking code's beacons (tracking reference §4). */
public final class TrackerParams {
  public static final String KIND = "k";
  public static final String HUB_ID = "a";
  public static final String UTK = "vi";
  public static final String VISITOR_COOKIE = "u";
  public static final String SESSION_COOKIE = "b";
  public static final String NEW_VISITOR = "nc";
  public static final String IDENTITY = "i";
  public static final String RESET_VISITOR = "rv";
  public static final String PAGE_URL = "pu";
  public static final String TITLE = "t";
  public static final String REFERRER = "r";
  public static final String PATH = "po";
  public static final String PREVIOUS_PATH = "rpo";
  public static final String CONTENT_TYPE = "ct";
  public static final String CANONICAL_URL = "ccu";
  public static final String PAGE_CANONICAL_URL = "rcu";
  public static final String PAGE_ID = "pi";
  public static final String CLIENT_TS = "cts";
  public static final String COOKIES_ENABLED = "ce";
  public static final String EVENT = "n";
  public static final String EVENT_VALUE = "m";

  private TrackerParams() {
  }
}
