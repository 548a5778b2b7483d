package io.spoor.crm.object;

import io.spoor.crm.AssociationStore;
import io.spoor.crm.Contact;
import io.spoor.crm.ContactStore;
import io.spoor.crm.ObjectType;
import io.spoor.crm.PropertyDefinitionStore;
import io.spoor.store.Transactor;
import java.time.Clock;

/** Reading contacts as the CRM API names them: {@link ObjectReads} for contacts, with their analytics. */
public final class Contacts extends ObjectReads<Contact> {
  public Contacts(Transactor tx, ContactStore store, AssociationStore associations,
      PropertyDefinitionStore definitions, Clock clock) {
    super(tx, store, associations, ObjectType.CONTACT, ContactView::value, definitions, clock);
  }
}
