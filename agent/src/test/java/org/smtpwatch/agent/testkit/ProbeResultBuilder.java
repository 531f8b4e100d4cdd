package org.smtpwatch.agent.testkit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.smtpwatch.agent.ocsp.OcspReport;
import org.smtpwatch.agent.probe.AuthResult;
import org.smtpwatch.agent.probe.Failure;
import org.smtpwatch.agent.probe.FailureReason;
import org.smtpwatch.agent.probe.Phase;
import org.smtpwatch.agent.probe.PhaseTiming;
import org.smtpwatch.agent.probe.ProbeResult;
import org.smtpwatch.agent.smtp.EhloCapabilities;
import org.smtpwatch.agent.tls.CertificateDetails;
import org.smtpwatch.agent.tls.TlsSession;
import org.smtpwatch.config.Endpoint;

/**
 * Builds a {@link ProbeResult} field by field, so fixtures name only what they care about. Every
 * field a fixture leaves out stays as a probe that learned nothing would report it: no address, no
 * phases, no failure, no greeting, no TLS, no certificate, no login, zero duration.
 */
public final class ProbeResultBuilder {

  private final Endpoint endpoint;
  private String address;
  private Instant startedAt = Instant.EPOCH;
  private Duration duration = Duration.ZERO;
  private final List<PhaseTiming> phases = new ArrayList<>();
  private Failure failure;
  private Integer greetingCode;
  private String banner;
  private EhloCapabilities ehlo;
  private boolean startTlsOffered;
  private boolean authBeforeTls;
  private TlsSession tls;
  private CertificateDetails certificate;
  private AuthResult auth;
  private OcspReport ocsp;

  private ProbeResultBuilder(Endpoint endpoint) {
    this.endpoint = endpoint;
  }

  public static ProbeResultBuilder of(Endpoint endpoint) {
    return new ProbeResultBuilder(endpoint);
  }

  /** A builder holding every field of {@code result}, to vary one of them. */
  public static ProbeResultBuilder from(ProbeResult result) {
    ProbeResultBuilder builder =
        of(result.endpoint())
            .address(result.address())
            .startedAt(result.startedAt())
            .duration(result.duration())
            .failure(result.failure())
            .greeting(result.greetingCode(), result.banner())
            .ehlo(result.ehlo())
            .startTlsOffered(result.startTlsOffered())
            .authBeforeTls(result.authBeforeTls())
            .tls(result.tls())
            .certificate(result.certificate())
            .auth(result.auth())
            .ocsp(result.ocsp());
    builder.phases.addAll(result.phases());
    return builder;
  }

  public ProbeResultBuilder address(String address) {
    this.address = address;
    return this;
  }

  public ProbeResultBuilder startedAt(Instant startedAt) {
    this.startedAt = startedAt;
    return this;
  }

  public ProbeResultBuilder duration(Duration duration) {
    this.duration = duration;
    return this;
  }

  /** Appends a completed phase; call in the order the phases ran. */
  public ProbeResultBuilder phase(Phase phase, Duration took) {
    phases.add(new PhaseTiming(phase, took));
    return this;
  }

  public ProbeResultBuilder phase(Phase phase, long nanos) {
    return phase(phase, Duration.ofNanos(nanos));
  }

  public ProbeResultBuilder failure(Failure failure) {
    this.failure = failure;
    return this;
  }

  public ProbeResultBuilder failure(Phase phase, FailureReason reason, String detail) {
    return failure(new Failure(phase, reason, detail));
  }

  public ProbeResultBuilder greeting(Integer code, String banner) {
    this.greetingCode = code;
    this.banner = banner;
    return this;
  }

  public ProbeResultBuilder ehlo(EhloCapabilities ehlo) {
    this.ehlo = ehlo;
    return this;
  }

  public ProbeResultBuilder startTlsOffered(boolean startTlsOffered) {
    this.startTlsOffered = startTlsOffered;
    return this;
  }

  public ProbeResultBuilder authBeforeTls(boolean authBeforeTls) {
    this.authBeforeTls = authBeforeTls;
    return this;
  }

  public ProbeResultBuilder tls(TlsSession tls) {
    this.tls = tls;
    return this;
  }

  public ProbeResultBuilder tls(String version, String cipher) {
    return tls(new TlsSession(version, cipher));
  }

  public ProbeResultBuilder certificate(CertificateDetails certificate) {
    this.certificate = certificate;
    return this;
  }

  public ProbeResultBuilder auth(AuthResult auth) {
    this.auth = auth;
    return this;
  }

  public ProbeResultBuilder ocsp(OcspReport ocsp) {
    this.ocsp = ocsp;
    return this;
  }

  public ProbeResult build() {
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
