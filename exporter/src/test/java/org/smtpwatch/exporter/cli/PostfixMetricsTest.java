package org.smtpwatch.exporter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.smtpwatch.agent.probe.SmtpProber;
import org.smtpwatch.agent.testkit.TestCertificates;
import org.smtpwatch.agent.testkit.postfix.OpenSslClient;
import org.smtpwatch.agent.testkit.postfix.PostfixExtension;
import org.smtpwatch.agent.testkit.postfix.PostfixInstance;
import org.smtpwatch.agent.testkit.postfix.PostfixListener;
import org.smtpwatch.agent.testkit.postfix.PostfixOverrides;
import org.smtpwatch.config.Config;
import org.smtpwatch.config.ConfigError;
import org.smtpwatch.config.ConfigLoadResult;
import org.smtpwatch.config.ConfigLoader;
import org.smtpwatch.exporter.BuildInfo;
import org.smtpwatch.exporter.http.ExporterHttpServer;
import org.smtpwatch.exporter.http.ListenAddress;

/**
 * The exporter as {@code run} wires it, probing a real Postfix every second from a YAML config, and
 * {@code /metrics} following what the administrator does to the server: a certificate renewed with
 * one expiring in three days, the submission service stopped and started, TLS 1.3 switched off on
 * one listener.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PostfixMetricsTest {

  @RegisterExtension static final PostfixExtension POSTFIX = new PostfixExtension();

  /** Several probe intervals of one second. */
  private static final Duration WAIT = Duration.ofSeconds(20);

  @TempDir static Path dir;

  private static RunningExporter exporter;
  private static ExporterHttpServer http;
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @BeforeAll
  static void start() throws Exception {
    PostfixInstance postfix = POSTFIX.instance();
    exporter =
        RunningExporter.start(
            config(postfix),
            dir.resolve("smtpwatch.yml"),
            new SmtpProber(postfix.resolver()),
            ignored -> noReload(),
            BuildInfo.current(),
            Clock.systemUTC());
    http = exporter.serve(ListenAddress.parse("127.0.0.1:0"));
    for (PostfixListener listener : PostfixListener.values()) {
      awaitSample("smtp_probe_success", listener, 1.0);
    }
  }

  @AfterAll
  static void stop() {
    if (http != null) {
      http.close();
    }
    if (exporter != null) {
      exporter.agent().close();
      exporter.close();
    }
  }

  @Test
  @Order(1)
  void theExpiryMetricFollowsARenewedCertificateOnTheNextProbe() throws Exception {
    PostfixInstance postfix = POSTFIX.instance();
    Instant original = postfix.certificates().leaf().getNotAfter().toInstant();
    for (PostfixListener listener : PostfixListener.values()) {
      awaitSample("smtp_cert_not_after_timestamp_seconds", listener, original.getEpochSecond());
    }

    Instant inThreeDays = TestCertificates.now().plus(Duration.ofDays(3));
    postfix.replaceCertificate(
        postfix.authority().issue(postfix.certificateSpec().withNotAfter(inThreeDays)));

    for (PostfixListener listener : PostfixListener.values()) {
      awaitSample("smtp_cert_not_after_timestamp_seconds", listener, inThreeDays.getEpochSecond());
      Instant seenByOpenSsl =
          OpenSslClient.connect(
                  postfix.address(),
                  postfix.port(listener),
                  listener.mode(),
                  postfix.hostName(),
                  postfix.caFile())
              .certificate()
              .notAfter();
      assertThat(seenByOpenSsl).isEqualTo(inThreeDays);
    }
    awaitSample("smtp_probe_success", PostfixListener.SUBMISSION_587, 1.0);
  }

  @Test
  @Order(2)
  void theStoppedSubmissionServiceIsConnectRefusedUntilRestarted() throws Exception {
    PostfixInstance postfix = POSTFIX.instance();

    postfix.stopListener(PostfixListener.SUBMISSION_587);
    awaitSample("smtp_probe_success", PostfixListener.SUBMISSION_587, 0.0);
    awaitSample(
        "smtp_probe_failure_info",
        PostfixListener.SUBMISSION_587,
        Map.of("phase", "connect", "reason", "connect_refused"),
        1.0);
    awaitSample("smtp_probe_success", PostfixListener.SUBMISSIONS_465, 1.0);

    postfix.startListener(PostfixListener.SUBMISSION_587);
    awaitSample("smtp_probe_success", PostfixListener.SUBMISSION_587, 1.0);
    assertThat(lines("smtp_probe_failure_info", PostfixListener.SUBMISSION_587, Map.of()))
        .isEmpty();
  }

  @Test
  @Order(3)
  void theVersionMetricSaysTls12WhereTls13IsOff() throws Exception {
    PostfixInstance postfix = POSTFIX.instance();

    postfix.override(PostfixListener.SUBMISSION_2525, PostfixOverrides.tls12Only());
    try {
      awaitSample(
          "smtp_tls_version_info",
          PostfixListener.SUBMISSION_2525,
          Map.of("version", "TLSv1.2"),
          1.0);
      awaitSample(
          "smtp_tls_version_info",
          PostfixListener.SUBMISSION_587,
          Map.of("version", "TLSv1.3"),
          1.0);
    } finally {
      postfix.restoreListener(PostfixListener.SUBMISSION_2525);
    }
  }

  @Test
  @Order(4)
  void authOfferedBeforeTlsIsFlaggedInTheMetrics() throws Exception {
    PostfixInstance postfix = POSTFIX.instance();
    awaitSample("smtp_auth_before_tls", PostfixListener.SUBMISSION_2525, 0.0);

    postfix.override(PostfixListener.SUBMISSION_2525, PostfixOverrides.authBeforeTls());
    try {
      awaitSample("smtp_auth_before_tls", PostfixListener.SUBMISSION_2525, 1.0);
      awaitSample("smtp_starttls_offered", PostfixListener.SUBMISSION_2525, 1.0);
      awaitSample("smtp_auth_before_tls", PostfixListener.SUBMISSION_587, 0.0);
    } finally {
      postfix.restoreListener(PostfixListener.SUBMISSION_2525);
    }
  }

  private static Config config(PostfixInstance postfix) {
    StringBuilder yaml =
        new StringBuilder(
            String.join(
                "\n",
                "interval: 1s",
                "timeout: 900ms",
                "targets:",
                "  - host: " + postfix.hostName(),
                "    tls: {ca_file: " + postfix.caFile() + "}",
                "    ports:",
                ""));
    for (PostfixListener listener : PostfixListener.values()) {
      yaml.append("      - port: ")
          .append(postfix.port(listener))
          .append("\n        mode: ")
          .append(listener.mode().configName())
          .append("\n        tls: {required: true, verify: true}")
          .append("\n        labels: {shaped_like: \"")
          .append(listener.shapedLike())
          .append("\"}\n");
    }
    ConfigLoadResult result =
        new ConfigLoader(Map.<String, String>of()::get, () -> "probe.test")
            .parse(yaml.toString(), "smtpwatch.yml", dir);
    if (result instanceof ConfigLoadResult.Invalid invalid) {
      throw new AssertionError("test config invalid: " + invalid.errors() + "\n" + yaml);
    }
    return ((ConfigLoadResult.Loaded) result).config();
  }

  private static ConfigLoadResult noReload() {
    return new ConfigLoadResult.Invalid(
        List.of(new ConfigError("test", 0, 0, "", "this test does not reload its config")));
  }

  private static void awaitSample(String name, PostfixListener listener, double expected)
      throws Exception {
    awaitSample(name, listener, Map.of(), expected);
  }

  /** Scrapes {@code /metrics} until the listener's series of {@code name} has that value. */
  private static void awaitSample(
      String name, PostfixListener listener, Map<String, String> labels, double expected)
      throws Exception {
    long end = System.nanoTime() + WAIT.toNanos();
    List<String> last = lines(name, listener, labels);
    while (!(last.size() == 1 && value(last.get(0)) == expected)) {
      if (System.nanoTime() - end > 0) {
        throw new AssertionError(
            "after "
                + WAIT.toSeconds()
                + " s, "
                + name
                + labels
                + " of the "
                + listener
                + " listener is "
                + last
                + ", not "
                + expected
                + "\n"
                + POSTFIX.instance().log());
      }
      LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
      last = lines(name, listener, labels);
    }
  }

  /** The sample lines of {@code name} for one listener that carry every label in {@code labels}. */
  private static List<String> lines(
      String name, PostfixListener listener, Map<String, String> labels) throws Exception {
    List<String> wanted = new ArrayList<>();
    wanted.add("shaped_like=\"" + listener.shapedLike() + "\"");
    labels.forEach((label, value) -> wanted.add(label + "=\"" + value + "\""));
    return scrape()
        .lines()
        .filter(line -> line.startsWith(name + "{"))
        .filter(line -> wanted.stream().allMatch(line::contains))
        .toList();
  }

  private static double value(String line) {
    return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
  }

  private static String scrape() throws Exception {
    HttpResponse<String> response =
        CLIENT.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http.port() + "/metrics"))
                .timeout(Duration.ofSeconds(5))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    return response.body();
  }
}
