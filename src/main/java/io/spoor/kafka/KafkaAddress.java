package io.spoor.kafka;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where the Kafka ingest log is, written {@code kafka://host:port[,host:port…]/topic}: the
 * brokers a client starts from and the topic hits go to.
 */
public record KafkaAddress(String bootstrapServers, String topic) {
  public static final String SCHEME = "kafka://";
  private static final Pattern SERVERS = Pattern.compile("[A-Za-z0-9.\\-]+:\\d{1,5}(,[A-Za-z0-9.\\-]+:\\d{1,5})*");
  private static final Pattern TOPIC = Pattern.compile("[A-Za-z0-9._\\-]{1,249}");

  public KafkaAddress {
    if (!SERVERS.matcher(bootstrapServers).matches() || !TOPIC.matcher(topic).matches()) {
      throw new IllegalArgumentException("servers must be host:port[,host:port…] and the topic 1 to 249 letters, "
          + "digits, '.', '_' or '-': " + bootstrapServers + ", " + topic);
    }
  }

  /** The address in {@code raw}, or empty if it is not a well-formed {@code kafka://} address. */
  public static Optional<KafkaAddress> parse(String raw) {
    String text = raw.trim();
    if (!text.startsWith(SCHEME)) {
      return Optional.empty();
    }
    String rest = text.substring(SCHEME.length());
    int slash = rest.indexOf('/');
    if (slash <= 0) {
      return Optional.empty();
    }
    String servers = rest.substring(0, slash);
    String topic = rest.substring(slash + 1);
    return SERVERS.matcher(servers).matches() && TOPIC.matcher(topic).matches()
        ? Optional.of(new KafkaAddress(servers, topic)) : Optional.empty();
  }

  @Override
  public String toString() {
    return SCHEME + bootstrapServers + "/" + topic;
  }
}
