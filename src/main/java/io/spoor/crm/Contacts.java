package io.spoor.crm;

import io.spoor.InvalidInputException;
import io.spoor.NotFoundException;
import io.spoor.store.Transactor;
import java.util.List;
import java.util.Optional;

/** Reading contacts by id or by a unique property, as the CRM API names them. */
public final class Contacts {
  private final Transactor tx;
  private final ContactStore store;

  public Contacts(Transactor tx, ContactStore store) {
    this.tx = tx;
    this.store = store;
  }

  /**
   * The portal's contact named by {@code ref}: its object id, or with {@code idProperty} the
   * value of that unique property ({@code email} or {@code hs_object_id}).
   */
  public Contact get(long portalId, String ref, Optional<String> idProperty) {
    return tx.read(() -> resolve(portalId, ref, idProperty).flatMap(id -> store.find(portalId, id)))
        .orElseThrow(() -> new NotFoundException("Object not found.  objectId are usually numeric.", ref));
  }

  private Optional<Long> resolve(long portalId, String ref, Optional<String> idProperty) {
    String property = idProperty.orElse(ContactProperties.OBJECT_ID);
    if (property.equals(ContactProperties.EMAIL)) {
      return Emails.normalize(ref)
          .flatMap(email -> Optional.ofNullable(store.idsByEmail(portalId, List.of(email)).get(email)));
    }
    if (!property.equals(ContactProperties.OBJECT_ID)) {
      throw new InvalidInputException("idProperty must be a unique property (email or hs_object_id), was "
          + property);
    }
    return ref.matches("\\d{1,18}") ? Optional.of(Long.parseLong(ref)) : Optional.empty();
  }
}
