package io.spoor.crm;

import java.util.Optional;

/** A contact as a write left it; {@code created} is HubSpot's {@code new} of upserts. */
public record Written(Contact contact, boolean created, Optional<String> traceId) {
}
