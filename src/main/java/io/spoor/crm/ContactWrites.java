package io.spoor.crm;

import io.spoor.store.Transactor;
import java.time.Clock;

/** Contact writes of the CRM API: {@link ObjectWrites} for contacts, keyed by email. */
public final class ContactWrites extends ObjectWrites<Contact> {
  public ContactWrites(Transactor tx, ContactStore store, AssociationStore links,
      PropertyDefinitionStore definitions, Associations associations, Clock clock) {
    super(tx, store, links, definitions, ObjectType.CONTACT, associations, clock);
  }
}
