package org.smtpwatch.agent.probe;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.smtpwatch.agent.ocsp.OcspReport;
import org.smtpwatch.agent.smtp.EhloCapabilities;
import org.smtpwatch.agent.tls.CertificateDetails;
import org.smtpwatch.agent.tls.TlsSession;
import org.smtpwatch.config.Endpoint;
import org.smtpwatch.config.Mode;

/**
 * Everything one probe learned, immutable. A failed probe still carries every phase it completed
 * and whatever it saw before failing (greeting, capabilities, certificate).
 *
 * @param address the IP address connected to, or {@code null} if resolution failed
 * @param startedAt wall-clock start, for "last run" timestamps
 * @param duration whole-probe time on the monotonic clock
 * @param phases completed phases in the order they ran
 * @param failure {@code null} when the probe met the endpoint's policy
 * @param greetingCode the greeting's reply code, or {@code null} if none was read
 * @param banner the text of the greeting's first line after the code, or {@code null}
 * @param ehlo capabilities from the last EHLO (after TLS where TLS was used), or {@code null}
 * @param startTlsOffered EHLO on the plaintext channel offered STARTTLS
 * @param authBeforeTls AUTH was offered on the plaintext channel
 * @param tls the negotiated version and cipher, or {@code null} if none was agreed (a handshake
 *     refused for its certificate still reports them)
 * @param certificate the leaf certificate, or {@code null} if none was presented
 * @param auth authenticated submission outcome, or {@code null} without credentials
 * @param ocsp stapled and queried OCSP status of the leaf, or {@code null} if no certificate was
 *     seen
 */
public record ProbeResult(
    Endpoint endpoint,
    String address,
    Instant startedAt,
    Duration duration,
    List<PhaseTiming> phases,
    Failure failure,
    Integer greetingCode,
    String banner,
    EhloCapabilities ehlo,
    boolean startTlsOffered,
    boolean authBeforeTls,
    TlsSession tls,
    CertificateDetails certificate,
    AuthResult auth,
    OcspReport ocsp) {

  public ProbeResult {
    phases = List.copyOf(phases);
  }

  public boolean success() {
    return failure == null;
  }

  /**
   * Whether EHLO was answered on a plaintext channel, so {@link #startTlsOffered()} and {@link
   * #authBeforeTls()} are facts rather than defaults. False in mode {@code tls}, which has no
   * plaintext channel, and for a probe that failed before its first EHLO.
   */
  public boolean plaintextEhloCompleted() {
    return endpoint.mode() != Mode.TLS && phaseDuration(Phase.EHLO).isPresent();
  }

  public Optional<Duration> phaseDuration(Phase phase) {
    return phases.stream()
        .filter(timing -> timing.phase() == phase)
        .map(PhaseTiming::duration)
        .findFirst();
  }
}
