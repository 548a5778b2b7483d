package io.spoor.crm.object;

import io.spoor.crm.CrmObject;
import java.util.Optional;

/** An object as a write left it; {@code created} is HubSpot's {@code new} of upserts. */
public record Written<T extends CrmObject>(T object, boolean created, Optional<String> traceId) {
}
