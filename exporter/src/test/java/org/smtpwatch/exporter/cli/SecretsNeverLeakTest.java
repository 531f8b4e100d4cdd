package org.smtpwatch.exporter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.smtpwatch.agent.probe.SmtpProber;
import org.smtpwatch.agent.testkit.TestCertificates;
import org.smtpwatch.config.Config;
import org.smtpwatch.config.ConfigLoadResult;
import org.smtpwatch.config.ConfigLoader;
import org.smtpwatch.exporter.BuildInfo;
import org.smtpwatch.exporter.http.ExporterHttpServer;
import org.smtpwatch.exporter.http.ListenAddress;
import org.subethamail.smtp.auth.EasyAuthenticationHandlerFactory;
import org.subethamail.smtp.auth.LoginFailedException;
import org.subethamail.smtp.server.SMTPServer;

/**
 * Runs logins (accepted and refused) with a distinctive password through every way smtpwatch
 * speaks: the daemon's logs, /metrics, the status page and /probe, and the probe command's report,
 * JSON and transcript. None may contain the password, plainly or base64-encoded as AUTH sends it.
 */
class SecretsNeverLeakTest {

  private static final String USER = "monitor@smtpwatch.test";
  private static final String PASSWORD = "Vx3-leak-canary-71qQ";
  private static final Duration WAIT = Duration.ofSeconds(30);

  @TempDir Path dir;

  private final List<SMTPServer> servers = new ArrayList<>();
  private final List<String> logs = new CopyOnWriteArrayList<>();
  private final TestCertificates certificates = TestCertificates.forLocalhost();
  private RunningExporter exporter;
  private ExporterHttpServer http;

  @AfterEach
  void stop() {
    if (http != null) {
      http.close();
    }
    if (exporter != null) {
      exporter.agent().close();
      exporter.close();
    }
    servers.forEach(SMTPServer::stop);
  }

  @Test
  void thePasswordAppearsNowhere() throws Exception {
    int accepting = start(true);
    int refusing = start(false);
    Path caFile = certificates.writeCaPem(dir);
    Path passwordFile = Files.writeString(dir.resolve("monitor.pass"), PASSWORD + "\n");
    Files.setPosixFilePermissions(passwordFile, PosixFilePermissions.fromString("rw-------"));
    List<String> outputs = new ArrayList<>();

    try (LogLines ignored = new LogLines(logs)) {
      outputs.addAll(daemonOutputs(config(accepting, refusing, caFile, passwordFile), accepting));
      for (int port : new int[] {accepting, refusing}) {
        for (String format : new String[] {"--json", "--timeout=10s"}) {
          outputs.add(
              probeCommand(
                  "127.0.0.1:" + port,
                  "--mode=starttls",
                  "--ca-file=" + caFile,
                  "--user=" + USER,
                  "--password-file=" + passwordFile,
                  "--transcript",
                  format));
        }
      }
    }
    outputs.add(String.join("\n", logs));

    String all = String.join("\n----\n", outputs);
    // Proof that logins really ran, both ways, so an empty output cannot pass.
    assertThat(all)
        .contains(
            "smtp_auth_success{host=\"127.0.0.1\",mode=\"starttls\",port=\"" + accepting + "\"} 1")
        .contains(
            "smtp_auth_success{host=\"127.0.0.1\",mode=\"starttls\",port=\"" + refusing + "\"} 0")
        .contains("login succeeded with PLAIN")
        .contains("the server refused the login: 535");
    for (String secret : secretForms()) {
      assertThat(all).as("output contains the password as %s", secret).doesNotContain(secret);
    }
  }

  private static List<String> secretForms() {
    Base64.Encoder base64 = Base64.getEncoder();
    return List.of(
        PASSWORD,
        "leak-canary",
        base64.encodeToString(PASSWORD.getBytes(StandardCharsets.UTF_8)),
        base64.encodeToString(("\0" + USER + "\0" + PASSWORD).getBytes(StandardCharsets.UTF_8)),
        base64.encodeToString(
            (USER + "\0" + USER + "\0" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
  }

  private List<String> daemonOutputs(Config config, int accepting) throws Exception {
    exporter =
        RunningExporter.start(
            config,
            config.source(),
            new SmtpProber(),
            file -> new ConfigLoadResult.Invalid(List.of()),
            BuildInfo.current(),
            Clock.systemUTC());
    http = exporter.serve(ListenAddress.parse("127.0.0.1:0"));
    HttpClient client = HttpClient.newBuilder().connectTimeout(WAIT).build();
    String metrics = awaitMetrics(client, "smtp_send_success", 2);
    return List.of(
        metrics,
        get(client, "/"),
        get(client, "/probe?target=127.0.0.1:" + accepting),
        get(client, "/metrics"));
  }

  /** Polls /metrics until {@code family} has {@code count} series, within {@link #WAIT}. */
  private String awaitMetrics(HttpClient client, String family, int count) throws Exception {
    long end = System.nanoTime() + WAIT.toNanos();
    String metrics = "";
    while (System.nanoTime() - end < 0) {
      metrics = get(client, "/metrics");
      if (metrics.lines().filter(line -> line.startsWith(family + "{")).count() == count) {
        return metrics;
      }
      java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
    }
    throw new AssertionError(
        "no " + count + " " + family + " series within " + WAIT + ":\n" + metrics);
  }

  private String get(HttpClient client, String path) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http.port() + path))
            .timeout(WAIT)
            .build();
    return client.send(request, HttpResponse.BodyHandlers.ofString()).body();
  }

