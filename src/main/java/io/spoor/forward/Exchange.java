package io.spoor.forward;

import io.vertx.core.json.JsonObject;
import java.util.Optional;

/** One request to the remote, paced to its limits; with {@code authorized} it carries the token. */
interface Exchange {
  RemoteAnswer send(String method, String url, Optional<JsonObject> body, boolean authorized);
}
