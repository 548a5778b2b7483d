package io.spoor.track;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spoor.http.QueryString;
import io.spoor.identity.PageView;
import io.spoor.ingest.BeaconHit;
import io.spoor.http.Param;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading beacons as HubSpot's tracker writes them, from the captured example in the reference. */
class BeaconReadingTest {
  private static final String CAPTURED = "k=1&sd=1920x1080&cd=24-bit&cs=UTF-8&ln=de-de&v=1.1&a=147292866"
      + "&pu=https%3A%2F%2Fwww.uniorg.de%2Fkarriere%2F&t=Karriere%20%7C%20UNIORG&cts=1783937751329"
      + "&vi=1380c1e4f0b6d1d3b2a9c8f7e6d5c4b3&nc=false"
      + "&u=226818242.1380c1e4f0b6d1d3b2a9c8f7e6d5c4b3.1783669943308.1783669943308.1783937475079.2"
      + "&b=226818242.2.1783937475079&cc=15";

  private static BeaconReading reading(String query) {
    return new BeaconReading(new BeaconHit("h1", 147292866, 1783937751400L, BeaconHit.Kind.PAGE_VIEW,
        QueryString.parse(query).params(), false, false, query));
  }

  @Test
  void theCapturedPageViewGivesItsVisitorPageAndSession() {
    BeaconReading beacon = reading(CAPTURED);
    assertEquals("1380c1e4f0b6d1d3b2a9c8f7e6d5c4b3", beacon.utk().orElseThrow());
    PageView page = beacon.pageView(beacon.utk().get());
    assertEquals("https://www.uniorg.de/karriere/", page.url());
    assertEquals("/karriere/", page.path());
    assertEquals("Karriere | UNIORG", page.title());
    assertEquals(1783937475079L, page.sessionStart());
  }

  @Test
  void sessionStartFallsBackToTheVisitorCookieThenToTheHitsTimeWhichIsThenAssumed() {
    String noSession = CAPTURED.replace("&b=226818242.2.1783937475079", "");
    assertEquals(1783937475079L, reading(noSession).pageView("x").sessionStart());
    assertFalse(reading(noSession).pageView("x").sessionAssumed());
    String neither = noSession.replaceAll("&u=[^&]*", "");
    assertEquals(1783937751329L, reading(neither).pageView("x").sessionStart());
    assertTrue(reading(neither).pageView("x").sessionAssumed());
  }

  @Test
  void theClientsTimeIsTheHitsTimeFromFiveMinutesBehindToOneMinuteAheadOfTheReceiveTime() {
    long received = 1783937751400L;
    assertEquals(1783937751329L, reading(CAPTURED).at());
    assertEquals(received - 300_000, reading(withClientTime(received - 300_000)).at());
    assertEquals(received, reading(withClientTime(received - 300_001)).at());
    assertEquals(received + 60_000, reading(withClientTime(received + 60_000)).at());
    assertEquals(received, reading(withClientTime(received + 60_001)).at());
    assertEquals(received, reading(CAPTURED.replace("cts=1783937751329", "cts=soon")).at());
    assertEquals(received, reading(CAPTURED.replace("&cts=1783937751329", "")).at());
  }

  @Test
  void thePagesOwnCanonicalLinkCountsUnlessOneWasSet() {
    String link = "&rcu=https%3A%2F%2Fwww.uniorg.de%2Fkarriere";
    assertEquals("https://www.uniorg.de/karriere", reading(CAPTURED + link).pageView("x").canonicalUrl());
    assertEquals("https://www.uniorg.de/jobs", reading(CAPTURED + link + "&ccu=https%3A%2F%2Fwww.uniorg.de%2Fjobs")
        .pageView("x").canonicalUrl());
  }

  @Test
  void thePreviousSinglePageAppPathIsTheReferrerOnThePagesOrigin() {
    String referred = CAPTURED + "&r=https%3A%2F%2Fwww.google.de%2F";
    assertEquals("https://www.google.de/", reading(referred).pageView("x").referrer());
    assertEquals("https://www.uniorg.de/team", reading(referred + "&po=%2Fjobs&rpo=%2Fteam").pageView("x").referrer());
  }

  @Test
  void cookielessHitsAndVisitorResetsAreReadFromTheirParameters() {
    assertFalse(reading(CAPTURED).cookieless());
    assertTrue(reading(CAPTURED + "&ce=false&pt=1&cc=1").cookieless());
    assertFalse(reading(CAPTURED).visitorReset());
    assertTrue(reading(CAPTURED + "&rv=1").visitorReset());
  }

  private static String withClientTime(long cts) {
    return CAPTURED.replace("cts=1783937751329", "cts=" + cts);
  }

  @Test
  void identityIsAQueryStringEncodedTwice() {
    BeaconReading beacon = reading(CAPTURED + "&i=email%3Dvisitor%2540example.com%26firstname%3DJohn");
    assertEquals(List.of(new Param("email", "visitor@example.com"), new Param("firstname", "John")),
        beacon.identity());
  }

  @Test
  void aPagePathWithCharactersAUriRefusesKeepsThemRatherThanBecomingTheRoot() {
    String quoted = CAPTURED.replace("pu=https%3A%2F%2Fwww.uniorg.de%2Fkarriere%2F",
        "pu=https%3A%2F%2Fwww.uniorg.de%2Fa%22b%20c%3Cd%3E%2F%3Fq%3D%22x%22%23top");
    assertEquals("/a\"b c<d>/", reading(quoted).pageView("x").path());
    String bare = CAPTURED.replace("pu=https%3A%2F%2Fwww.uniorg.de%2Fkarriere%2F", "pu=https%3A%2F%2Fwww.uniorg.de%3Fq%3D%22");
    assertEquals("/", reading(bare).pageView("x").path());
  }

  @Test
  void setPathWinsOverThePageUrlsPath() {
    assertEquals("/#/about-us", reading(CAPTURED + "&po=%2F%23%2Fabout-us").pageView("x").path());
  }

  @Test
  void aMalformedVisitorTokenIsNoVisitorToken() {
    assertTrue(reading(CAPTURED.replace("vi=1380c1e4f0b6d1d3b2a9c8f7e6d5c4b3", "vi=xyz")).utk().isEmpty());
  }

  @Test
  void behaviouralEventPropertiesAreTheUnderscoredParameters() {
    BeaconReading beacon = reading("a=1&n=pe1_signup&_plan=pro&_seats=3&vi=x");
    assertEquals(List.of(new Param("plan", "pro"), new Param("seats", "3")), beacon.eventProperties(true));
  }
}
