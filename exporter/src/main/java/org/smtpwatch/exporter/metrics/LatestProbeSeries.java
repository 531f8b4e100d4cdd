package org.smtpwatch.exporter.metrics;

import static org.smtpwatch.exporter.metrics.SmtpFamilies.AUTH_BEFORE_TLS;
import static org.smtpwatch.exporter.metrics.SmtpFamilies.AUTH_DURATION;
import static org.smtpwatch.exporter.metrics.SmtpFamilies.AUTH_PLAINTEXT;
import static org.smtpwatch.exporter.metrics.SmtpFamilies.AUTH_SUCCESS;
import static org.smtpwatch.exporter.metrics.SmtpFamilies.BANNER;
import static org.smtpwatch.exporter.metrics.SmtpFamilies.DURATION;
import static org.smtpwatch.exporter.metrics.SmtpFamilies.EHLO_EXTENSION;
import static org.smtpwatch.exporter.metrics.SmtpFamilies.FAILURE;
import static org.smtpwatch.exporter.metrics.SmtpFamilies.GREETING_CODE;
import static org.smtpwatch.exporter.metrics.SmtpFamilies.PHASE_DURATION;
import static org.smtpwatch.exporter.metrics.SmtpFamilies.SEND_DURATION;
import static org.smtpwatch.exporter.metrics.SmtpFamilies.SEND_SUCCESS;
import static org.smtpwatch.exporter.metrics.SmtpFamilies.SIZE_LIMIT;
import static org.smtpwatch.exporter.metrics.SmtpFamilies.STARTTLS_OFFERED;
import static org.smtpwatch.exporter.metrics.SmtpFamilies.SUCCESS;

import java.time.Duration;
import org.smtpwatch.agent.probe.AuthResult;
import org.smtpwatch.agent.probe.PhaseTiming;
import org.smtpwatch.agent.probe.ProbeResult;
import org.smtpwatch.agent.probe.SendResult;
import org.smtpwatch.agent.smtp.EhloCapabilities;
import org.smtpwatch.config.Endpoint;

/**
 * The series that describe one endpoint's latest probe: outcome, timings, what the server said, TLS
 * and certificate. Used for {@code /metrics} (every endpoint) and {@code /probe} (one result), so
 * both show the same series for the same result.
 */
final class LatestProbeSeries {

  private final BannerNormalizer banners;
  private final CertificateSeries certificates = new CertificateSeries();
  private final OcspSeries ocsp = new OcspSeries();

  LatestProbeSeries(BannerNormalizer banners) {
    this.banners = banners;
  }

  /**
   * @param endpoint the endpoint as configured now, for its labels (a reload may have changed them
   *     since {@code result} was taken)
   */
  void write(Endpoint endpoint, ProbeResult result, FamilySnapshots out) {
    write(endpoint, new EndpointLabels(endpoint), result, out);
  }

  /** As {@link #write(Endpoint, ProbeResult, FamilySnapshots)}, with the endpoint's labels. */
  void write(Endpoint endpoint, EndpointLabels labels, ProbeResult result, FamilySnapshots out) {
    out.gauge(SUCCESS, labels.plain(), result.success() ? 1 : 0);
    out.gauge(DURATION, labels.plain(), seconds(result.duration()));
    for (PhaseTiming timing : result.phases()) {
      out.gauge(
          PHASE_DURATION, labels.with("phase", timing.phase().label()), seconds(timing.duration()));
    }
    if (!result.success()) {
      out.info(
          FAILURE,
          labels.with(
              "phase", result.failure().phase().label(),
              "reason", result.failure().reason().label()));
    }
    writeGreeting(endpoint, result, labels, out);
    writeEhlo(result, labels, out);
    certificates.write(result, labels, out);
    ocsp.write(result, labels, out);
    writeAuth(result.auth(), labels, out);
  }

  private void writeGreeting(
      Endpoint endpoint, ProbeResult result, EndpointLabels labels, FamilySnapshots out) {
    if (result.greetingCode() != null) {
      out.gauge(GREETING_CODE, labels.plain(), result.greetingCode());
    }
    if (result.banner() != null) {
      String banner = banners.normalize(result.banner(), endpoint.bannerPattern());
      out.info(BANNER, labels.with("banner", banner));
    }
  }

  private static void writeEhlo(ProbeResult result, EndpointLabels labels, FamilySnapshots out) {
    // Facts about the plaintext channel: unknown (absent, not 0) until EHLO was answered there,
    // and absent with implicit TLS, which has no plaintext channel (as in probe --json).
    if (result.plaintextEhloCompleted()) {
      out.gauge(STARTTLS_OFFERED, labels.plain(), result.startTlsOffered() ? 1 : 0);
      out.gauge(AUTH_BEFORE_TLS, labels.plain(), result.authBeforeTls() ? 1 : 0);
    }
    EhloCapabilities ehlo = result.ehlo();
    if (ehlo == null) {
      return;
    }
    for (String keyword : ehlo.keywords()) {
      out.info(EHLO_EXTENSION, labels.with("extension", keyword));
    }
    ehlo.sizeLimit().ifPresent(limit -> out.gauge(SIZE_LIMIT, labels.plain(), limit));
  }

  private static void writeAuth(AuthResult auth, EndpointLabels labels, FamilySnapshots out) {
    if (auth == null) {
      return;
    }
    out.gauge(AUTH_SUCCESS, labels.plain(), auth.success() ? 1 : 0);
    if (auth.duration() != null) {
      out.gauge(AUTH_DURATION, labels.plain(), seconds(auth.duration()));
    }
    out.gauge(AUTH_PLAINTEXT, labels.plain(), auth.plaintext() ? 1 : 0);
    SendResult send = auth.send();
    if (send != null) {
      out.gauge(SEND_SUCCESS, labels.plain(), send.success() ? 1 : 0);
      out.gauge(SEND_DURATION, labels.plain(), seconds(send.duration()));
    }
  }

  static double seconds(Duration duration) {
    return duration.toNanos() / 1e9;
  }
}
