package io.spoor.crm.property;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spoor.crm.ObjectType;
import io.spoor.crm.PropertyDefinition;
import io.spoor.crm.PropertyDefinition.Option;
import io.spoor.crm.PropertyDefinitionStore;
import io.spoor.crm.PropertyType;
import io.spoor.testkit.StoreContract;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What every {@link PropertyDefinitionStore} does: a portal's custom definitions of each type,
 * listed by name, each name taken once (archived ones too), and never seen from another portal.
 */
abstract class PropertyDefinitionStoreContract extends StoreContract<PropertyDefinitionStore> {
  private static final ObjectType CONTACT = ObjectType.CONTACT;

  private static PropertyDefinition text(String name, String label) {
    return new PropertyDefinition(name, label, PropertyType.STRING, "text", "contactinformation", "", List.of(),
        false, false, false, false);
  }

  private static PropertyDefinition tiers(boolean unique) {
    return new PropertyDefinition("tier", "Tier", PropertyType.ENUMERATION, "select", "group", "How good",
        List.of(new Option("Gold", "gold", 2, false), new Option("Silver", "silver", 1, true)), unique, true, false,
        false);
  }

  private boolean create(long portal, ObjectType type, PropertyDefinition definition) {
    return in(s -> s.create(portal, type, definition));
  }

  private List<String> names(long portal, ObjectType type) {
    return read(s -> s.custom(portal, type)).stream().map(PropertyDefinition::name).toList();
  }

  @Test
  void aCreatedDefinitionIsListedWithEveryFieldAndItsOptionsInOrder() {
    assertTrue(create(1, CONTACT, tiers(true)));

    assertEquals(List.of(tiers(true)), read(s -> s.custom(1, CONTACT)));
  }

  @Test
  void definitionsAreListedByName() {
    create(1, CONTACT, text("zeta", "Z"));
    create(1, CONTACT, text("alpha", "A"));
    create(1, CONTACT, text("mid_2", "M"));

    assertEquals(List.of("alpha", "mid_2", "zeta"), names(1, CONTACT));
  }

  @Test
  void aNameIsTakenOnceInAPortalAndTypeArchivedOnesIncluded() {
    assertTrue(create(1, CONTACT, text("vip", "VIP")));
    assertFalse(create(1, CONTACT, text("vip", "Again")));
    assertTrue((boolean) in(s -> s.archive(1, CONTACT, "vip")));
    assertFalse(create(1, CONTACT, text("vip", "After archiving")));

    assertTrue(create(1, ObjectType.COMPANY, text("vip", "Company VIP")));
    assertTrue(create(2, CONTACT, text("vip", "Their VIP")));
    assertEquals(List.of(), names(1, CONTACT));
    assertEquals("Company VIP", read(s -> s.custom(1, ObjectType.COMPANY)).get(0).label());
  }

  @Test
  void anUpdateReplacesALiveDefinitionButNotWhetherItsValuesAreUnique() {
    create(1, CONTACT, text("tier", "Old"));

    assertTrue((boolean) in(s -> s.update(1, CONTACT, tiers(true))));

    assertEquals(List.of(tiers(false)), read(s -> s.custom(1, CONTACT)));
  }

  @Test
  void updatingOrArchivingWhatIsNotThereOrArchivedAnswersFalse() {
    create(1, CONTACT, text("gone", "Gone"));
    assertTrue((boolean) in(s -> s.archive(1, CONTACT, "gone")));

    assertFalse((boolean) in(s -> s.archive(1, CONTACT, "gone")));
    assertFalse((boolean) in(s -> s.update(1, CONTACT, text("gone", "Back"))));
    assertFalse((boolean) in(s -> s.update(1, CONTACT, text("never", "Never"))));
    assertFalse((boolean) in(s -> s.archive(1, CONTACT, "never")));
  }

  @Test
  void anotherPortalNeitherSeesNorChangesTheDefinitions() {
    create(1, CONTACT, text("mine", "Mine"));

    assertEquals(List.of(), names(2, CONTACT));
    assertFalse((boolean) in(s -> s.update(2, CONTACT, text("mine", "Theirs"))));
    assertFalse((boolean) in(s -> s.archive(2, CONTACT, "mine")));
    assertEquals(List.of(text("mine", "Mine")), read(s -> s.custom(1, CONTACT)));
    assertEquals(List.of(), names(1, ObjectType.COMPANY));
  }
}
