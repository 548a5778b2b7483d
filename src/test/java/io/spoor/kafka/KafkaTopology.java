package io.spoor.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.spoor.testkit.KafkaBroker;
import io.spoor.testkit.PostgresServer;
import io.spoor.testkit.SpoorClient;
import io.spoor.testkit.SpoorProcess;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Spoor processes of several roles on one topic of a real broker and one store: a fresh database
 * of the JVM's {@link PostgresServer}, dropped at the end, with a data directory of its own per
 * process, as on separate machines. Starts them as processes of their own, which a test may
 * kill, and closes them all.
 */
final class KafkaTopology implements AutoCloseable {
  static final String BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 "
      + "(KHTML, like Gecko) Chrome/126.0 Safari/537.36";
  private final KafkaBroker broker;
  private final String topic;
  private final PostgresServer postgres;
  private final String store;
  private final Path root;
  private final List<SpoorProcess> started = new ArrayList<>();

  KafkaTopology(KafkaBroker broker, String topic, int partitions) {
    this.postgres = PostgresServer.shared();
    this.broker = broker;
    this.topic = topic;
    broker.createTopic(topic, partitions);
    store = postgres.newDatabase();
    try {
      root = Files.createTempDirectory("spoor-kafka-" + topic + "-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Starts Spoor with {@code command} on the topic and store, and returns once it listens; its
   * data directory and log ({@code <n>-<command>.log}) are under {@link #root}. The first one
   * started makes the default portal; a test starts it alone.
   */
  SpoorProcess start(String... command) {
    List<String> line = new ArrayList<>(List.of(command));
    line.addAll(List.of("--log", broker.address(topic), "--kafka-group", topic + "-processors", "--store", store));
    String name = started.size() + "-" + String.join("-", command).replace("--", "");
    try {
      Path data = Files.createDirectories(root.resolve(name));
      SpoorProcess process = SpoorProcess.run(data, root.resolve(name + ".log"), line.toArray(String[]::new));
      started.add(process);
      return process;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Where the processes' data directories and logs are: kept after the test, for its failures. */
  Path root() {
    return root;
  }

  /** Lets the portal take custom events, without rate limits, through an api process. */
  static void openPortal(SpoorClient api) {
    assertEquals(200, api.send("PATCH", "/api/v1/portal", new JsonObject().put("customEventsEnabled", true)
        .put("rateLimitSecondly", 0).put("rateLimitDaily", 0)).status());
  }

  /** A page view beacon of the visitor {@code utk} at {@code url}, identifying it by email when one is given. */
  static void pageView(SpoorClient collector, String utk, String url, String email) {
    String query = "/__ptq.gif?k=1&a=1&v=1.1&vi=" + utk + "&pu=" + enc(url) + "&t=Page"
        + (email.isEmpty() ? "" : "&i=" + enc("email=" + enc(email)));
    assertEquals(200, collector.raw(query, Map.of("User-Agent", BROWSER)).statusCode());
  }

  /** A contact's property, read through an api process; empty if there is no such contact yet. */
  static String property(SpoorClient api, String email, String property) {
    SpoorClient.Answer answer = api.get("/crm/v3/objects/contacts/" + enc(email) + "?idProperty=email&properties="
        + property);
    if (answer.status() == 404) {
      return "";
    }
    assertEquals(200, answer.status(), answer.body());
    String value = answer.json().getJsonObject("properties").getString(property);
    return value == null ? "" : value;
  }

  static long number(SpoorClient api, String email, String property) {
    String value = property(api, email, property);
    return value.isEmpty() ? 0 : Long.parseLong(value);
  }

  /** How many contacts the store holds, counted through an api process's list of contacts. */
  static int contacts(SpoorClient api) {
    int count = 0;
    String after = "";
    do {
      SpoorClient.Answer page = api.get("/crm/v3/objects/contacts?limit=100" + (after.isEmpty() ? "" : "&after=" + after));
      assertEquals(200, page.status(), page.body());
      count += page.json().getJsonArray("results").size();
      JsonObject next = page.json().getJsonObject("paging", new JsonObject()).getJsonObject("next");
      after = next == null ? "" : next.getString("after");
    } while (!after.isEmpty());
    return count;
  }

  /** The values of a metric's samples, by their labels, from {@code /metrics}. */
  static Map<String, Double> metric(SpoorClient client, String name) {
    String text = new String(client.raw("/metrics", Map.of()).body(), StandardCharsets.UTF_8);
    Matcher m = Pattern.compile("(?m)^" + name + "(\\{[^}]*\\})? ([0-9.eE+-]+)$").matcher(text);
    Map<String, Double> values = new java.util.HashMap<>();
    while (m.find()) {
      values.put(m.group(1) == null ? "" : m.group(1), Double.parseDouble(m.group(2)));
    }
    return values;
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    started.forEach(SpoorProcess::close);
    postgres.drop(store);
  }
}
