package io.spoor.testkit;

import io.spoor.crm.ContactStore;
import io.spoor.crm.ObjectStore.NewObject;
import io.spoor.crm.ObjectType;
import io.spoor.crm.PropertyDefinition;
import io.spoor.crm.PropertyDefinitionStore;
import io.spoor.crm.PropertyType;
import io.spoor.segment.SegmentIds;
import java.util.List;
import java.util.Optional;

/**
 * The base of a contract whose store moves or removes what finds a contact (its emails, custom
 * unique values and Segment ids): an implementation's test hands it, with {@link #alongside},
 * the stores of contacts, property definitions and Segment ids over the same data.
 */
public abstract class ContactKeysContract<S> extends StoreContract<S> {
  protected ContactStore contacts;
  protected PropertyDefinitionStore definitions;
  protected SegmentIds segmentIds;

  protected final void alongside(ContactStore contacts, PropertyDefinitionStore definitions, SegmentIds segmentIds) {
    this.contacts = contacts;
    this.definitions = definitions;
    this.segmentIds = segmentIds;
  }

  /** Defines the custom unique text property {@code member_id} in a portal; call it inside a transaction. */
  protected final void defineMemberId(long portal) {
    definitions.create(portal, ObjectType.CONTACT, new PropertyDefinition("member_id", "Member",
        PropertyType.STRING, "text", "group", "", List.of(), true, false, false, false));
  }

  /** Creates a contact with an email at time 100 and returns its id; call it inside a transaction. */
  protected final long newContact(long portal, String email) {
    long id = contacts.reserveIds(1);
    contacts.create(List.of(new NewObject(id, portal, Optional.of(email), 100)));
    return id;
  }
}
