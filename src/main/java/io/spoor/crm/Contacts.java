package io.spoor.crm;

import io.spoor.store.Transactor;
import java.time.Clock;

/** Reading contacts as the CRM API names them: {@link ObjectReads} for contacts, with their analytics. */
public final class Contacts extends ObjectReads<Contact> {
  public Contacts(Transactor tx, ContactStore store) {
    this(tx, store, Clock.systemUTC());
  }

  public Contacts(Transactor tx, ContactStore store, Clock clock) {
    super(tx, store, ObjectType.CONTACT, ContactView::value, clock);
  }
}
