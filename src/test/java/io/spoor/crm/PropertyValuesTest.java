package io.spoor.crm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class PropertyValuesTest {
  private static final Supplier<Optional<String>> UNSET = Optional::empty;
  private static final Supplier<Optional<String>> NOT_ASKED = () -> {
    throw new AssertionError("the current value was asked for although no rule needs it");
  };

  private static final PropertyDefinition NUMBER = define("budget", PropertyType.NUMBER, "number");
  private static final PropertyDefinition BOOL = define("subscribed", PropertyType.BOOL, "booleancheckbox");
  private static final PropertyDefinition DATE = define("birthday", PropertyType.DATE, "date");
  private static final PropertyDefinition DATETIME = define("last_seen", PropertyType.DATETIME, "date");
  private static final PropertyDefinition TEXT = define("nickname", PropertyType.STRING, "text");
  private static final PropertyDefinition RADIO = define("plan", PropertyType.ENUMERATION, "radio",
      "free", "pro", "team");
  private static final PropertyDefinition CHECKBOX = define("interests", PropertyType.ENUMERATION,
      "checkbox", "a", "b", "c");
  private static final PropertyDefinition LIFECYCLE =
      ContactProperties.builtIn().get(ContactProperties.LIFECYCLESTAGE);

  private static PropertyDefinition define(String name, PropertyType type, String fieldType, String... options) {
    List<PropertyDefinition.Option> opts = Arrays.stream(options)
        .map(o -> new PropertyDefinition.Option(o, o, 0, false)).toList();
    return new PropertyDefinition(name, name, type, fieldType, "contactinformation", "", opts,
        false, false, false, false);
  }

  private static PropertyValue check(PropertyDefinition def, String raw) {
    return PropertyValues.check(def, raw, NOT_ASKED);
  }

  private static void assertStored(String expected, PropertyValue actual) {
    assertEquals(new PropertyValue.Set(expected), actual);
  }

  private static void assertRefused(PropertyValue actual) {
    assertInstanceOf(PropertyValue.Invalid.class, actual);
  }

  @Test
  void numbersAreStoredInPlainCanonicalForm() {
    assertStored("1000", check(NUMBER, "1e3"));
    assertStored("1000", check(NUMBER, "1E+3"));
    assertStored("12.5", check(NUMBER, "12.50"));
    assertStored("42", check(NUMBER, " 42 "));
    assertStored("7", check(NUMBER, "+7"));
    assertStored("0", check(NUMBER, "-0.00"));
    assertStored("-0.001", check(NUMBER, "-1e-3"));
  }

  @Test
  void notANumberIsRefused() {
    assertRefused(check(NUMBER, "NaN"));
    assertRefused(check(NUMBER, "abc"));
    assertRefused(check(NUMBER, "Infinity"));
    assertRefused(check(NUMBER, "1,5"));
    assertRefused(check(NUMBER, "0x10"));
    assertRefused(check(NUMBER, " "));
  }

  @Test
  void numbersBeyondOneQuintillionAreRefused() {
    assertRefused(check(NUMBER, "1e400"));
    assertRefused(check(NUMBER, "-1e400"));
    assertRefused(check(NUMBER, "1000000000000000001"));
    assertStored("1000000000000000000", check(NUMBER, "1e18"));
  }

  @Test
  void refusalReasonNamesThePropertyAndTheValue() {
    PropertyValue.Invalid invalid = assertInstanceOf(PropertyValue.Invalid.class, check(NUMBER, "abc"));

    assertTrue(invalid.reason().contains("budget"), invalid.reason());
    assertTrue(invalid.reason().contains("\"abc\""), invalid.reason());
  }

  @Test
  void booleansAreCaseInsensitiveAndStoredLowercase() {
    assertStored("true", check(BOOL, "TRUE"));
    assertStored("true", check(BOOL, "True"));
    assertStored("false", check(BOOL, "fAlSe"));
    assertStored("true", check(BOOL, " true "));
  }

  @Test
  void booleansOtherThanTrueOrFalseAreRefused() {
    assertRefused(check(BOOL, "yes"));
    assertRefused(check(BOOL, "1"));
    assertRefused(check(BOOL, "t"));
  }

  @Test
  void dateAtMidnightUtcIsAccepted() {
    // 1 May 2015 00:00:00 UTC
    assertStored("1430438400000", check(DATE, "1430438400000"));
  }

  @Test
  void dateOneMillisecondAfterMidnightIsRefused() {
    assertRefused(check(DATE, "1430438400001"));
  }

  @Test
  void isoDateIsStoredAsEpochMillisAtMidnightUtc() {
    assertStored("1430438400000", check(DATE, "2015-05-01"));
  }

  @Test
  void isoDateBeforeTheEpochIsStoredAsNegativeEpochMillis() {
    long expected = LocalDate.of(1965, 3, 1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();

    assertStored(Long.toString(expected), check(DATE, "1965-03-01"));
  }

  @Test
  void epochMillisDateBeforeTheEpochIsAccepted() {
    // 31 December 1969 00:00 UTC: a birthday before 1970 is a negative midnight
    assertStored("-86400000", check(DATE, "-86400000"));
    long birthday = LocalDate.of(1965, 3, 1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    assertStored(Long.toString(birthday), check(DATE, Long.toString(birthday)));
  }

  @Test
  void impossibleOrForeignDatesAreRefused() {
    assertRefused(check(DATE, "2015-02-30"));
    assertRefused(check(DATE, "2015-5-1"));
    assertRefused(check(DATE, "01/05/2015"));
    assertRefused(check(DATE, "tomorrow"));
  }

  @Test
  void datetimeAsEpochMillisIsStoredAsItIs() {
    assertStored("1430438400123", check(DATETIME, "1430438400123"));
    assertStored("1430438400123", check(DATETIME, " 1430438400123 "));
  }

  @Test
  void datetimeAsIsoInstantIsStoredAsEpochMillis() {
    assertStored("1430438400123", check(DATETIME, "2015-05-01T00:00:00.123Z"));
  }

  @Test
  void datetimeWithAnOffsetIsStoredAsTheSameInstant() {
    long expected = Instant.parse("2015-05-01T08:00:00Z").toEpochMilli();

    assertStored(Long.toString(expected), check(DATETIME, "2015-05-01T10:00:00+02:00"));
  }

  @Test
  void datetimeThatIsNeitherEpochMillisNorIsoIsRefused() {
    assertRefused(check(DATETIME, "yesterday"));
    assertRefused(check(DATETIME, "2015-05-01 10:00"));
    assertRefused(check(DATETIME, "1.5"));
  }

  @Test
  void enumerationAcceptsOnlyItsOptions() {
    assertStored("pro", check(RADIO, "pro"));
    assertRefused(check(RADIO, "enterprise"));
    assertRefused(check(RADIO, "Pro"));
  }

  @Test
  void semicolonSeparatesOptionsOnlyForCheckboxes() {
    assertRefused(check(RADIO, "free;pro"));
  }

  @Test
  void checkboxAcceptsSeveralOptionsSeparatedBySemicolons() {
    assertStored("a;b", check(CHECKBOX, "a;b"));
    assertStored("c", check(CHECKBOX, "c"));
  }

  @Test
  void checkboxWithOneUnknownOptionIsRefused() {
    PropertyValue.Invalid invalid = assertInstanceOf(PropertyValue.Invalid.class, check(CHECKBOX, "a;z"));

    assertTrue(invalid.reason().contains("\"z\""), invalid.reason());
  }

  @Test
  void checkboxWithAnEmptyMemberIsRefused() {
    assertRefused(check(CHECKBOX, "a;;b"));
  }

  @Test
  void readOnlyPropertiesAreRefused() {
    PropertyDefinition objectId = ContactProperties.builtIn().get(ContactProperties.OBJECT_ID);

    assertRefused(check(objectId, "12"));
    assertRefused(check(objectId, ""));
    assertRefused(check(ContactProperties.builtIn().get(ContactProperties.CREATEDATE), "1430438400000"));
  }

  @Test
  void emptyValueClearsEveryWritableType() {
    for (PropertyDefinition def : List.of(NUMBER, BOOL, DATE, DATETIME, TEXT, RADIO, CHECKBOX)) {
      assertEquals(new PropertyValue.Clear(), check(def, ""), def.name());
    }
  }

  @Test
  void textIsStoredVerbatim() {
    assertStored("  Jay \u00e9 ", check(TEXT, "  Jay \u00e9 "));
  }

  @Test
  void valueOfExactlyTheMaximumLengthIsAccepted() {
    String longest = "x".repeat(PropertyValues.MAX_LENGTH);

    assertEquals(65_536, longest.length());
    assertStored(longest, check(TEXT, longest));
  }

  @Test
  void valueLongerThanTheMaximumLengthIsRefused() {
    assertRefused(check(TEXT, "x".repeat(65_537)));
    assertRefused(check(NUMBER, "1".repeat(65_537)));
  }

  @Test
  void lifecycleStageMovesForward() {
    assertStored("customer", PropertyValues.check(LIFECYCLE, "customer", () -> Optional.of("lead")));
  }

  @Test
  void lifecycleStageDoesNotMoveBackward() {
    PropertyValue value = PropertyValues.check(LIFECYCLE, "lead", () -> Optional.of("customer"));

    PropertyValue.Invalid invalid = assertInstanceOf(PropertyValue.Invalid.class, value);
    assertTrue(invalid.reason().contains("customer"), invalid.reason());
  }

  @Test
  void lifecycleStageMaySetTheSameStageAgain() {
    assertStored("customer", PropertyValues.check(LIFECYCLE, "customer", () -> Optional.of("customer")));
  }

  @Test
  void lifecycleStageMayBeAnyStageWhenUnset() {
    for (String stage : ContactProperties.LIFECYCLE_STAGES) {
      assertStored(stage, PropertyValues.check(LIFECYCLE, stage, UNSET));
    }
  }

  @Test
  void lifecycleStageMayBeClearedFromAnyStage() {
    assertEquals(new PropertyValue.Clear(),
        PropertyValues.check(LIFECYCLE, "", () -> Optional.of("evangelist")));
  }

  @Test
  void unknownLifecycleStageIsRefused() {
    assertRefused(PropertyValues.check(LIFECYCLE, "prospect", UNSET));
  }

  @Test
  void currentValueIsNotAskedForWhenNoRuleNeedsIt() {
    assertStored("12", check(NUMBER, "12"));
    assertStored("pro", check(RADIO, "pro"));
    assertStored("Jay", check(ContactProperties.builtIn().get(ContactProperties.FIRSTNAME), "Jay"));
  }
}
