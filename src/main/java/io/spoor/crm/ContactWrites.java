package io.spoor.crm;

import io.spoor.InvalidInputException;
import io.spoor.crm.ContactWrite.Outcome;
import io.spoor.crm.ContactWrite.Refused;
import io.spoor.crm.ContactWrite.Saved;
import io.spoor.store.Transactor;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Contact writes of the CRM API: create, update, upsert by email and archive, one at a time
 * or in batches of up to {@value #MAX_BATCH}. Each call is one write transaction through the
 * same store as the ingest, so SQLite's single writer orders them with hits. A batch create is
 * all or nothing, as HubSpot's is; batch updates and upserts write the inputs that pass and
 * report the others.
 */
public final class ContactWrites {
  public static final int MAX_BATCH = 100;

  private final Transactor tx;
  private final ContactStore store;
  private final PropertyDefinitionStore definitions;
  private final Clock clock;

  public ContactWrites(Transactor tx, ContactStore store, PropertyDefinitionStore definitions, Clock clock) {
    this.tx = tx;
    this.store = store;
    this.definitions = definitions;
    this.clock = clock;
  }

  /** A new contact; 400 listing every bad property, 409 when its email is taken. */
  public Contact create(long portalId, Map<String, String> properties) {
    return createAll(portalId, List.of(ContactInput.create(properties))).results().get(0).contact();
  }

  /** Updates the live contact {@code ref} names; 404 when there is none. */
  public Contact update(long portalId, String ref, Optional<String> idProperty, Map<String, String> properties) {
    BatchResult<Written> result = updateAll(portalId,
        List.of(new ContactInput(Optional.of(ref), idProperty, properties, Optional.empty())));
    if (!result.errors().isEmpty()) {
      throw result.errors().get(0).toException(ref);
    }
    return result.results().get(0).contact();
  }

  /** All inputs created, or none: the first refused input fails the call. */
  public BatchResult<Written> createAll(long portalId, List<ContactInput> inputs) {
    checkSize(inputs);
    distinct("emails", inputs, input -> Optional.ofNullable(input.properties().get(ContactProperties.EMAIL))
        .flatMap(Emails::normalize));
    return run(portalId, inputs, (write, input) -> {
      Outcome outcome = write.create(input.properties());
      if (outcome instanceof Refused refused) {
        throw refused.error().toException("");
      }
      return outcome;
    });
  }

  /** Inputs name contacts by id or {@code idProperty}; unknown ones are reported, not written. */
  public BatchResult<Written> updateAll(long portalId, List<ContactInput> inputs) {
    checkSize(inputs);
    distinct("IDs", inputs, ContactInput::id);
    return run(portalId, inputs, (write, input) -> {
      String ref = input.id().orElseThrow(() -> new InvalidInputException("every input needs an id"));
      Optional<Long> id = ContactRefs.resolve(store, portalId, ref, input.idProperty())
          .filter(candidate -> store.find(portalId, candidate).isPresent());
      return id.isPresent() ? write.update(id.get(), input.properties())
          : new Refused(InputError.notFound(List.of(ref)));
    });
  }

  /** Inputs name contacts by email: the contact is updated, or created with that email. */
  public BatchResult<Written> upsertAll(long portalId, List<ContactInput> inputs) {
    checkSize(inputs);
    distinct("IDs", inputs, input -> input.id().map(id -> Emails.normalize(id).orElse(id)));
    return run(portalId, inputs, (write, input) -> upsert(write, input));
  }

  /** Archives the portal's live contacts among these object ids; other ids are ignored, as HubSpot does. */
  public void archiveAll(long portalId, List<String> ids) {
    checkSize(ids);
    List<Long> numeric = ids.stream().map(String::trim).filter(id -> id.matches("\\d{1,18}"))
        .map(Long::parseLong).toList();
    tx.inTransaction(() -> store.archive(portalId, numeric, clock.millis()));
  }

  private Outcome upsert(ContactWrite write, ContactInput input) {
    if (!input.idProperty().orElse("").equals(ContactProperties.EMAIL)) {
      throw new InvalidInputException("Upserts name contacts by a unique property: idProperty must be email, was "
          + input.idProperty().orElse("(none)"));
    }
    String ref = input.id().orElse("");
    Optional<String> email = Emails.normalize(ref);
    if (email.isEmpty()) {
      return new Refused(InputError.invalid("Email address " + ref + " is invalid"));
    }
    Optional<String> given = Optional.ofNullable(input.properties().get(ContactProperties.EMAIL));
    if (given.isPresent() && !given.flatMap(Emails::normalize).equals(email)) {
      return new Refused(InputError.invalid("properties.email must match the id of an upsert by email"));
    }
    Optional<Long> existing = write.owner(email.get());
    if (existing.isPresent()) {
      return write.update(existing.get(), input.properties());
    }
    Map<String, String> withEmail = new HashMap<>(input.properties());
    withEmail.put(ContactProperties.EMAIL, email.get());
    return write.create(withEmail);
  }

  private BatchResult<Written> run(long portalId, List<ContactInput> inputs,
      BiFunction<ContactWrite, ContactInput, Outcome> each) {
    long at = clock.millis();
    return tx.inTransaction(() -> {
      ContactWrite write = new ContactWrite(portalId, store, definitions, at);
      List<InputError> errors = new ArrayList<>();
      List<Saved> saved = new ArrayList<>();
      List<ContactInput> savedInputs = new ArrayList<>();
      for (ContactInput input : inputs) {
        Outcome outcome = each.apply(write, input);
        if (outcome instanceof Saved s) {
          saved.add(s);
          savedInputs.add(input);
        } else {
          errors.add(((Refused) outcome).error().withTrace(input.traceId()));
        }
      }
      write.finish();
      Map<Long, Contact> contacts = store.findAll(portalId, saved.stream().map(Saved::id).toList());
      List<Written> results = new ArrayList<>();
      for (int i = 0; i < saved.size(); i++) {
        results.add(new Written(contacts.get(saved.get(i).id()), saved.get(i).created(),
            savedInputs.get(i).traceId()));
      }
      return new BatchResult<>(results, errors, Instant.ofEpochMilli(at), Instant.ofEpochMilli(clock.millis()));
    });
  }

  static void checkSize(List<?> inputs) {
    if (inputs.size() > MAX_BATCH) {
      throw new InvalidInputException("A batch takes at most " + MAX_BATCH + " inputs, got " + inputs.size());
    }
  }

  /** Refuses a batch in which two inputs name the same contact (by {@code key}, when they have one). */
  private static void distinct(String what, List<ContactInput> inputs, Function<ContactInput, Optional<String>> key) {
    Set<String> seen = new LinkedHashSet<>();
    Set<String> duplicates = new LinkedHashSet<>();
    for (ContactInput input : inputs) {
      key.apply(input).filter(k -> !seen.add(k)).ifPresent(duplicates::add);
    }
    if (!duplicates.isEmpty()) {
      throw new InvalidInputException("Duplicate " + what + " found in batch input: " + duplicates);
    }
  }
}
