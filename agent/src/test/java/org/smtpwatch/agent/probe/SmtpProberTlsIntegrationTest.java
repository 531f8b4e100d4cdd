package org.smtpwatch.agent.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.smtpwatch.agent.testkit.Script.script;
import static org.smtpwatch.agent.testkit.TestEndpoints.endpoint;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.smtpwatch.agent.testkit.ScriptedSmtpServer;
import org.smtpwatch.agent.testkit.TestEndpoints;
import org.smtpwatch.agent.tls.TlsHandshaker;
import org.smtpwatch.config.Mode;
import org.smtpwatch.config.TlsPolicy;
import org.subethamail.smtp.server.SMTPServer;

/**
 * The probe's TLS paths (STARTTLS upgrade, implicit TLS, mode mismatch both ways, ca_file setup
 * errors) against SubEthaSMTP with a generated certificate. They need the real {@link
 * TlsHandshaker}; while it is still the skeleton that throws {@link UnsupportedOperationException},
 * these tests are skipped, not failed.
 */
class SmtpProberTlsIntegrationTest {

  private static final String HOST = "mx.smtpwatch.test";
  private static final Duration TIMEOUT = Duration.ofSeconds(3);
  private static final Duration MARGIN = Duration.ofMillis(500);
  private static SelfSignedServerTls serverTls;

  private final SmtpProber prober = new SmtpProber(host -> List.of(loopback()));
  private final Transcript transcript = Transcript.recording();
  private SMTPServer server;
  private ScriptedSmtpServer scripted;

  @BeforeAll
  static void generateCertificate() throws Exception {
    serverTls = SelfSignedServerTls.forName(HOST);
  }

  @AfterEach
  void stopServers() throws Exception {
    if (server != null) {
      server.stop();
    }
    if (scripted != null) {
      scripted.close();
    }
  }

  private static InetAddress loopback() {
    return InetAddress.getLoopbackAddress();
  }

  private static TlsPolicy unverified(boolean required) {
    return new TlsPolicy(required, false, null, null, null);
  }

  private int startTlsServer() {
    server =
        SMTPServer.port(0)
            .bindAddress(loopback())
            .hostName(HOST)
            .messageHandler((context, from, to, data) -> {})
            .enableTLS()
            .startTlsSocketFactory(serverTls.context())
            .build();
    server.start();
    return server.getPortAllocated();
  }

  private int implicitTlsServer() {
    server =
        SMTPServer.port(0)
            .bindAddress(loopback())
            .hostName(HOST)
            .messageHandler((context, from, to, data) -> {})
            .serverSocketFactory(serverTls.context())
            .build();
    server.start();
    return server.getPortAllocated();
  }

  private static List<Phase> phases(ProbeResult result) {
    return result.phases().stream().map(PhaseTiming::phase).toList();
  }

