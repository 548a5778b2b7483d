package io.spoor.crm.object;

import static io.spoor.crm.ObjectType.CONTACT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spoor.crm.ContactProperties;
import io.spoor.crm.PropertyDefinition;
import io.spoor.crm.PropertyType;
import io.spoor.crm.object.PropertyCheck.Checked;
import io.vertx.core.json.JsonArray;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class PropertyCheckTest {
  private static final Function<String, Optional<PropertyDefinition>> BUILT_IN =
      name -> Optional.ofNullable(ContactProperties.builtIn().get(name));
  private static final Function<String, Optional<String>> NOTHING_STORED = name -> Optional.empty();

  @Test
  void validValuesComeBackCanonical() {
    Checked checked = PropertyCheck.check(CONTACT, Map.of("email", " Ada@Example.COM ", "total_revenue", "1e3",
        "closedate", "2024-05-01T00:00:00Z"), BUILT_IN, NOTHING_STORED);
    assertTrue(checked.valid());
    assertEquals(Optional.of("ada@example.com"), checked.values().get("email"));
    assertEquals(Optional.of("1000"), checked.values().get("total_revenue"));
    assertEquals(Optional.of("1714521600000"), checked.values().get("closedate"));
  }

  @Test
  void anEmptyStringClearsAndAnEmptyEmailToo() {
    Checked checked = PropertyCheck.check(CONTACT, Map.of("city", "", "email", ""), BUILT_IN, NOTHING_STORED);
    assertTrue(checked.valid());
    assertEquals(Optional.empty(), checked.values().get("city"));
    assertEquals(Optional.empty(), checked.values().get("email"));
  }

  @Test
  void everyProblemIsListedInHubSpotsMessage() {
    Map<String, String> raw = new LinkedHashMap<>();
    raw.put("Upper", "x");
    raw.put("email", "nope");
    raw.put("hs_analytics_source", "DIRECT");
    raw.put("hs_lead_status", "MAYBE");
    raw.put("firstname", "Fine");
    Checked checked = PropertyCheck.check(CONTACT, raw, BUILT_IN, NOTHING_STORED);
    assertFalse(checked.valid());
    assertEquals(List.of("PROPERTY_DOESNT_EXIST", "INVALID_EMAIL", "READ_ONLY_VALUE", "INVALID_OPTION"),
        checked.problems().stream().map(PropertyProblem::error).toList());
    String prefix = "Property values were not valid: ";
    assertTrue(checked.message().startsWith(prefix), checked.message());
    JsonArray listed = new JsonArray(checked.message().substring(prefix.length()));
    assertEquals("Upper", listed.getJsonObject(0).getString("name"));
    assertEquals(false, listed.getJsonObject(0).getBoolean("isValid"));
  }

  @Test
  void lifecycleStageIsCheckedAgainstTheStoredValue() {
    Function<String, Optional<String>> customer = name -> Optional.of("customer");
    assertFalse(PropertyCheck.check(CONTACT, Map.of("lifecyclestage", "lead"), BUILT_IN, customer).valid());
    assertTrue(PropertyCheck.check(CONTACT, Map.of("lifecyclestage", "evangelist"), BUILT_IN, customer)
        .valid());
  }

  @Test
  void customPropertiesAreCheckedByTheirDefinition() {
    PropertyDefinition plan = new PropertyDefinition("plan", "Plan", PropertyType.ENUMERATION, "select",
        "contactinformation", "", List.of(new PropertyDefinition.Option("Pro", "pro", 0, false)), false, false,
        false, false);
    Function<String, Optional<PropertyDefinition>> definitions =
        name -> name.equals("plan") ? Optional.of(plan) : BUILT_IN.apply(name);
    assertTrue(PropertyCheck.check(CONTACT, Map.of("plan", "pro"), definitions, NOTHING_STORED).valid());
    assertEquals("INVALID_OPTION", PropertyCheck.check(CONTACT, Map.of("plan", "gold"), definitions,
        NOTHING_STORED).problems().get(0).error());
  }
}
