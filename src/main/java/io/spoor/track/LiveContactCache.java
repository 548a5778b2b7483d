package io.spoor.track;

import io.spoor.crm.ContactStore;
import io.spoor.identity.LiveContacts;
import io.spoor.store.Deferred;
import java.util.HashMap;
import java.util.Map;

/**
 * Which contacts of one batch can collect hits: those found or made by email in the batch
 * (live by construction, possibly not written yet), and those the store holds live. Each
 * other contact is looked up once per batch.
 */
final class LiveContactCache implements Deferred, LiveContacts {
  private final ContactStore contacts;
  private final Map<ContactKey, Boolean> known = new HashMap<>();

  private record ContactKey(long portalId, long contactId) {
  }

  LiveContactCache(ContactStore contacts) {
    this.contacts = contacts;
  }

  /** Records a contact the batch found or made by email. */
  void found(long portalId, long contactId) {
    known.put(new ContactKey(portalId, contactId), true);
  }

  @Override
  public boolean isLive(long portalId, long contactId) {
    return known.computeIfAbsent(new ContactKey(portalId, contactId),
        k -> contacts.isLive(portalId, contactId));
  }

  @Override
  public void flush() {
    known.clear();
  }
}
