package io.spoor.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.spoor.http.Param;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HitCodecTest {
  private static final String UNICODE = "Zoë 東京 \uD83C\uDF89 \u0000 end";

  /**
   * A version-1 event-API record written field by field, as the format is laid down: tag 1,
   * then each field; strings as a 4-byte length and UTF-8, optionals behind a presence byte,
   * lists behind a 4-byte count. {@code properties} holds names and values in turn.
   */
  private static byte[] v1Record(String id, long hubId, long receivedAt, String eventRef, String email,
      String revenue, String externalId, List<String> properties, List<String> malformed, String raw)
      throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(1);
      string(out, id);
      out.writeLong(hubId);
      out.writeLong(receivedAt);
      string(out, eventRef);
      optional(out, email);
      optional(out, revenue);
      optional(out, externalId);
      out.writeInt(properties.size() / 2);
      for (String s : properties) {
        string(out, s);
      }
      out.writeInt(malformed.size());
      for (String s : malformed) {
        string(out, s);
      }
      string(out, raw);
    }
    return bytes.toByteArray();
  }

  private static void string(DataOutputStream out, String s) throws IOException {
    byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(utf8.length);
    out.write(utf8);
  }

  private static void optional(DataOutputStream out, String s) throws IOException {
    out.writeBoolean(s != null);
    if (s != null) {
      string(out, s);
    }
  }

  private static byte[] fullRecord() throws IOException {
    return v1Record("hit-" + UNICODE, 62515, 1_430_438_400_123L, "pe62515_signup", "zoë@例え.jp", "12.50",
        "ext-\uD83C\uDF89", List.of("firstname", UNICODE, "", "", "city", "Zürich"),
        List.of("bad%zz", UNICODE), "_a=62515&_n=pe62515_signup&firstname=Zo%C3%AB");
  }

  private static EventApiHit hit(String id, long hubId, long receivedAt, String text) {
    return new EventApiHit(id, hubId, receivedAt, text, Optional.empty(), Optional.empty(),
        Optional.empty(), List.of(), List.of(), text);
  }

  @Test
  void hitWithEveryFieldSetDecodesFromTheVersionOneLayoutAndEncodesBackToTheSameBytes() throws Exception {
    byte[] record = fullRecord();

    EventApiHit decoded = assertInstanceOf(EventApiHit.class, HitCodec.decode(record));

    assertEquals("hit-" + UNICODE, decoded.id());
    assertEquals(62515, decoded.hubId());
    assertEquals(1_430_438_400_123L, decoded.receivedAt());
    assertEquals("pe62515_signup", decoded.eventRef());
    assertEquals(Optional.of("zoë@例え.jp"), decoded.email());
    assertEquals(Optional.of("12.50"), decoded.revenue());
    assertEquals(Optional.of("ext-\uD83C\uDF89"), decoded.externalId());
    assertEquals(List.of("firstname", "", "city"), decoded.properties().stream().map(p -> p.name()).toList());
    assertEquals(List.of(UNICODE, "", "Zürich"), decoded.properties().stream().map(p -> p.value()).toList());
    assertEquals(List.of("bad%zz", UNICODE), decoded.malformed());
    assertEquals("_a=62515&_n=pe62515_signup&firstname=Zo%C3%AB", decoded.rawParams());
    assertArrayEquals(record, HitCodec.encode(decoded));
  }

  @Test
  void hitWithEveryFieldSetRoundTripsExactly() throws Exception {
    EventApiHit full = (EventApiHit) HitCodec.decode(fullRecord());

    assertEquals(full, HitCodec.decode(HitCodec.encode(full)));
  }

  @Test
  void hitWithEmptyOptionalsEmptyListsAndEmptyStringsRoundTripsExactly() {
    EventApiHit empty = hit("", 0, 0, "");

    Hit decoded = HitCodec.decode(HitCodec.encode(empty));

    assertEquals(empty, decoded);
    assertEquals(Optional.empty(), ((EventApiHit) decoded).email());
    assertEquals(List.of(), ((EventApiHit) decoded).properties());
  }

  @Test
  void hitWithOnlySomeOptionalsSetKeepsWhichOnesWereSet() {
    EventApiHit some = new EventApiHit("h", 1, 2, "e", Optional.empty(), Optional.of(""),
        Optional.empty(), List.of(), List.of("x"), "r");

    assertEquals(some, HitCodec.decode(HitCodec.encode(some)));
  }

  @Test
  void extremeLongValuesRoundTrip() {
    for (long value : new long[] {Long.MAX_VALUE, Long.MIN_VALUE, -1, 0, -86_400_000L * 365 * 100}) {
      EventApiHit h = hit("h", value, -value - 1, "e");

      assertEquals(h, HitCodec.decode(HitCodec.encode(h)), "value " + value);
    }
  }

  @Test
  void unicodeOutsideTheBasicPlaneAndNulCharactersRoundTrip() {
    EventApiHit h = new EventApiHit(UNICODE, 1, 2, UNICODE, Optional.of(UNICODE), Optional.of("€"),
        Optional.of("\uD83D\uDE00"), List.of(), List.of(UNICODE), UNICODE);

    assertEquals(h, HitCodec.decode(HitCodec.encode(h)));
  }

  @Test
  void longStringRoundTrips() {
    String big = "é".repeat(100_000);
    EventApiHit h = hit(big, 1, 2, big);

    assertEquals(h, HitCodec.decode(HitCodec.encode(h)));
  }

  @Test
  void segmentMessageRoundTripsExactlyAndEveryTruncationOfItIsRefused() {
    SegmentHit h = new SegmentHit("s-1", 62515, 1_700_000_000_123L, "identify",
        "{\"userId\":\"u1\",\"traits\":{\"email\":\"zoë@example.com\"}}", 1_699_999_999_000L,
        "{\"userId\":\"u1\"}");
    byte[] bytes = HitCodec.encode(h);

    assertEquals(h, HitCodec.decode(bytes));
    for (int length = 0; length < bytes.length; length++) {
      byte[] truncated = java.util.Arrays.copyOf(bytes, length);
      assertThrows(IllegalArgumentException.class, () -> HitCodec.decode(truncated), "length " + length);
    }
  }

  private static BeaconHit beacon(BeaconHit.Kind kind, boolean bot, boolean privacySignal) {
    return new BeaconHit("b-" + kind, 62515, -1_000L, kind,
        List.of(new Param("k", "Zoë"), new Param("", ""), new Param("k", UNICODE)), bot, privacySignal,
        "k=Zo%C3%AB");
  }

  @Test
  void beaconHitOfEveryKindRoundTripsExactly() {
    for (BeaconHit.Kind kind : BeaconHit.Kind.values()) {
      for (boolean flag : new boolean[] {true, false}) {
        BeaconHit h = beacon(kind, flag, !flag);

        assertEquals(h, HitCodec.decode(HitCodec.encode(h)));
      }
    }
    BeaconHit bare = new BeaconHit("", 0, 0, BeaconHit.Kind.values()[0], List.of(), false, false, "");
    assertEquals(bare, HitCodec.decode(HitCodec.encode(bare)));
  }

  @Test
  void beaconKeepsItsUserAgent() {
    BeaconHit h = new BeaconHit("b", 1, 2, BeaconHit.Kind.PAGE_VIEW, List.of(), false, false, "k=1",
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) " + UNICODE);

    assertEquals(h, HitCodec.decode(HitCodec.encode(h)));
  }

  @Test
  void beaconLoggedBeforeUserAgentsWereKeptDecodesWithoutOne() {
    BeaconHit h = beacon(BeaconHit.Kind.PAGE_VIEW, true, false);
    byte[] current = HitCodec.encode(h);
    byte[] versionOne = Arrays.copyOf(current, current.length - 4); // without the empty user agent
    versionOne[0] = 2; // the first beacon layout

    assertEquals(h, HitCodec.decode(versionOne));
  }

  @Test
  void unknownBeaconKindIsRefused() {
    byte[] record = HitCodec.encode(beacon(BeaconHit.Kind.values()[0], false, false));
    // the kind follows tag, id ("b-" and the kind's name), hub id and received-at
    int kindAt = 1 + 4 + ("b-" + BeaconHit.Kind.values()[0]).length() + 8 + 8;
    record[kindAt] = (byte) 99; // no kind has this code

    assertThrows(IllegalArgumentException.class, () -> HitCodec.decode(record));
  }

  @Test
  void everyTruncationOfABeaconRecordIsRefused() {
    byte[] record = HitCodec.encode(beacon(BeaconHit.Kind.values()[0], true, true));
    for (int length = 0; length < record.length; length++) {
      byte[] truncated = Arrays.copyOf(record, length);

      assertThrows(IllegalArgumentException.class, () -> HitCodec.decode(truncated), "cut at " + length);
    }
  }

  @Test
  void unknownTypeTagIsRefused() {
    byte[] record = HitCodec.encode(hit("h", 1, 2, "e"));
    for (byte tag : new byte[] {0, 5, 99, -1}) {
      record[0] = tag;

      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HitCodec.decode(record));
      assertEquals("unknown hit record type " + tag, e.getMessage());
    }
  }

  @Test
  void everyTruncationOfARecordIsRefused() throws Exception {
    byte[] record = fullRecord();
    for (int length = 0; length < record.length; length++) {
      byte[] truncated = Arrays.copyOf(record, length);

      assertThrows(IllegalArgumentException.class, () -> HitCodec.decode(truncated), "cut at " + length);
    }
  }

  @Test
  void bytesAfterTheEndOfARecordAreRefused() {
    byte[] record = HitCodec.encode(hit("h", 1, 2, "e"));

    assertThrows(IllegalArgumentException.class, () -> HitCodec.decode(Arrays.copyOf(record, record.length + 1)));
  }

  @Test
  void negativeListLengthIsRefused() throws Exception {
    byte[] record = v1Record("h", 1, 2, "e", null, null, null, List.of(), List.of(), "r");
    // the property count follows tag, id, hub id, received-at, event ref and three absent optionals
    int countAt = 1 + (4 + 1) + 8 + 8 + (4 + 1) + 3;
    record[countAt] = (byte) 0xff;

    assertThrows(IllegalArgumentException.class, () -> HitCodec.decode(record));
  }

  @Test
  void stringLengthRunningPastTheRecordIsRefused() throws Exception {
    byte[] record = v1Record("h", 1, 2, "e", null, null, null, List.of(), List.of(), "r");
    record[1] = 0x7f;

    assertThrows(IllegalArgumentException.class, () -> HitCodec.decode(record));
  }
}
