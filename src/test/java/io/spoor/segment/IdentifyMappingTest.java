package io.spoor.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spoor.forward.ForwardCall;
import io.spoor.ingest.Outcome;
import io.spoor.ingest.RejectReason;
import io.spoor.ingest.Rejection;
import io.spoor.store.Database;
import io.spoor.testkit.TempStore;
import io.spoor.track.CreationLimits;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** identify → contact: each rule of the reference's "identify → contact", one test each. */
@ExtendWith(TempStore.class)
class IdentifyMappingTest {
  private SegmentFixture segment;

  @BeforeEach
  void open(Database db) {
    segment = new SegmentFixture(db);
  }

  private void identify(String traits) {
    segment.apply("{\"type\":\"identify\",\"userId\":\"u1\",\"traits\":" + traits + "}");
  }

  @Test
  void identifyMakesTheContactOfTraitsEmail() {
    identify("{\"email\":\"Ada@Example.com\"}");
    assertEquals("ada@example.com", segment.properties("ada@example.com").get("email"));
  }

  @Test
  void identifyTakesContextTraitsEmailWhenTraitsHaveNone() {
    segment.apply("{\"type\":\"identify\",\"anonymousId\":\"a1\",\"traits\":{\"firstName\":\"Ada\"},"
        + "\"context\":{\"traits\":{\"email\":\"ctx@example.com\"}}}");
    assertEquals("Ada", segment.properties("ctx@example.com").get("firstname"));
  }

  @Test
  void identifyWithoutEmailIsRejectedWithItsRawMessage() {
    identify("{\"firstName\":\"Nobody\"}");
    Rejection rejection = segment.rejection();
    assertEquals(RejectReason.NO_EMAIL, rejection.reason());
    assertEquals(Outcome.NOT_APPLIED, rejection.outcome());
    assertTrue(rejection.params().contains("Nobody"), rejection.params());
  }

  @Test
  void identifyWithAnInvalidEmailIsRejected() {
    identify("{\"email\":\"not-an-email\"}");
    assertEquals(RejectReason.INVALID_EMAIL, segment.rejection().reason());
  }

  @Test
  void firstNameAndFirst_nameBecomeFirstname() {
    identify("{\"email\":\"a@example.com\",\"firstName\":\"Ada\"}");
    segment.apply("{\"type\":\"identify\",\"userId\":\"u2\",\"traits\":{\"email\":\"b@example.com\","
        + "\"first_name\":\"Bea\"}}");
    assertEquals("Ada", segment.properties("a@example.com").get("firstname"));
    assertEquals("Bea", segment.properties("b@example.com").get("firstname"));
  }

  @Test
  void lastNameAndLast_nameBecomeLastname() {
    identify("{\"email\":\"a@example.com\",\"lastName\":\"Lovelace\"}");
    segment.apply("{\"type\":\"identify\",\"userId\":\"u2\",\"traits\":{\"email\":\"b@example.com\","
        + "\"last_name\":\"Byron\"}}");
    assertEquals("Lovelace", segment.properties("a@example.com").get("lastname"));
    assertEquals("Byron", segment.properties("b@example.com").get("lastname"));
  }

  @Test
  void companyNameAndCompanyDotNameBecomeCompany() {
    identify("{\"email\":\"a@example.com\",\"companyName\":\"Analytical\"}");
    segment.apply("{\"type\":\"identify\",\"userId\":\"u2\",\"traits\":{\"email\":\"b@example.com\","
        + "\"company\":{\"name\":\"Engines Ltd\"}}}");
    assertEquals("Analytical", segment.properties("a@example.com").get("company"));
    assertEquals("Engines Ltd", segment.properties("b@example.com").get("company"));
  }

  @Test
  void positionAndTitleBecomeJobtitle() {
    identify("{\"email\":\"a@example.com\",\"position\":\"Engineer\"}");
    segment.apply("{\"type\":\"identify\",\"userId\":\"u2\",\"traits\":{\"email\":\"b@example.com\","
        + "\"title\":\"Countess\"}}");
    assertEquals("Engineer", segment.properties("a@example.com").get("jobtitle"));
    assertEquals("Countess", segment.properties("b@example.com").get("jobtitle"));
  }

  @Test
  void addressMembersBecomeAddressCityStateZipAndCountry() {
    identify("{\"email\":\"a@example.com\",\"address\":{\"street\":\"1 Main St\",\"city\":\"London\","
        + "\"state\":\"LDN\",\"postalCode\":\"N1 9GU\",\"country\":\"UK\"}}");
    Map<String, String> p = segment.properties("a@example.com");
    assertEquals(List.of("1 Main St", "London", "LDN", "N1 9GU", "UK"),
        List.of(p.get("address"), p.get("city"), p.get("state"), p.get("zip"), p.get("country")));
  }

