package io.spoor.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.joran.spi.JoranException;
import ch.qos.logback.core.read.ListAppender;
import io.spoor.testkit.RunningSpoor;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/** Every log line written while a request is handled carries the request's correlation id. */
class CorrelationLogTest {
  private static final org.slf4j.Logger LOG = LoggerFactory.getLogger(CorrelationLogTest.class);

  @Test
  void aRefusedTokenIsLoggedWithTheCorrelationIdItsAnswerCarries() {
    ListAppender<ILoggingEvent> logged = listen();
    try (RunningSpoor server = RunningSpoor.start()) {
      var answer = server.client().withToken("pat-na1-00000000-0000-4000-8000-000000000000")
          .get("/crm/v3/objects/contacts");

      assertEquals(401, answer.status());
      String id = answer.header(Correlation.HEADER);
      assertNotNull(id);
      ILoggingEvent line = logged.list.stream().filter(e -> e.getLoggerName().equals(AuthThrottle.class.getName()))
          .findFirst().orElseThrow(() -> new AssertionError("nothing logged: " + logged.list));
      assertEquals(id, line.getMDCPropertyMap().get(Correlation.MDC_KEY), line.getFormattedMessage());
    } finally {
      stopListening(logged);
    }
  }

  @Test
  void aLineLoggedByBlockingWorkOnAWorkerThreadAndByItsAnswerCarriesTheCorrelationId() throws Exception {
    ListAppender<ILoggingEvent> logged = listen();
    Vertx vertx = Vertx.vertx();
    try {
      Router router = Router.router(vertx);
      router.route().handler(Correlation::assign);
      router.get("/work").handler(ctx -> Workers.respond(ctx, () -> {
        LOG.warn("working on {}", Thread.currentThread().getName());
        return "done";
      }, (c, result) -> {
        LOG.warn("answering {}", result);
        c.response().end(result);
      }));
      int port = vertx.createHttpServer().requestHandler(router).listen(0)
          .toCompletionStage().toCompletableFuture().join().actualPort();

      HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
          URI.create("http://127.0.0.1:" + port + "/work")).build(), HttpResponse.BodyHandlers.ofString());

      assertEquals("done", answer.body());
      String id = answer.headers().firstValue(Correlation.HEADER).orElseThrow();
      List<ILoggingEvent> lines = logged.list.stream()
          .filter(e -> e.getLoggerName().equals(CorrelationLogTest.class.getName())).toList();
      assertEquals(2, lines.size(), lines.toString());
      assertTrue(lines.get(0).getThreadName().contains("worker"), lines.get(0).getThreadName());
      for (ILoggingEvent line : lines) {
        assertEquals(id, line.getMDCPropertyMap().get(Correlation.MDC_KEY), line.getFormattedMessage());
      }
      assertEquals(null, MDC.get(Correlation.MDC_KEY), "the test thread's MDC is untouched");
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().join();
      stopListening(logged);
    }
  }

  @Test
  void theServersLogLineIsJsonWithTimeLevelLoggerThreadMessageCorrelationIdAndError()
      throws JoranException, IOException {
    LoggerContext context = new LoggerContext();
    JoranConfigurator configurator = new JoranConfigurator();
    configurator.setContext(context);
    configurator.doConfigure(CorrelationLogTest.class.getResource("/logback.xml"));
    Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    OutputStreamAppender<ILoggingEvent> stderr = (OutputStreamAppender<ILoggingEvent>) root.getAppender("STDERR");
    LoggingEvent event = new LoggingEvent("x", root, Level.ERROR, "unexpected failure on {}",
        new IllegalStateException("broken"), new Object[] {"GET /x"});
    event.setTimeStamp(1_700_000_000_123L);
    event.setThreadName("vert.x-eventloop-thread-1");
    event.setMDCPropertyMap(Map.of(Correlation.MDC_KEY, "4b5d8c1e-0000-4000-8000-000000000001"));

    String text = new String(stderr.getEncoder().encode(event), StandardCharsets.UTF_8);
    context.stop();

    assertTrue(text.endsWith("\n") && text.indexOf('\n') == text.length() - 1, text);
    JsonObject line = new JsonObject(text);
    assertEquals("2023-11-14T22:13:20.123Z", line.getString("time"));
    assertEquals("ERROR", line.getString("level"));
    assertEquals(Logger.ROOT_LOGGER_NAME, line.getString("logger"));
    assertEquals("vert.x-eventloop-thread-1", line.getString("thread"));
    assertEquals("unexpected failure on GET /x", line.getString("message"));
    assertEquals("4b5d8c1e-0000-4000-8000-000000000001", line.getString("correlationId"));
    assertTrue(line.getString("error").startsWith("java.lang.IllegalStateException: broken"), text);
  }

  private static ListAppender<ILoggingEvent> listen() {
    ListAppender<ILoggingEvent> logged = new ListAppender<>();
    logged.start();
    root().addAppender(logged);
    return logged;
  }

  private static void stopListening(ListAppender<ILoggingEvent> logged) {
    root().detachAppender(logged);
  }

  private static Logger root() {
    return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  }
}
