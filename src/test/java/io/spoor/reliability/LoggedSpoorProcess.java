package io.spoor.reliability;

import io.spoor.testkit.SpoorClient;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code spoor serve} in a process of its own (same classpath) whose standard output and
 * standard error, where the logs go, are kept in files for a test to read afterwards.
 */
final class LoggedSpoorProcess implements AutoCloseable {
  private static final Pattern LISTENING = Pattern.compile("Spoor is listening on port (\\d+)");
  private final Process process;
  private final Path stdout;
  private final Path stderr;
  private final CompletableFuture<Void> outputDone = new CompletableFuture<>();
  private final int port;

  private LoggedSpoorProcess(Path data, Map<String, String> env) throws IOException {
    stdout = data.resolve("stdout.log");
    stderr = data.resolve("stderr.log");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    // the logging a real server has, not the quieter test configuration on the test classpath
    String logging = Path.of(URI.create(LoggedSpoorProcess.class.getResource("/logback.xml").toString())).toString();
    ProcessBuilder builder = new ProcessBuilder(List.of(java, "-Xmx256m", "-Dlogback.configurationFile=" + logging,
        "-cp", System.getProperty("java.class.path"), "io.spoor.Main", "serve", "--port", "0",
        "--host", "127.0.0.1", "--data", data.toString()))
        .redirectError(stderr.toFile());
    builder.environment().putAll(env);
    process = builder.start();
    port = awaitPort();
  }

  /** Starts the server with these environment variables and returns once it listens. */
  static LoggedSpoorProcess start(Path data, Map<String, String> env) throws IOException {
    return new LoggedSpoorProcess(data, env);
  }

  int port() {
    return port;
  }

  SpoorClient client(String token) {
    return new SpoorClient("http://127.0.0.1:" + port, token);
  }

  /** Stops the server with SIGTERM, waits for it, and returns what it wrote to standard output and error. */
  String stopAndReadOutput() throws Exception {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("spoor did not stop within 30 s of SIGTERM");
    }
    outputDone.get(10, TimeUnit.SECONDS);
    return Files.readString(stdout, StandardCharsets.UTF_8) + Files.readString(stderr, StandardCharsets.UTF_8);
  }

  String stdout() throws IOException {
    return Files.readString(stdout, StandardCharsets.UTF_8);
  }

  String stderr() throws IOException {
    return Files.readString(stderr, StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    process.destroyForcibly();
  }

  /** Copies standard output to its file line by line, watching for the line naming the port. */
  private int awaitPort() {
    CompletableFuture<Integer> listening = new CompletableFuture<>();
    Thread copier = new Thread(() -> {
      try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
          StandardCharsets.UTF_8)); Writer file = Files.newBufferedWriter(stdout, StandardCharsets.UTF_8)) {
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
          file.write(line);
          file.write('\n');
          file.flush();
          Matcher m = LISTENING.matcher(line);
          if (m.find()) {
            listening.complete(Integer.parseInt(m.group(1)));
          }
        }
      } catch (IOException e) {
        listening.completeExceptionally(new UncheckedIOException(e));
      } finally {
        listening.completeExceptionally(new IllegalStateException("spoor exited before listening"));
        outputDone.complete(null);
      }
    }, "spoor-process-stdout");
    copier.setDaemon(true);
    copier.start();
    try {
      return listening.get(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      process.destroyForcibly();
      throw new IllegalStateException("spoor did not start; its standard error: " + readQuietly(stderr), e);
    }
  }

  private static String readQuietly(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(unreadable: " + e + ")";
    }
  }
}
