package io.spoor.crm.object;

import io.spoor.ConflictException;
import io.spoor.InvalidInputException;
import io.spoor.NotFoundException;
import io.spoor.SpoorException;
import io.spoor.crm.ObjectType;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Why one input of a batch was not written or read, in HubSpot's error categories, with the
 * caller's {@code objectWriteTraceId} echoed. A single-object call turns it into the exception
 * its category is answered with.
 */
public record InputError(Category category, String message, Map<String, List<String>> context,
    Optional<String> traceId) {

  /** HubSpot's categories for an input's failure. */
  public enum Category {
    VALIDATION_ERROR, CONFLICT, OBJECT_NOT_FOUND
  }

  public InputError {
    context = Map.copyOf(context);
  }

  static InputError invalid(String message) {
    return new InputError(Category.VALIDATION_ERROR, message, Map.of(), Optional.empty());
  }

  static InputError conflict(ObjectType type, long existingId) {
    return new InputError(Category.CONFLICT, type.label() + " already exists. Existing ID: " + existingId, Map.of(),
        Optional.empty());
  }

  static InputError notFound(ObjectType type, List<String> ids) {
    return new InputError(Category.OBJECT_NOT_FOUND, "Could not get some " + type.name()
        + " objects, they may be deleted or not exist. Check that ids are valid.", Map.of("ids", ids),
        Optional.empty());
  }

  InputError withTrace(Optional<String> trace) {
    return new InputError(category, message, context, trace);
  }

  /** The exception a single-object call is answered with; a missing object is named by its id. */
  SpoorException toException() {
    switch (category) {
      case CONFLICT:
        return new ConflictException(message);
      case OBJECT_NOT_FOUND:
        return NotFoundException.object(context.getOrDefault("ids", List.of("")).get(0));
      default:
        return new InvalidInputException(message);
    }
  }
}
