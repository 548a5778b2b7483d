package io.spoor.crm.object;

import io.spoor.crm.AssociationStore;
import io.spoor.crm.Contact;
import io.spoor.crm.ContactStore;
import io.spoor.crm.ObjectType;
import io.spoor.crm.PropertyDefinitionStore;
import io.spoor.crm.association.Associations;
import io.spoor.store.Transactor;
import java.time.Clock;

/** Contact writes of the CRM API: {@link ObjectWrites} for contacts, keyed by email. */
public final class ContactWrites extends ObjectWrites<Contact> {
  public ContactWrites(Transactor tx, ContactStore store, AssociationStore links,
      PropertyDefinitionStore definitions, Associations associations, Clock clock) {
    super(tx, store, links, definitions, ObjectType.CONTACT, associations, clock);
  }
}