  private Config config(int accepting, int refusing, Path caFile, Path passwordFile)
      throws Exception {
    String endpoint =
        """
              - port: %d
                mode: starttls
                tls: {ca_file: %s}
                auth: {username: %s, password_file: %s}
                send: {from: %s, to: sink@smtpwatch.test}
        """;
    String yaml =
        "listen: \"127.0.0.1:10785\"\ninterval: 3s\ntimeout: 2500ms\ntargets:\n  - host: 127.0.0.1\n"
            + "    ports:\n"
            + endpoint.formatted(accepting, caFile, USER, passwordFile, USER)
            + endpoint.formatted(refusing, caFile, USER, passwordFile, USER);
    Path file = Files.writeString(dir.resolve("smtpwatch.yml"), yaml);
    ConfigLoadResult loaded = new ConfigLoader(System::getenv, () -> "probe.test").load(file);
    assertThat(loaded).isInstanceOf(ConfigLoadResult.Loaded.class);
    return ((ConfigLoadResult.Loaded) loaded).config();
  }

  private String probeCommand(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    new ProbeCommand(
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            new SmtpProber(),
            Clock.systemUTC())
        .run(List.of(args));
    return out.toString(StandardCharsets.UTF_8) + "\n" + err.toString(StandardCharsets.UTF_8);
  }

  private int start(boolean acceptsThePassword) {
    SMTPServer server =
        SMTPServer.port(0)
            .bindAddress(InetAddress.getLoopbackAddress())
            .hostName("localhost")
            .messageHandler((context, from, to, data) -> {})
            .enableTLS()
            .requireTLS()
            .startTlsSocketFactory(certificates.serverContext())
            .authenticationHandlerFactory(
                new EasyAuthenticationHandlerFactory(
                    (user, password, context) -> {
                      if (!acceptsThePassword || !PASSWORD.equals(password)) {
                        throw new LoginFailedException();
                      }
                    }))
            .build();
    server.start();
    servers.add(server);
    return server.getPortAllocated();
  }

  /**
   * Everything smtpwatch logs (at DEBUG), and everything Angus Mail logs through java.util.logging
   * at its finest level, which includes its protocol trace.
   */
  private static final class LogLines implements AutoCloseable {
    private final Logger smtpwatch = (Logger) LoggerFactory.getLogger("org.smtpwatch");
    private final Level levelBefore = smtpwatch.getLevel();
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final java.util.logging.Logger angus =
        java.util.logging.Logger.getLogger("org.eclipse.angus");
    private final java.util.logging.Level angusBefore = angus.getLevel();
    private final Handler handler;
    private final List<String> into;

    LogLines(List<String> into) {
      this.into = into;
      smtpwatch.setLevel(Level.DEBUG);
      appender.start();
      smtpwatch.addAppender(appender);
      handler =
          new Handler() {
            @Override
            public void publish(LogRecord record) {
              into.add(new java.util.logging.SimpleFormatter().formatMessage(record));
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
          };
      handler.setLevel(java.util.logging.Level.ALL);
      angus.setLevel(java.util.logging.Level.ALL);
      angus.addHandler(handler);
    }

    @Override
    public void close() {
      smtpwatch.detachAppender(appender);
      smtpwatch.setLevel(levelBefore);
      appender.list.forEach(event -> into.add(event.getFormattedMessage() + " " + thrown(event)));
      appender.stop();
      angus.removeHandler(handler);
      angus.setLevel(angusBefore);
    }

    private static String thrown(ILoggingEvent event) {
      return event.getThrowableProxy() == null ? "" : event.getThrowableProxy().getMessage();
    }
  }
}
