package org.smtpwatch.exporter.metrics;

import static org.smtpwatch.agent.probe.FailureReason.CONNECTION_CLOSED;
import static org.smtpwatch.agent.probe.FailureReason.MODE_MISMATCH;
import static org.smtpwatch.agent.probe.FailureReason.PROTOCOL;
import static org.smtpwatch.agent.probe.FailureReason.TIMEOUT;
import static org.smtpwatch.agent.probe.FailureReason.TLS_HANDSHAKE;
import static org.smtpwatch.agent.testkit.Script.script;
import static org.smtpwatch.exporter.metrics.HostileServer.failing;
import static org.smtpwatch.exporter.metrics.HostileServer.tlsFor;
import static org.smtpwatch.exporter.metrics.HostileSmtpServers.greeted;

import java.util.List;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import javax.net.ssl.SSLContext;
import org.smtpwatch.agent.probe.FailureReason;
import org.smtpwatch.agent.probe.Phase;
import org.smtpwatch.agent.testkit.Script;
import org.smtpwatch.agent.testkit.TestCertificateAuthority;
import org.smtpwatch.agent.testkit.TestCertificates;
import org.smtpwatch.agent.tls.issue.CertificateSpec;
import org.smtpwatch.config.Mode;

/** Servers that break STARTTLS and TLS: alerts, stalls, plaintext, monstrous certificates. */
final class HostileTlsServers {

  /** A fatal handshake_failure alert record, TLS 1.2 framing. */
  private static final byte[] FATAL_ALERT = {0x15, 0x03, 0x03, 0x00, 0x02, 0x02, 0x28};

  static final int CHAIN_LENGTH = 300;
  static final int SAN_COUNT = 2000;

  private HostileTlsServers() {}

  static List<HostileServer> all() {
    return List.of(
        failing(
            "STARTTLS accepted, then plaintext",
            Mode.STARTTLS,
            startTlsReady()
                .receiveAnything()
                .send("250 plaintext, not TLS")
                .stallUntilClientCloses(),
            Phase.TLS_HANDSHAKE,
            PROTOCOL,
            "plaintext instead of a TLS handshake after it accepted STARTTLS"),
        failing(
            "reset after the STARTTLS command",
            Mode.STARTTLS,
            offersStartTls().expect("STARTTLS").reset(),
            Phase.STARTTLS,
            CONNECTION_CLOSED,
            ""),
        failing(
            "reset in the middle of the TLS handshake",
            Mode.STARTTLS,
            startTlsReady().receiveAnything().reset(),
            Phase.TLS_HANDSHAKE,
            CONNECTION_CLOSED,
            ""),
        tlsCase(
            "reset during EHLO after TLS",
            Mode.STARTTLS,
            () -> startTlsReady().startTls(localhost()).expect("EHLO").reset(),
            Phase.EHLO_TLS,
            CONNECTION_CLOSED,
            "reset"),
        failing(
            "TLS alert instead of a ServerHello",
            Mode.TLS,
            script().receiveAnything().sendBytes(FATAL_ALERT).stallUntilClientCloses(),
            Phase.TLS_HANDSHAKE,
            TLS_HANDSHAKE,
            "handshake_failure"),
        failing(
            "TLS handshake that never completes",
            Mode.TLS,
            script().receiveAnything().stallUntilClientCloses(),
            Phase.TLS_HANDSHAKE,
            TIMEOUT,
            "no TLS handshake reply"),
        failing(
            "plaintext greeting on an implicit-TLS port",
            Mode.TLS,
            greeted().stallUntilClientCloses(),
            Phase.TLS_HANDSHAKE,
            MODE_MISMATCH,
            "does not speak implicit TLS"),
        tlsCase(
            "certificate chain of " + CHAIN_LENGTH + " certificates",
            Mode.TLS,
            () -> implicitTlsSession(longChain()),
            Phase.TLS_HANDSHAKE,
            TLS_HANDSHAKE,
            "exceeds the maximum allowed size"),
        tlsCase(
            "certificate with " + SAN_COUNT + " subject alternative names",
            Mode.TLS,
            () -> implicitTlsSession(manyNames()),
            null,
            null,
            ""));
  }

  private static HostileServer tlsCase(
      String name,
      Mode mode,
      Supplier<Script> script,
      Phase phase,
      FailureReason reason,
      String detail) {
    return new HostileServer(
        name, mode, tlsFor(mode), HostileServer.TIMEOUT, script, phase, reason, detail);
  }

  private static Script offersStartTls() {
    return greeted().expect("EHLO").send("250-mx.smtpwatch.test", "250 STARTTLS");
  }

  private static Script startTlsReady() {
    return offersStartTls().expect("STARTTLS").send("220 2.0.0 ready to start TLS");
  }

  private static Script implicitTlsSession(SSLContext context) {
    return script()
        .startTls(context)
        .send("220 mx.smtpwatch.test ESMTP")
        .expect("EHLO")
        .send("250 mx.smtpwatch.test")
        .expect("QUIT")
        .send("221 bye");
  }

  private static SSLContext localhost() {
    return TestCertificates.forLocalhost().serverContext();
  }

  private static SSLContext longChain() {
    TestCertificateAuthority authority = TestCertificates.authority();
    for (int i = 0; i < CHAIN_LENGTH; i++) {
      authority = authority.intermediate(CertificateSpec.forAuthority("intermediate " + i));
    }
    return authority.issue(CertificateSpec.forHosts("mx.smtpwatch.test")).serverContext();
  }

  private static SSLContext manyNames() {
    String[] names =
        IntStream.range(0, SAN_COUNT).mapToObj(i -> "n" + i + ".test").toArray(String[]::new);
    return TestCertificates.authority().issue(CertificateSpec.forHosts(names)).serverContext();
  }
}
