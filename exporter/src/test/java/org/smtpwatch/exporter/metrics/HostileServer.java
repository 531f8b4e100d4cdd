package org.smtpwatch.exporter.metrics;

import java.time.Duration;
import java.util.function.Supplier;
import org.smtpwatch.agent.probe.FailureReason;
import org.smtpwatch.agent.probe.Phase;
import org.smtpwatch.agent.testkit.Script;
import org.smtpwatch.config.Mode;
import org.smtpwatch.config.TlsPolicy;

/**
 * One misbehaving server of the catalogue and what the probe must make of it.
 *
 * @param name what the server does, as the test report shows it
 * @param script built when the case runs, so certificates are generated only for the cases run
 * @param phase the failed phase, or {@code null} when the probe must succeed despite the server
 * @param reason the failure reason, or {@code null} with a {@code null} phase
 * @param detail a part of the failure detail (empty when any detail will do)
 */
record HostileServer(
    String name,
    Mode mode,
    TlsPolicy tls,
    Duration timeout,
    Supplier<Script> script,
    Phase phase,
    FailureReason reason,
    String detail) {

  static final Duration TIMEOUT = Duration.ofSeconds(1);

  static HostileServer failing(
      String name, Mode mode, Script script, Phase phase, FailureReason reason, String detail) {
    return new HostileServer(
        name, mode, tlsFor(mode), TIMEOUT, () -> script, phase, reason, detail);
  }

  static HostileServer succeeding(String name, Mode mode, Script script) {
    return new HostileServer(name, mode, tlsFor(mode), TIMEOUT, () -> script, null, null, "");
  }

  HostileServer withTimeout(Duration longer) {
    return new HostileServer(name, mode, tls, longer, script, phase, reason, detail);
  }

  /**
   * TLS required (outside plain mode) but the certificate not verified: the test CA is nobody's
   * trust anchor, and these cases are about the wire, not about trust.
   */
  static TlsPolicy tlsFor(Mode mode) {
    return new TlsPolicy(mode != Mode.PLAIN, false, null, null, null);
  }

  @Override
  public String toString() {
    return name;
  }
}