  @Test
  void addressPostal_codeBecomesZip() {
    identify("{\"email\":\"a@example.com\",\"address\":{\"postal_code\":\"10115\"}}");
    assertEquals("10115", segment.properties("a@example.com").get("zip"));
  }

  @Test
  void phoneAndWebsiteKeepTheirNames() {
    identify("{\"email\":\"a@example.com\",\"phone\":\"+44 20 7946 0000\",\"website\":\"https://ada.example\"}");
    Map<String, String> p = segment.properties("a@example.com");
    assertEquals("+44 20 7946 0000", p.get("phone"));
    assertEquals("https://ada.example", p.get("website"));
  }

  @Test
  void otherKeysAreTrimmedLowerCasedWithSpacesAndDotsAsUnderscores() {
    segment.contactProperty("favorite_color", "STRING", "text");
    segment.contactProperty("plan_tier", "STRING", "text");
    identify("{\"email\":\"a@example.com\",\" Favorite Color \":\"teal\",\"Plan.Tier\":\"gold\"}");
    Map<String, String> p = segment.properties("a@example.com");
    assertEquals("teal", p.get("favorite_color"));
    assertEquals("gold", p.get("plan_tier"));
  }

  @Test
  void stringValuesAreTrimmed() {
    identify("{\"email\":\"a@example.com\",\"firstName\":\"  Ada \\t\"}");
    assertEquals("Ada", segment.properties("a@example.com").get("firstname"));
  }

  @Test
  void arraysAreJoinedWithSemicolons() {
    segment.contactProperty("interests", "STRING", "text");
    identify("{\"email\":\"a@example.com\",\"interests\":[\"maths\",\" poetry \",42]}");
    assertEquals("maths;poetry;42", segment.properties("a@example.com").get("interests"));
  }

  @Test
  void nestedObjectsAreKeptAsJsonText() {
    segment.contactProperty("preferences", "STRING", "text");
    identify("{\"email\":\"a@example.com\",\"preferences\":{\"news\":true}}");
    assertEquals("{\"news\":true}", segment.properties("a@example.com").get("preferences"));
  }

  @Test
  void lifecycle_stageBecomesLifecyclestageLowerCased() {
    identify("{\"email\":\"a@example.com\",\"lifecycle_stage\":\"Lead\"}");
    assertEquals("lead", segment.properties("a@example.com").get("lifecyclestage"));
  }

  @Test
  void traitsThatAreNoContactPropertyAreDroppedAndRecordedInOneRejection() {
    identify("{\"email\":\"a@example.com\",\"firstName\":\"Ada\",\"shoeSize\":42,\"pet\":\"cat\"}");
    assertEquals("Ada", segment.properties("a@example.com").get("firstname"));
    assertFalse(segment.properties("a@example.com").containsKey("pet"));
    Rejection rejection = segment.rejection();
    assertEquals(Outcome.PARTIALLY_APPLIED, rejection.outcome());
    assertEquals(RejectReason.UNKNOWN_PROPERTY, rejection.reason());
    assertEquals(2, rejection.parts().size());
    assertTrue(rejection.detail().contains("shoesize") && rejection.detail().contains("pet"), rejection.detail());
  }

  @Test
  void aNumberPropertyTakesOnlyAJsonNumber() {
    segment.contactProperty("seats", "NUMBER", "number");
    identify("{\"email\":\"a@example.com\",\"seats\":12.50}");
    segment.apply("{\"type\":\"identify\",\"userId\":\"u2\",\"traits\":{\"email\":\"b@example.com\",\"seats\":\"12\"}}");
    assertEquals("12.5", segment.properties("a@example.com").get("seats"));
    assertFalse(segment.properties("b@example.com").containsKey("seats"));
    assertEquals(RejectReason.INVALID_TRAIT_TYPE, segment.rejection().reason());
    assertTrue(segment.rejection().detail().contains("seats takes a number, not a string"), segment.rejection().detail());
  }

  @Test
  void aBoolPropertyTakesOnlyAJsonBoolean() {
    segment.contactProperty("beta_user", "BOOL", "booleancheckbox");
    identify("{\"email\":\"a@example.com\",\"beta_user\":true}");
    segment.apply("{\"type\":\"identify\",\"userId\":\"u2\",\"traits\":{\"email\":\"b@example.com\","
        + "\"beta_user\":\"yes\"}}");
    assertEquals("true", segment.properties("a@example.com").get("beta_user"));
    assertFalse(segment.properties("b@example.com").containsKey("beta_user"));
    assertEquals(RejectReason.INVALID_TRAIT_TYPE, segment.rejection().reason());
  }

