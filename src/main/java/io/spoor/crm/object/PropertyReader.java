package io.spoor.crm.object;

import io.spoor.crm.CrmObject;
import java.util.Optional;

/** A property's value of an object as the API shows it; empty when unset. */
@FunctionalInterface
public interface PropertyReader<T extends CrmObject> {
  Optional<String> value(T object, String name);
}
