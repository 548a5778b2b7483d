package io.spoor.testkit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Spoor in a process of its own (same classpath), so a test can kill it with SIGKILL. */
public final class SpoorProcess implements AutoCloseable {
  private static final Pattern LISTENING = Pattern.compile("Spoor is listening on port (\\d+)");
  private final Process process;
  private final int port;

  private SpoorProcess(String mainClass, Path data) {
    this(mainClass, data, List.of("serve"), ProcessBuilder.Redirect.DISCARD);
  }

  private SpoorProcess(String mainClass, Path data, List<String> command, ProcessBuilder.Redirect errors) {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> line = new java.util.ArrayList<>(List.of(java, "-Xmx256m", "-cp",
        System.getProperty("java.class.path"), mainClass));
    line.addAll(command);
    line.addAll(List.of("--port", "0", "--host", "127.0.0.1", "--data", data.toString()));
    ProcessBuilder builder = new ProcessBuilder(line).redirectError(errors);
    builder.environment().put("SPOOR_BOOTSTRAP_TOKEN", RunningSpoor.TOKEN);
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    port = awaitPort();
  }

  /** Starts the server on the data directory and returns once it listens. */
  public static SpoorProcess start(Path data) {
    return new SpoorProcess("io.spoor.Main", data);
  }

  /**
   * Starts {@code command} (such as {@code serve --role collector --log kafka://…}, or
   * {@code process …}) on the data directory and returns once it listens; its log goes to
   * {@code log}.
   */
  public static SpoorProcess run(Path data, Path log, String... command) {
    return new SpoorProcess("io.spoor.Main", data, List.of(command), ProcessBuilder.Redirect.appendTo(log.toFile()));
  }

  /** Starts the server through another entry point on the test classpath (one that injects a failure). */
  public static SpoorProcess start(String mainClass, Path data) {
    return new SpoorProcess(mainClass, data);
  }

  /** Waits for the process to end by itself; its exit code, or a failure after {@code seconds}. */
  public int awaitExit(long seconds) {
    try {
      if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
        throw new AssertionError("spoor still runs after " + seconds + " s");
      }
      return process.exitValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public SpoorClient client() {
    return new SpoorClient("http://127.0.0.1:" + port, RunningSpoor.TOKEN);
  }

  /** SIGKILL: no shutdown hook runs, nothing is flushed. */
  public void kill() {
    process.destroyForcibly();
    try {
      process.waitFor(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    kill();
  }

  private int awaitPort() {
    CompletableFuture<Integer> listening = new CompletableFuture<>();
    Thread reader = new Thread(() -> {
      try (BufferedReader lines = new BufferedReader(
          new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
          Matcher m = LISTENING.matcher(line);
          if (m.find()) {
            listening.complete(Integer.parseInt(m.group(1)));
          }
        }
      } catch (IOException e) {
        listening.completeExceptionally(e);
      }
      listening.completeExceptionally(new IllegalStateException("spoor exited before listening"));
    }, "spoor-process-output");
    reader.setDaemon(true);
    reader.start();
    try {
      // generous: a loaded machine (CI running other suites) starts a JVM slowly
      return listening.get(180, TimeUnit.SECONDS);
    } catch (Exception e) {
      process.destroyForcibly();
      throw new IllegalStateException("spoor did not start", e);
    }
  }
}
