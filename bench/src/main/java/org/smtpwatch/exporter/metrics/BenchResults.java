package org.smtpwatch.exporter.metrics;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.smtpwatch.agent.probe.Phase;
import org.smtpwatch.agent.probe.ProbeResult;
import org.smtpwatch.agent.schedule.ReloadStatus;
import org.smtpwatch.agent.schedule.ResultStore;
import org.smtpwatch.agent.smtp.EhloCapabilities;
import org.smtpwatch.agent.smtp.EhloParser;
import org.smtpwatch.agent.smtp.ReadTimeout;
import org.smtpwatch.agent.smtp.SmtpReplyReader;
import org.smtpwatch.agent.testkit.ProbeResultBuilder;
import org.smtpwatch.agent.testkit.TestEndpoints;
import org.smtpwatch.agent.tls.CertificateDetails;
import org.smtpwatch.config.Endpoint;
import org.smtpwatch.config.Mode;
import org.smtpwatch.exporter.BuildInfo;

/**
 * A result store as a fleet of successful STARTTLS endpoints leaves it: every phase timed, a
 * Postfix-like EHLO, TLS 1.3 and a certificate, so every per-endpoint family has its series.
 */
final class BenchResults {

  private static final EhloCapabilities EHLO = ehlo();

  private BenchResults() {}

  static ResultStore store(int endpoints, Instant now) {
    ResultStore store = new ResultStore();
    for (Endpoint endpoint : endpoints(endpoints)) {
      store.register(endpoint);
      store.record(result(endpoint, now));
    }
    return store;
  }

  /** Metrics watching {@code store}, as {@code /metrics} of an agent holding it renders them. */
  static ExporterMetrics watched(ResultStore store, Instant now) {
    ExporterMetrics metrics = new ExporterMetrics(new BuildInfo("0.1.0", "17"), Clock.systemUTC());
    ReloadStatus reload = new ReloadStatus(true, now, now);
    metrics.watch(new WatchedAgent(store, () -> reload, () -> 0, () -> 64, List::of));
    return metrics;
  }

  /** A new result for each of {@code endpoints}, as their next scheduled probes leave it. */
  static void reprobe(ResultStore store, List<Endpoint> endpoints, Instant now) {
    for (Endpoint endpoint : endpoints) {
      store.record(result(endpoint, now));
    }
  }

  /** The store's endpoints, in the order {@link #store} registers them. */
  static List<Endpoint> endpoints(int endpoints) {
    List<Endpoint> all = new ArrayList<>();
    for (int i = 0; i < endpoints; i++) {
      String host = "127.77." + (i / 10 / 250) + "." + (i / 10 % 250 + 1);
      Endpoint endpoint =
          TestEndpoints.endpoint(
              host,
              10025 + i % 10,
              Mode.STARTTLS,
              TestEndpoints.tlsRequired(),
              Duration.ofSeconds(10));
      all.add(endpoint);
    }
    return all;
  }

  private static ProbeResult result(Endpoint endpoint, Instant now) {
    ProbeResultBuilder result =
        ProbeResultBuilder.of(endpoint)
            .address(endpoint.host())
            .startedAt(now)
            .duration(Duration.ofMillis(12))
            .greeting(220, "mail.example.com ESMTP Postfix (Debian/GNU)")
            .ehlo(EHLO)
            .startTlsOffered(true)
            .authBeforeTls(false)
            .tls("TLSv1.3", "TLS_AES_256_GCM_SHA384")
            .certificate(certificate(now));
    for (Phase phase : List.of(Phase.RESOLVE, Phase.CONNECT, Phase.BANNER, Phase.EHLO)) {
      result.phase(phase, Duration.ofMillis(1));
    }
    for (Phase phase : List.of(Phase.STARTTLS, Phase.TLS_HANDSHAKE, Phase.EHLO_TLS, Phase.QUIT)) {
      result.phase(phase, Duration.ofMillis(2));
    }
    return result.build();
  }

  private static CertificateDetails certificate(Instant now) {
    return new CertificateDetails(
        "CN=mail.example.com",
        "CN=Example CA",
        "1a2b3c4d",
        now.minus(Duration.ofDays(30)),
        now.plus(Duration.ofDays(60)),
        now.plus(Duration.ofDays(60)),
        true,
        true,
        "ab".repeat(32),
        List.of("mail.example.com"),
        "EC",
        256,
        "SHA256withECDSA",
        2,
        null);
  }

  private static EhloCapabilities ehlo() {
    String reply =
        "250-mail.example.com\r\n250-PIPELINING\r\n250-SIZE 52428800\r\n250-ETRN\r\n"
            + "250-AUTH PLAIN LOGIN\r\n250-ENHANCEDSTATUSCODES\r\n250-8BITMIME\r\n250 CHUNKING\r\n";
    try {
      return EhloParser.parse(
          new SmtpReplyReader(
                  new ByteArrayInputStream(reply.getBytes(StandardCharsets.US_ASCII)),
                  ReadTimeout.none())
              .read());
    } catch (IOException e) {
      throw new IllegalStateException("the EHLO reply is well formed", e);
    }
  }
}
