package org.smtpwatch.agent.probe;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.smtpwatch.agent.ocsp.OcspReport;
import org.smtpwatch.agent.ocsp.OcspResult;
import org.smtpwatch.agent.ocsp.OcspSubject;
import org.smtpwatch.agent.smtp.EhloCapabilities;
import org.smtpwatch.agent.smtp.SmtpReply;
import org.smtpwatch.agent.tls.CertificateDetails;
import org.smtpwatch.agent.tls.TlsSession;
import org.smtpwatch.config.Endpoint;

/**
 * What one probe has learned so far. Filled in as phases complete, so a probe that fails later
 * still reports the greeting, capabilities and certificate it saw. Confined to the probe's thread.
 */
final class ProbeFindings {

  private final List<PhaseTiming> phases = new ArrayList<>();
  private Phase currentPhase = Phase.RESOLVE;
  private String address;
  private Integer greetingCode;
  private String banner;
  private EhloCapabilities ehlo;
  private boolean startTlsOffered;
  private boolean authBeforeTls;
  private TlsSession tls;
  private CertificateDetails certificate;
  private AuthResult auth;
  private OcspSubject ocspSubject;
  private OcspResult stapledOcsp;

  /** Marks the phase now running, so an unexpected error can still name where it happened. */
  void begin(Phase phase) {
    currentPhase = phase;
  }

  void completed(Phase phase, long nanos) {
    phases.add(new PhaseTiming(phase, Duration.ofNanos(nanos)));
  }

  Phase currentPhase() {
    return currentPhase;
  }

  void address(String address) {
    this.address = address;
  }

  // The banner is the greeting's first line: the server's identity. Later lines vary with state
  // (postscreen repeats the first line only to clients it does not know yet), and a banner that
  // changed with them would flip the banner series between two values.
  void greeting(SmtpReply reply) {
    greetingCode = reply.code();
    banner = reply.lines().isEmpty() ? "" : reply.lines().get(0).strip();
  }

  /** Capabilities from EHLO on the channel before any TLS. */
  void plaintextEhlo(EhloCapabilities capabilities) {
    ehlo = capabilities;
    startTlsOffered = capabilities.offersStartTls();
    authBeforeTls = capabilities.offersAuth();
  }

  /** Capabilities from EHLO over TLS. */
  void encryptedEhlo(EhloCapabilities capabilities) {
    ehlo = capabilities;
  }

  /**
   * RFC 3207 section 4.2: after STARTTLS the client must forget what the server said before; the
   * plaintext facts survive only as {@code startTlsOffered} and {@code authBeforeTls}.
   */
  void discardPlaintextEhlo() {
    ehlo = null;
  }

  void tls(TlsSession session, CertificateDetails certificate) {
    this.tls = session;
    if (certificate != null) {
      this.certificate = certificate;
    }
  }

  /** The login's outcome; a successful login also counts as the {@code auth} phase. */
  void auth(AuthResult result) {
    auth = result;
    if (result.success()) {
      phases.add(new PhaseTiming(Phase.AUTH, result.duration()));
    }
  }

  String address() {
    return address;
  }

  boolean startTlsOffered() {
    return startTlsOffered;
  }

  boolean authBeforeTls() {
    return authBeforeTls;
  }

  /** The certificate to ask about and what the server stapled; the last handshake's wins. */
  void ocsp(OcspSubject subject, OcspResult stapled) {
    if (subject != null) {
      this.ocspSubject = subject;
      this.stapledOcsp = stapled;
    }
  }

  /** The leaf and issuer of the last certificate seen, or {@code null}. */
  OcspSubject ocspSubject() {
    return ocspSubject;
  }

  OcspResult stapledOcsp() {
    return stapledOcsp;
  }

  ProbeResult toResult(
      Endpoint endpoint, Instant startedAt, Duration duration, Failure failure, OcspReport ocsp) {
    return new ProbeResult(
        endpoint,
        address,
        startedAt,
        duration,
        phases,
        failure,
        greetingCode,
        banner,
        ehlo,
        startTlsOffered,
        authBeforeTls,
        tls,
        certificate,
        auth,
        ocsp);
  }
}
