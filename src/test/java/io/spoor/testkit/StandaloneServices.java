package io.spoor.testkit;

import java.util.ArrayList;
import java.util.List;

/**
 * The test kit's real PostgreSQL server and Kafka broker as a process of their own, for scripts
 * outside JUnit: {@code e2e/run.sh} runs the official clients against an all-in-one on PostgreSQL,
 * {@code bench/scaleout.sh} measures collectors and processors on Kafka and PostgreSQL.
 *
 * <pre>
 * java -cp target/test-classes:target/classes:&lt;test class path&gt; io.spoor.testkit.StandaloneServices \
 *     [--postgres | --postgres-durable] [--kafka TOPIC PARTITIONS]
 * </pre>
 *
 * Prints {@code store=jdbc:postgresql://…} (a new, migrated database) and
 * {@code log=kafka://host:port/TOPIC} (the topic made with that many partitions), then
 * {@code ready}, and runs until it is stopped (SIGTERM), which stops both and removes their data.
 * {@code --postgres-durable} keeps PostgreSQL's {@code fsync} on, as a production server has it.
 */
public final class StandaloneServices {
  private StandaloneServices() {}

  public static void main(String[] args) throws InterruptedException {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--postgres" -> lines.add("store=" + PostgresServer.shared().newDatabase());
        case "--postgres-durable" -> lines.add("store=" + PostgresServer.startDurable().newDatabase());
        case "--kafka" -> {
          if (i + 2 >= args.length) {
            throw usage();
          }
          String topic = args[++i];
          int partitions = Integer.parseInt(args[++i]);
          KafkaBroker broker = KafkaBroker.start();
          Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
              broker.close();
            } catch (Exception e) {
              // the process is exiting: nothing to tell
            }
          }, "kafka-broker-stop"));
          broker.createTopic(topic, partitions);
          lines.add("log=" + broker.address(topic));
        }
        default -> throw usage();
      }
    }
    lines.forEach(System.out::println);
    System.out.println("ready");
    System.out.flush();
    Thread.currentThread().join();
  }

  private static IllegalArgumentException usage() {
    return new IllegalArgumentException("usage: StandaloneServices [--postgres | --postgres-durable] "
        + "[--kafka TOPIC PARTITIONS]");
  }
}