  @Test
  void anIsoInstantForADatePropertyBecomesMidnightUtcOfThatDay() {
    segment.contactProperty("trial_ends", "DATE", "date");
    identify("{\"email\":\"a@example.com\",\"trial_ends\":\"2023-06-15T10:30:00Z\"}");
    assertEquals("1686787200000", segment.properties("a@example.com").get("trial_ends"));
  }

  @Test
  void aUnixTimestampForADatePropertyBecomesMidnightUtcOfThatDay() {
    segment.contactProperty("trial_ends", "DATE", "date");
    identify("{\"email\":\"a@example.com\",\"trial_ends\":1686825000}");
    segment.apply("{\"type\":\"identify\",\"userId\":\"u2\",\"traits\":{\"email\":\"b@example.com\","
        + "\"trial_ends\":1686825000000}}");
    assertEquals("1686787200000", segment.properties("a@example.com").get("trial_ends"));
    assertEquals("1686787200000", segment.properties("b@example.com").get("trial_ends"));
  }

  @Test
  void aDatetimePropertyKeepsTheInstant() {
    segment.contactProperty("last_login", "DATETIME", "date");
    identify("{\"email\":\"a@example.com\",\"last_login\":\"2023-06-15T10:30:00+02:00\"}");
    assertEquals("1686817800000", segment.properties("a@example.com").get("last_login"));
  }

  @Test
  void nullClearsAProperty() {
    identify("{\"email\":\"a@example.com\",\"firstName\":\"Ada\",\"lastName\":\"Lovelace\"}");
    identify("{\"email\":\"a@example.com\",\"firstName\":null,\"lastName\":\"\"}");
    Map<String, String> p = segment.properties("a@example.com");
    assertFalse(p.containsKey("firstname"), p.toString());
    assertFalse(p.containsKey("lastname"), p.toString());
  }

  @Test
  void userIdAndAnonymousIdAreRememberedWithTheContact() {
    segment.apply("{\"type\":\"identify\",\"userId\":\"user-7\",\"anonymousId\":\"anon-7\","
        + "\"traits\":{\"email\":\"a@example.com\"}}");
    long id = segment.contact("a@example.com").id();
    assertEquals(List.of(id, id), segment.db.read(() -> List.of(segment.ids.contactFor(SegmentFixture.HUB, "user-7")
        .orElseThrow(), segment.ids.contactFor(SegmentFixture.HUB, "anon-7").orElseThrow())));
  }

  @Test
  void identifyQueuesAContactUpsertOfTheMappedProperties() {
    identify("{\"email\":\"a@example.com\",\"firstName\":\"Ada\",\"pet\":\"cat\"}");
    assertEquals(List.of(new ForwardCall.UpsertContact("a@example.com", Map.of("firstname", "Ada"))), segment.outbox);
  }

  @Test
  void aRejectedIdentifyQueuesNothing() {
    identify("{\"firstName\":\"Nobody\"}");
    assertEquals(List.of(), segment.outbox);
  }

  @Test
  void theContactCreationLimitAppliesToIdentify(Database db) {
    SegmentFixture limited = new SegmentFixture(db, new CreationLimits.Limits(0, 0, 1, 0));
    limited.apply("{\"type\":\"identify\",\"userId\":\"u1\",\"traits\":{\"email\":\"a@example.com\"}}",
        "{\"type\":\"identify\",\"userId\":\"u2\",\"traits\":{\"email\":\"b@example.com\"}}");
    assertTrue(limited.findContact("a@example.com").isPresent());
    assertTrue(limited.findContact("b@example.com").isEmpty());
    assertEquals(RejectReason.CONTACT_CREATION_LIMIT, limited.rejection().reason());
  }

  @Test
  void propertiesChangeAtTheEventsTime() {
    long at = SegmentFixture.NOW - 3_600_000;
    segment.apply("{\"type\":\"identify\",\"userId\":\"u1\",\"timestamp\":" + at
        + ",\"traits\":{\"email\":\"a@example.com\",\"firstName\":\"Ada\"}}");
    long id = segment.contact("a@example.com").id();
    assertEquals(List.of(at), segment.db.read(() -> segment.contacts.history(id, List.of("firstname")).stream()
        .map(h -> h.at()).toList()));
  }

  @Test
  void tenThousandDistinctTraitKeysLeaveOneBoundedRejection() {
    StringBuilder traits = new StringBuilder("{\"email\":\"a@example.com\",\"firstName\":\"Ada\"");
    for (int i = 0; i < 10_000; i++) {
      traits.append(",\"k").append(i).append("\":").append(i);
    }
    identify(traits.append('}').toString());
    assertEquals("Ada", segment.properties("a@example.com").get("firstname"));
    Rejection rejection = segment.rejection();
    assertEquals(10, rejection.parts().size());
    assertEquals(9_990, rejection.moreParts());
    assertTrue(rejection.detail().length() <= 700, rejection.detail());
  }
}
