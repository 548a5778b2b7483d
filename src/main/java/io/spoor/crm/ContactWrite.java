package io.spoor.crm;

import io.spoor.crm.PropertyCheck.Checked;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The contact writes of one API call, inside its transaction. Each input is checked whole
 * before anything of it is queued, so a refused input leaves nothing behind; emails taken by
 * earlier inputs of the call count as taken. {@link #finish()} writes everything at once
 * through {@link ContactChanges}, the path the ingest uses.
 */
final class ContactWrite {
  private final long portalId;
  private final ContactStore store;
  private final ContactChanges changes;
  private final long at;
  private final Map<String, Long> claimed = new HashMap<>();
  private final Map<Long, Optional<String>> rekeyed = new LinkedHashMap<>();

  ContactWrite(long portalId, ContactStore store, PropertyDefinitionStore definitions, long at) {
    this.portalId = portalId;
    this.store = store;
    this.changes = new ContactChanges(store, definitions);
    this.at = at;
  }

  /** What became of one input: the contact written, or why not. */
  sealed interface Outcome {
  }

  record Saved(long id, boolean created) implements Outcome {
  }

  record Refused(InputError error) implements Outcome {
  }

  Outcome create(Map<String, String> raw) {
    Checked checked = check(Optional.empty(), raw);
    if (!checked.valid()) {
      return new Refused(InputError.invalid(checked.message()));
    }
    Optional<String> email = checked.values().getOrDefault(ContactProperties.EMAIL, Optional.empty());
    Optional<Long> owner = email.flatMap(this::owner);
    if (owner.isPresent()) {
      return new Refused(InputError.conflict(owner.get()));
    }
    long id = changes.create(portalId, email, at, ChangeSource.API);
    email.ifPresent(e -> claimed.put(e, id));
    queue(id, checked.values());
    return new Saved(id, true);
  }

  /** Updates a live contact of the portal (the caller has checked that it is one). */
  Outcome update(long id, Map<String, String> raw) {
    Checked checked = check(Optional.of(id), raw);
    if (!checked.valid()) {
      return new Refused(InputError.invalid(checked.message()));
    }
    Optional<String> before = changes.current(id, ContactProperties.EMAIL);
    Optional<String> after = checked.values().getOrDefault(ContactProperties.EMAIL, before);
    if (!after.equals(before)) {
      Optional<Long> owner = after.flatMap(this::owner).filter(other -> other != id);
      if (owner.isPresent()) {
        return new Refused(InputError.conflict(owner.get()));
      }
      after.ifPresent(e -> claimed.put(e, id));
      rekeyed.put(id, after);
    }
    queue(id, checked.values());
    return new Saved(id, false);
  }

  /** The contact that has, or in this call took, the email. */
  Optional<Long> owner(String email) {
    Long taken = claimed.get(email);
    if (taken != null) {
      return Optional.of(taken);
    }
    return Optional.ofNullable(store.idsByEmail(portalId, List.of(email)).get(email));
  }

  /** Writes every saved input: new contacts, values with their history, email keys. */
  void finish() {
    changes.flush();
    store.rekey(portalId, rekeyed);
  }

  private Checked check(Optional<Long> id, Map<String, String> raw) {
    return PropertyCheck.check(raw, name -> changes.definition(portalId, name),
        name -> id.flatMap(contact -> changes.current(contact, name)));
  }

  private void queue(long id, Map<String, Optional<String>> values) {
    values.forEach((name, value) -> changes.change(id, new PropertyChange(name, value, at, ChangeSource.API)));
  }
}
