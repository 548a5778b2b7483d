package io.spoor.events;

import java.util.Optional;

/**
 * Whether a hit may create one more dynamic event definition in a portal. Asked on the applier
 * thread just before a definition would be created; told when it is.
 */
public interface DynamicDefinitionGate {
  /** Allows every creation. */
  DynamicDefinitionGate OPEN = new DynamicDefinitionGate() {
    @Override
    public Optional<String> refusal(long portalId, long at) {
      return Optional.empty();
    }

    @Override
    public void created(long portalId, long at) {
    }
  };

  /** Empty when the portal may create one now ({@code at}, epoch ms); otherwise why not. */
  Optional<String> refusal(long portalId, long at);

  /** Counts a definition created at {@code at}. */
  void created(long portalId, long at);
}
