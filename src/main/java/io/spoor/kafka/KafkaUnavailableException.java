package io.spoor.kafka;

import io.spoor.UnavailableException;

/** Kafka did not acknowledge a hit in time (brokers down or unreachable): the hit was not taken. Retriable. */
public final class KafkaUnavailableException extends UnavailableException {
  KafkaUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
