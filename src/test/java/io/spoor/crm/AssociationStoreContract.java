package io.spoor.crm;

import static io.spoor.crm.AssociationType.COMPANY_TO_CONTACT;
import static io.spoor.crm.AssociationType.CONTACT_TO_COMPANY;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.spoor.crm.AssociationStore.Association;
import io.spoor.crm.ObjectStore.NewObject;
import io.spoor.testkit.StoreContract;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What every {@link AssociationStore} does: associations are kept both ways, once, hidden while
 * an end is archived, listed in id order, and never seen from another portal. An
 * implementation's test makes the store and, with {@link #alongside}, the contact and company
 * stores whose objects it associates.
 */
abstract class AssociationStoreContract extends StoreContract<AssociationStore> {
  private ObjectStore<?> contacts;
  private ObjectStore<?> companies;

  /** The stores of the objects associated, over the same data. */
  protected final void alongside(ObjectStore<?> contacts, ObjectStore<?> companies) {
    this.contacts = contacts;
    this.companies = companies;
  }

  private long make(ObjectStore<?> store, long portal) {
    return in(s -> {
      long id = store.reserveIds(1);
      store.create(List.of(new NewObject(id, portal, Optional.empty(), 100)));
      return id;
    });
  }

  private void associate(long portal, long contact, long company) {
    run(s -> s.associate(portal, new Association(contact, CONTACT_TO_COMPANY, company), 100));
  }

  private List<Long> companiesOf(long portal, long contact) {
    return read(s -> s.associated(portal, contact, ObjectType.COMPANY, 0, 100));
  }

  private List<Long> contactsOf(long portal, long company) {
    return read(s -> s.associated(portal, company, ObjectType.CONTACT, 0, 100));
  }

  @Test
  void anAssociationIsSeenFromBothEndsAndAssociatingAgainChangesNothing() {
    long ada = make(contacts, 1);
    long acme = make(companies, 1);

    associate(1, ada, acme);
    run(s -> s.associate(1, new Association(acme, COMPANY_TO_CONTACT, ada), 200));
    associate(1, ada, acme);

    assertEquals(List.of(acme), companiesOf(1, ada));
    assertEquals(List.of(ada), contactsOf(1, acme));
    assertEquals(Map.of(ada, List.of(acme)), read(s -> s.associated(1, List.of(ada), ObjectType.COMPANY)));
    assertEquals(Map.of(), read(s -> s.associated(1, List.of(ada), ObjectType.CONTACT)));
  }

  @Test
  void dissociatingRemovesBothDirectionsFromEitherEndAndIgnoresAbsentOnes() {
    long ada = make(contacts, 1);
    long acme = make(companies, 1);
    long initech = make(companies, 1);
    associate(1, ada, acme);
    associate(1, ada, initech);

    run(s -> s.dissociate(1, acme, ada));
    run(s -> s.dissociate(1, acme, ada));

    assertEquals(List.of(initech), companiesOf(1, ada));
    assertEquals(List.of(), contactsOf(1, acme));
  }

  @Test
  void anAssociationToAnArchivedObjectIsHiddenUntilTheObjectIsGoneForGood() {
    long ada = make(contacts, 1);
    long acme = make(companies, 1);
    long initech = make(companies, 1);
    associate(1, ada, acme);
    associate(1, ada, initech);

    run(s -> companies.archive(1, List.of(acme), 200));

    assertEquals(List.of(initech), companiesOf(1, ada));
    assertEquals(Map.of(ada, List.of(initech)), read(s -> s.associated(1, List.of(ada), ObjectType.COMPANY)));
    assertEquals(Set.of(initech), read(s -> s.live(1, ObjectType.COMPANY, List.of(acme, initech))));
  }

  @Test
  void associatedObjectsAreListedInIdOrderAndPagedAfterAnId() {
    long ada = make(contacts, 1);
    List<Long> made = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      made.add(make(companies, 1));
    }
    for (int i = made.size() - 1; i >= 0; i--) {
      associate(1, ada, made.get(i));
    }

    assertEquals(made, companiesOf(1, ada));
    assertEquals(made.subList(0, 2), read(s -> s.associated(1, ada, ObjectType.COMPANY, 0, 2)));
    assertEquals(made.subList(2, 4), read(s -> s.associated(1, ada, ObjectType.COMPANY, made.get(1), 2)));
    assertEquals(List.of(), read(s -> s.associated(1, ada, ObjectType.COMPANY, made.get(4), 2)));
  }

  @Test
  void manyObjectsAreListedAtOnceEachWithItsOwn() {
    long acme = make(companies, 1);
    long initech = make(companies, 1);
    List<Long> people = in(s -> {
      long first = contacts.reserveIds(600);
      List<NewObject> made = new ArrayList<>();
      for (int i = 0; i < 600; i++) {
        made.add(new NewObject(first + i, 1, Optional.empty(), 100));
      }
      contacts.create(made);
      return made.stream().map(NewObject::id).toList();
    });
    run(s -> people.forEach(p -> s.associate(1, new Association(p, CONTACT_TO_COMPANY, acme), 100)));
    associate(1, people.get(599), initech);

    Map<Long, List<Long>> found = read(s -> s.associated(1, people, ObjectType.COMPANY));
    assertEquals(600, found.size());
    assertEquals(List.of(acme, initech), found.get(people.get(599)));
    assertEquals(people.subList(0, 100), contactsOf(1, acme));
  }

  @Test
  void liveAnswersOnlyThePortalsLiveObjectsOfTheType() {
    long ada = make(contacts, 1);
    long acme = make(companies, 1);
    long theirs = make(companies, 2);

    assertEquals(Set.of(acme), read(s -> s.live(1, ObjectType.COMPANY, List.of(ada, acme, theirs, 999_999L))));
    assertEquals(Set.of(ada), read(s -> s.live(1, ObjectType.CONTACT, List.of(ada, acme))));
  }

  @Test
  void anotherPortalNeverSeesNorRemovesTheAssociations() {
    long ada = make(contacts, 1);
    long acme = make(companies, 1);
    associate(1, ada, acme);

    run(s -> s.dissociate(2, ada, acme));

    assertEquals(List.of(), companiesOf(2, ada));
    assertEquals(Map.of(), read(s -> s.associated(2, List.of(ada), ObjectType.COMPANY)));
    assertEquals(List.of(acme), companiesOf(1, ada));
  }
}