  /** Runs without the handshaker: proves the fixture speaks implicit TLS with our certificate. */
  @Test
  void implicitTlsFixtureGreetsOverTls() throws Exception {
    int port = implicitTlsServer();
    SSLContext trustAll = SSLContext.getInstance("TLS");
    trustAll.init(null, new TrustManager[] {new TrustEverything()}, null);

    try (SSLSocket socket =
        (SSLSocket) trustAll.getSocketFactory().createSocket(loopback(), port)) {
      socket.setSoTimeout(5000);
      socket.startHandshake();
      BufferedReader reader =
          new BufferedReader(
              new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
      assertThat(reader.readLine()).startsWith("220 " + HOST);
      assertThat(socket.getSession().getPeerCertificates()[0]).isEqualTo(serverTls.certificate());
    }
  }

  @Test
  void startTlsHappyPathUpgradesAndDiscardsPlaintextCapabilities() {
    int port = startTlsServer();

    ProbeResult result =
        prober.probe(endpoint(HOST, port, Mode.STARTTLS, unverified(true), TIMEOUT), transcript);

    assertThat(result.failure()).as("%s", transcript.lines()).isNull();
    assertThat(phases(result))
        .containsExactly(
            Phase.RESOLVE,
            Phase.CONNECT,
            Phase.BANNER,
            Phase.EHLO,
            Phase.STARTTLS,
            Phase.TLS_HANDSHAKE,
            Phase.EHLO_TLS,
            Phase.QUIT);
    assertThat(result.startTlsOffered()).isTrue();
    assertThat(result.tls()).isNotNull();
    assertThat(result.certificate()).isNotNull();
    assertThat(result.certificate().subject()).contains("CN=" + HOST);
    assertThat(result.ehlo()).as("capabilities from the EHLO over TLS").isNotNull();
    assertThat(transcript.lines())
        .filteredOn(line -> line.direction() == Transcript.Direction.CLIENT)
        .extracting(Transcript.Line::text)
        .containsExactly(
            "EHLO " + TestEndpoints.EHLO_NAME,
            "STARTTLS",
            "EHLO " + TestEndpoints.EHLO_NAME,
            "QUIT");
  }

  @Test
  void implicitTlsHappyPath() {
    int port = implicitTlsServer();

    ProbeResult result =
        prober.probe(endpoint(HOST, port, Mode.TLS, unverified(true), TIMEOUT), transcript);

    assertThat(result.failure()).as("%s", transcript.lines()).isNull();
    assertThat(phases(result))
        .containsExactly(
            Phase.RESOLVE,
            Phase.CONNECT,
            Phase.TLS_HANDSHAKE,
            Phase.BANNER,
            Phase.EHLO,
            Phase.QUIT);
    assertThat(result.startTlsOffered()).isFalse();
    assertThat(result.authBeforeTls()).isFalse();
    assertThat(result.tls()).isNotNull();
    assertThat(result.greetingCode()).isEqualTo(220);
  }

  @Test
  void plaintextSpokenToAnImplicitTlsPortIsModeMismatch() {
    int port = implicitTlsServer();

    ProbeResult result =
        prober.probe(endpoint(HOST, port, Mode.STARTTLS, unverified(true), TIMEOUT), transcript);

    assertThat(result.failure().phase()).isEqualTo(Phase.BANNER);
    assertThat(result.failure().reason()).isEqualTo(FailureReason.MODE_MISMATCH);
    assertThat(result.failure().detail()).contains("use mode tls");
    assertThat(result.duration()).isLessThanOrEqualTo(TIMEOUT.plus(MARGIN));
  }

  @Test
  void tlsSpokenToAPlaintextPortIsModeMismatch() throws Exception {
    scripted =
        ScriptedSmtpServer.start(
            script().send("220 " + HOST + " ESMTP plaintext").stallUntilClientCloses());

    ProbeResult result =
        prober.probe(
            endpoint(HOST, scripted.port(), Mode.TLS, unverified(true), TIMEOUT), transcript);

    assertThat(result.failure().phase()).isEqualTo(Phase.TLS_HANDSHAKE);
    assertThat(result.failure().reason()).isEqualTo(FailureReason.MODE_MISMATCH);
    assertThat(result.duration()).isLessThanOrEqualTo(TIMEOUT.plus(MARGIN));
  }

  @Test
  void plaintextArrivingAfterStartTlsReadyIsAProtocolErrorNotAModeMismatch() throws Exception {
    scripted =
        ScriptedSmtpServer.start(
            ScriptedProbe.greetedAndEhlo("250-" + HOST, "250 STARTTLS")
                .expect("STARTTLS")
                .send("220 2.0.0 Ready to start TLS")
                // Late enough to miss the injection check, so the handshake reads it.
                .delay(Duration.ofMillis(200))
                .send("250 injected")
                .stallUntilClientCloses());

    ProbeResult result =
        prober.probe(
            endpoint(HOST, scripted.port(), Mode.STARTTLS, unverified(true), TIMEOUT), transcript);

    assertThat(result.failure().phase()).isEqualTo(Phase.TLS_HANDSHAKE);
    assertThat(result.failure().reason()).isEqualTo(FailureReason.PROTOCOL);
    assertThat(result.failure().detail())
        .isEqualTo("server sent plaintext instead of a TLS handshake after it accepted STARTTLS");
  }

  @Test
  void serverDroppingTheConnectionAfterStartTlsReadyFailsTheHandshakePhase() throws Exception {
    scripted =
        ScriptedSmtpServer.start(
            ScriptedProbe.greetedAndEhlo("250-" + HOST, "250 STARTTLS")
                .expect("STARTTLS")
                .send("220 2.0.0 Ready to start TLS")
                .close());

    ProbeResult result =
        prober.probe(
            endpoint(HOST, scripted.port(), Mode.STARTTLS, unverified(true), TIMEOUT), transcript);

    assertThat(result.failure().phase()).isEqualTo(Phase.TLS_HANDSHAKE);
    assertThat(result.failure().reason()).isNotEqualTo(FailureReason.MODE_MISMATCH);
    assertThat(phases(result)).endsWith(Phase.STARTTLS);
    assertThat(result.duration()).isLessThanOrEqualTo(TIMEOUT.plus(MARGIN));
  }

  @Test
  void unreadableCaFileIsATlsHandshakeFailureNamingTheFile() {
    int port = startTlsServer();
    Path missing = Path.of("/nonexistent/smtpwatch-test/ca.pem");

    ProbeResult result =
        prober.probe(
            endpoint(
                HOST, port, Mode.STARTTLS, new TlsPolicy(true, true, missing, null, null), TIMEOUT),
            transcript);

    assertThat(result.failure().phase()).isEqualTo(Phase.TLS_HANDSHAKE);
    assertThat(result.failure().reason()).isEqualTo(FailureReason.TLS_HANDSHAKE);
    assertThat(result.failure().detail()).contains(missing.toString());
    assertThat(phases(result)).contains(Phase.STARTTLS).doesNotContain(Phase.TLS_HANDSHAKE);
  }

  @Test
  void untrustedCertificateFailsVerificationButIsStillReported() {
    int port = implicitTlsServer();

    ProbeResult result =
        prober.probe(
            endpoint(HOST, port, Mode.TLS, new TlsPolicy(true, true, null, null, null), TIMEOUT),
            transcript);

    assertThat(result.failure().phase()).isEqualTo(Phase.TLS_HANDSHAKE);
    assertThat(result.failure().reason()).isEqualTo(FailureReason.CERT_UNTRUSTED);
    assertThat(result.certificate()).isNotNull();
    assertThat(result.certificate().trusted()).isFalse();
  }

  /** Only for checking the fixture: the probe itself never trusts blindly unless told to. */
  private static final class TrustEverything implements X509TrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
