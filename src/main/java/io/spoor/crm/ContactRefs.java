package io.spoor.crm;

import io.spoor.InvalidInputException;
import java.util.List;
import java.util.Optional;

/** How the CRM API names a contact: its object id, or with {@code idProperty=email} its email. */
final class ContactRefs {
  private ContactRefs() {
  }

  /**
   * The id {@code ref} names in the portal, not yet checked to be live; empty when nothing can
   * match. An {@code idProperty} that is not a unique property is refused.
   */
  static Optional<Long> resolve(ContactStore store, long portalId, String ref, Optional<String> idProperty) {
    String property = idProperty.orElse(ContactProperties.OBJECT_ID);
    if (property.equals(ContactProperties.EMAIL)) {
      return Emails.normalize(ref)
          .flatMap(email -> Optional.ofNullable(store.idsByEmail(portalId, List.of(email)).get(email)));
    }
    if (!property.equals(ContactProperties.OBJECT_ID)) {
      throw new InvalidInputException("idProperty must be a unique property (email or hs_object_id), was "
          + property);
    }
    return ref.trim().matches("\\d{1,18}") ? Optional.of(Long.parseLong(ref.trim())) : Optional.empty();
  }
}
