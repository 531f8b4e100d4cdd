package org.smtpwatch.exporter.cli.probe;

import static org.smtpwatch.exporter.cli.probe.ReportFormat.FIELD;
import static org.smtpwatch.exporter.cli.probe.ReportFormat.extensionCount;
import static org.smtpwatch.exporter.cli.probe.ReportFormat.extensions;
import static org.smtpwatch.exporter.cli.probe.ReportFormat.millis;
import static org.smtpwatch.exporter.cli.probe.ReportFormat.printable;
import static org.smtpwatch.exporter.cli.probe.ReportFormat.yesNo;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Formatter;
import java.util.List;
import org.smtpwatch.agent.probe.AuthResult;
import org.smtpwatch.agent.probe.Failure;
import org.smtpwatch.agent.probe.Phase;
import org.smtpwatch.agent.probe.PhaseTiming;
import org.smtpwatch.agent.probe.ProbeResult;
import org.smtpwatch.agent.probe.SendResult;
import org.smtpwatch.agent.tls.TlsSession;
import org.smtpwatch.config.Mode;

/**
 * The report {@code smtpwatch probe} prints for people: one line per phase with its time and what
 * the server said, the TLS session and certificate, the capabilities, and a verdict line last so it
 * is what stays on screen. No colours: the output is read in logs and pasted into tickets.
 */
public final class HumanReport {

  private static final String PHASE = "%-14s %10s  %s";

  private final CertificateReport certificateReport;
  private final RevocationReport revocationReport;

  public HumanReport(Clock clock) {
    this.certificateReport = new CertificateReport(clock);
    this.revocationReport = new RevocationReport(clock);
  }

  public String render(ProbeResult result) {
    StringBuilder text = new StringBuilder();
    try (Formatter out = new Formatter(text)) {
      phases(result, out);
      out.format("%n");
      tlsAndCertificate(result, out);
      capabilities(result, out);
      out.format("%s%n", verdict(result));
    }
    return text.toString();
  }

  private void phases(ProbeResult result, Formatter out) {
    for (PhaseTiming timing : result.phases()) {
      line(out, timing.phase().label(), millis(timing.duration()), reply(result, timing.phase()));
    }
    Failure failure = result.failure();
    if (failure != null && result.phaseDuration(failure.phase()).isEmpty()) {
      line(out, failure.phase().label(), "failed", failure.reason().label());
    }
  }

  private static void line(Formatter out, String phase, String time, String reply) {
    out.format("%s%n", String.format(PHASE, phase, time, reply).stripTrailing());
  }

  /** What the server answered in a completed phase, as far as the result tells. */
  private static String reply(ProbeResult result, Phase phase) {
    return switch (phase) {
      case CONNECT -> result.address() != null ? result.address() : "";
      case TLS_HANDSHAKE -> result.tls() != null ? tlsSummary(result) : "";
      case BANNER ->
          result.greetingCode() != null
              ? (result.greetingCode() + " " + printable(result.banner())).strip()
              : "";
      case EHLO -> plaintextEhlo(result);
      case STARTTLS -> "accepted";
      case EHLO_TLS -> result.ehlo() != null ? extensionCount(result.ehlo()) : "";
      case AUTH -> result.auth() != null ? auth(result.auth()) : "";
      default -> "";
    };
  }

  private static String tlsSummary(ProbeResult result) {
    TlsSession tls = result.tls();
    String openSsl = tls.openSslCipher();
    return tls.version()
        + " "
        + tls.cipher()
        + (openSsl.equals(tls.cipher()) ? "" : " (OpenSSL: " + openSsl + ")");
  }

  private static String plaintextEhlo(ProbeResult result) {
    List<String> parts = new ArrayList<>();
    if (result.endpoint().mode() == Mode.STARTTLS) {
      parts.add(result.startTlsOffered() ? "STARTTLS offered" : "STARTTLS not offered");
    }
    // After STARTTLS the capabilities in the result are the second EHLO's.
    if (result.phaseDuration(Phase.EHLO_TLS).isEmpty() && result.ehlo() != null) {
      parts.add(extensionCount(result.ehlo()));
    }
    return String.join(", ", parts);
  }

  private void tlsAndCertificate(ProbeResult result, Formatter out) {
    if (result.endpoint().mode() == Mode.PLAIN) {
      return;
    }
    out.format(FIELD, "tls", result.tls() != null ? tlsSummary(result) : "none");
    if (result.certificate() != null) {
      certificateReport.render(result.certificate(), out);
    } else {
      out.format(FIELD, "certificate", "none");
    }
    if (result.ocsp() != null) {
      revocationReport.render(result.ocsp(), out);
    }
  }

  private static void capabilities(ProbeResult result, Formatter out) {
    if (result.ehlo() != null) {
      out.format(FIELD, "ehlo extensions", extensions(result.ehlo()));
    }
    // With implicit TLS there is no plaintext channel to offer anything on.
    if (result.plaintextEhloCompleted()) {
      out.format(FIELD, "starttls offered", yesNo(result.startTlsOffered()));
      out.format(FIELD, "auth before tls", yesNo(result.authBeforeTls()));
    } else if (result.endpoint().mode() != Mode.TLS) {
      out.format(FIELD, "starttls offered", "unknown (no EHLO answered)");
      out.format(FIELD, "auth before tls", "unknown (no EHLO answered)");
    }
    if (result.auth() != null) {
      out.format(FIELD, "auth", auth(result.auth()));
      if (result.auth().send() != null) {
        out.format(FIELD, "send", send(result.auth().send()));
      }
      if (result.auth().plaintext()) {
        out.format("WARNING: the password was sent without TLS (allow_plaintext_auth is true)%n");
      }
    }
    if (result.authBeforeTls()) {
      out.format("WARNING: AUTH is offered before TLS; passwords can cross the network in clear%n");
    }
  }

  private static String send(SendResult send) {
    if (send.success()) {
      return "ok, " + printable(send.messageId()) + " accepted in " + millis(send.duration());
    }
    return "FAILED: " + printable(send.detail());
  }

  private static String auth(AuthResult auth) {
    String mechanism = auth.mechanism() != null ? auth.mechanism() : "no mechanism";
    String outcome =
        auth.duration() != null ? mechanism + " in " + millis(auth.duration()) : mechanism;
    if (auth.success()) {
      return "ok, " + outcome;
    }
    Failure failure = auth.failure();
    return failure != null
        ? "FAILED, "
            + outcome
            + ": "
            + failure.reason().label()
            + ": "
            + printable(failure.detail())
        : "FAILED, " + outcome;
  }

  /**
   * {@code OK mail.example.com:587 (starttls) in 123 ms} or {@code FAILED ... phase=starttls
   * reason=starttls_not_offered: detail}: the same words in logs, tickets and scripts.
   */
  public static String verdict(ProbeResult result) {
    String subject =
        result.endpoint().target()
            + " ("
            + result.endpoint().mode().configName()
            + ") in "
            + Math.round(result.duration().toNanos() / 1_000_000.0)
            + " ms";
    Failure failure = result.failure();
    if (failure == null) {
      return "OK " + subject;
    }
    return "FAILED "
        + subject
        + " phase="
        + failure.phase().label()
        + " reason="
        + failure.reason().label()
        + ": "
        + printable(failure.detail());
  }
}
