package org.smtpwatch.agent.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.smtpwatch.agent.testkit.Script.script;
import static org.smtpwatch.agent.testkit.TestEndpoints.EHLO_NAME;
import static org.smtpwatch.agent.testkit.TestEndpoints.endpoint;
import static org.smtpwatch.agent.testkit.TestEndpoints.noTls;
import static org.smtpwatch.agent.testkit.TestEndpoints.tlsOptional;
import static org.smtpwatch.agent.testkit.TestEndpoints.tlsRequired;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.smtpwatch.agent.smtp.EhloCapabilities;
import org.smtpwatch.agent.testkit.Script;
import org.smtpwatch.agent.testkit.ScriptedSmtpServer;
import org.smtpwatch.config.Mode;
import org.smtpwatch.config.TlsPolicy;

/** The probe engine against scripted servers on loopback: every reason reachable without TLS. */
class SmtpProberTest {

  static final String HOST = "mx.smtpwatch.test";
  static final Duration TIMEOUT = Duration.ofSeconds(2);
  static final Duration MARGIN = Duration.ofMillis(500);
  static final Duration SCRIPT_WAIT = Duration.ofSeconds(10);

  /** Names the tests use; nothing here ever asks DNS. */
  static final HostResolver RESOLVER =
      host -> {
        if (host.equals(HOST)) {
          return List.of(InetAddress.getByAddress(HOST, new byte[] {127, 0, 0, 1}));
        }
        throw new UnknownHostException(host);
      };

  private final SmtpProber prober = new SmtpProber(RESOLVER);
  private final Transcript transcript = Transcript.recording();
  private ScriptedSmtpServer server;

  @AfterEach
  void stopServer() throws IOException {
    if (server != null) {
      server.close();
    }
  }

  static Script greeted() {
    return script().send("220 mx.smtpwatch.test ESMTP ready");
  }

  static Script greetedAndEhlo(String... ehloLines) {
    return greeted().expect("EHLO " + EHLO_NAME).send(ehloLines);
  }

  private ProbeResult probe(Script script, Mode mode, TlsPolicy tls) throws IOException {
    return probe(script, mode, tls, TIMEOUT);
  }

  private ProbeResult probe(Script script, Mode mode, TlsPolicy tls, Duration timeout)
      throws IOException {
    server = ScriptedSmtpServer.start(script);
    return prober.probe(endpoint(HOST, server.port(), mode, tls, timeout), transcript);
  }

  private static List<Phase> phases(ProbeResult result) {
    return result.phases().stream().map(PhaseTiming::phase).toList();
  }

  private static void assertFailure(
      ProbeResult result, Phase phase, FailureReason reason, String detailContains) {
    assertThat(result.failure()).as("failure").isNotNull();
    assertThat(result.failure().phase()).isEqualTo(phase);
    assertThat(result.failure().reason()).isEqualTo(reason);
    assertThat(result.failure().detail()).contains(detailContains);
  }

  private static void assertWithin(ProbeResult result, Duration timeout) {
    assertThat(result.duration()).isLessThanOrEqualTo(timeout.plus(MARGIN));
  }

  @Test
  void plainModeHappyPathRecordsEveryPhaseAndFact() throws Exception {
    ProbeResult result =
        probe(
            greetedAndEhlo(
                    "250-mx.smtpwatch.test", "250-PIPELINING", "250-SIZE 1000", "250 STARTTLS")
                .expect("QUIT")
                .send("221 bye"),
            Mode.PLAIN,
            noTls());

    assertThat(result.failure()).isNull();
    assertThat(result.success()).isTrue();
    assertThat(phases(result))
        .containsExactly(Phase.RESOLVE, Phase.CONNECT, Phase.BANNER, Phase.EHLO, Phase.QUIT);
    assertThat(result.address()).isEqualTo("127.0.0.1");
    assertThat(result.greetingCode()).isEqualTo(220);
    assertThat(result.banner()).isEqualTo("mx.smtpwatch.test ESMTP ready");
    assertThat(result.ehlo())
        .isEqualTo(
            new EhloCapabilities(
                List.of("PIPELINING", "SIZE", "STARTTLS"), OptionalLong.of(1000), List.of()));
    assertThat(result.startTlsOffered()).isTrue();
    assertThat(result.authBeforeTls()).isFalse();
    assertThat(result.tls()).isNull();
    assertThat(result.certificate()).isNull();
    assertThat(result.auth()).isNull();
    assertWithin(result, TIMEOUT);
    server.awaitFinished(1, SCRIPT_WAIT);
    assertThat(server.received()).containsExactly("EHLO " + EHLO_NAME, "QUIT");
    assertThat(transcript.lines())
        .extracting(Transcript.Line::direction, Transcript.Line::text)
        .contains(
            org.assertj.core.groups.Tuple.tuple(
                Transcript.Direction.SERVER, "220 mx.smtpwatch.test ESMTP ready"),
            org.assertj.core.groups.Tuple.tuple(Transcript.Direction.CLIENT, "EHLO " + EHLO_NAME),
            org.assertj.core.groups.Tuple.tuple(Transcript.Direction.SERVER, "250 STARTTLS"),
            org.assertj.core.groups.Tuple.tuple(Transcript.Direction.CLIENT, "QUIT"));
  }

  @Test
  void tarpitGreetingTimesOutInBannerPhaseWithinTheDeadline() throws Exception {
    Duration timeout = Duration.ofSeconds(1);
    ProbeResult result =
        probe(script().stallUntilClientCloses(), Mode.STARTTLS, tlsRequired(), timeout);

    assertFailure(result, Phase.BANNER, FailureReason.TIMEOUT, "no greeting within 700 ms");
    assertThat(phases(result)).containsExactly(Phase.RESOLVE, Phase.CONNECT);
    assertThat(result.greetingCode()).isNull();
    assertThat(result.duration()).isGreaterThanOrEqualTo(Duration.ofMillis(700));
    assertWithin(result, timeout);
    // The second connection is the implicit-TLS check; a tarpit fails it too.
    server.awaitFinished(2, SCRIPT_WAIT);
  }

  @Test
  void slowMultiLineGreetingWithinTheGreetingTimeoutSucceeds() throws Exception {
    Script slow =
        script()
            .send("220-mx.smtpwatch.test ESMTP")
            .delay(Duration.ofMillis(400))
            .send("220-postscreen says hello")
            .delay(Duration.ofMillis(400))
            .send("220 go ahead")
            .expect("EHLO")
            .send("250 mx.smtpwatch.test")
            .expect("QUIT")
            .send("221 bye");

    ProbeResult result = probe(slow, Mode.PLAIN, noTls());

    assertThat(result.failure()).isNull();
    assertThat(result.banner()).isEqualTo("mx.smtpwatch.test ESMTP postscreen says hello go ahead");
    assertThat(result.phaseDuration(Phase.BANNER)).get().matches(d -> d.toMillis() >= 800);
    assertWithin(result, TIMEOUT);
  }

  @Test
  void greetingTricklingPastItsTimeoutIsATimeoutEvenThoughBytesKeepArriving() throws Exception {
    Duration timeout = Duration.ofSeconds(1);
    Script trickle =
        script()
            .send("220-one")
            .delay(Duration.ofMillis(400))
            .send("220-two")
            .delay(Duration.ofMillis(400))
            .send("220-three")
            .stallUntilClientCloses();

    ProbeResult result = probe(trickle, Mode.PLAIN, noTls(), timeout);

    assertFailure(result, Phase.BANNER, FailureReason.TIMEOUT, "bytes of an incomplete reply");
    assertWithin(result, timeout);
    server.awaitFinished(1, SCRIPT_WAIT);
    assertThat(server.connectionCount()).as("no implicit-TLS check after bytes").isEqualTo(1);
  }

  @Test
  void greeting421IsGreetingRejectedWithItsText() throws Exception {
    ProbeResult result =
        probe(
            script().send("421 4.3.2 mx.smtpwatch.test too busy, closing").close(),
            Mode.STARTTLS,
            tlsRequired());

    assertFailure(
        result,
        Phase.BANNER,
        FailureReason.GREETING_REJECTED,
        "greeting answered 421 4.3.2 mx.smtpwatch.test too busy, closing");
    assertThat(result.greetingCode()).isEqualTo(421);
    assertThat(result.banner()).isEqualTo("4.3.2 mx.smtpwatch.test too busy, closing");
    assertThat(phases(result)).containsExactly(Phase.RESOLVE, Phase.CONNECT);
    server.awaitFinished(1, SCRIPT_WAIT);
    assertThat(server.received()).as("no QUIT after 421").isEmpty();
  }

  @Test
  void greeting554IsGreetingRejectedAndTheProbeSaysQuit() throws Exception {
    ProbeResult result =
        probe(
            script()
                .send("554-5.7.1 mx.smtpwatch.test no SMTP service here")
                .send("554 5.7.1 your address is listed")
                .expect("QUIT")
                .send("221 bye"),
            Mode.PLAIN,
            noTls());

    assertFailure(
        result,
        Phase.BANNER,
        FailureReason.GREETING_REJECTED,
        "554 5.7.1 mx.smtpwatch.test no SMTP service here 5.7.1 your address is listed");
    assertThat(result.greetingCode()).isEqualTo(554);
    server.awaitFinished(1, SCRIPT_WAIT);
    assertThat(server.received()).containsExactly("QUIT");
  }

  @Test
  void startTlsNotOfferedFailsWhenTlsIsRequired() throws Exception {
    ProbeResult result =
        probe(
            greetedAndEhlo("250-mx.smtpwatch.test", "250 PIPELINING")
                .expect("QUIT")
                .send("221 bye"),
            Mode.STARTTLS,
            tlsRequired());

    assertFailure(
        result, Phase.STARTTLS, FailureReason.STARTTLS_NOT_OFFERED, "did not offer STARTTLS");
    assertThat(phases(result))
        .containsExactly(Phase.RESOLVE, Phase.CONNECT, Phase.BANNER, Phase.EHLO);
    assertThat(result.ehlo().keywords()).containsExactly("PIPELINING");
    assertThat(result.startTlsOffered()).isFalse();
    server.awaitFinished(1, SCRIPT_WAIT);
  }

  @Test
  void startTlsNotOfferedSucceedsWithoutTlsWhenTlsIsOptional() throws Exception {
    ProbeResult result =
        probe(
            greetedAndEhlo("250-mx.smtpwatch.test", "250 AUTH PLAIN")
                .expect("QUIT")
                .send("221 bye"),
            Mode.STARTTLS,
            tlsOptional());

    assertThat(result.failure()).isNull();
    assertThat(phases(result))
        .containsExactly(Phase.RESOLVE, Phase.CONNECT, Phase.BANNER, Phase.EHLO, Phase.QUIT);
    assertThat(result.tls()).isNull();
    assertThat(result.startTlsOffered()).isFalse();
    assertThat(result.authBeforeTls()).isTrue();
  }

  @Test
  void startTlsAnswered454IsRejectedAndPlaintextFactsAreKept() throws Exception {
    ProbeResult result =
        probe(
            greetedAndEhlo("250-mx.smtpwatch.test", "250-AUTH PLAIN LOGIN", "250 STARTTLS")
                .expect("STARTTLS")
                .send("454 4.7.0 TLS not available due to local problem")
                .expect("QUIT")
                .send("221 bye"),
            Mode.STARTTLS,
            tlsRequired());

    assertFailure(
        result,
        Phase.STARTTLS,
        FailureReason.STARTTLS_REJECTED,
        "STARTTLS answered 454 4.7.0 TLS not available due to local problem");
    assertThat(result.startTlsOffered()).isTrue();
    assertThat(result.authBeforeTls()).isTrue();
    assertThat(result.ehlo().authMechanisms()).containsExactly("PLAIN", "LOGIN");
    server.awaitFinished(1, SCRIPT_WAIT);
    assertThat(server.received()).containsExactly("EHLO " + EHLO_NAME, "STARTTLS", "QUIT");
  }

  @Test
  void bytesInjectedAfterStartTlsReadyAreAProtocolError() throws Exception {
    ProbeResult result =
        probe(
            greetedAndEhlo("250-mx.smtpwatch.test", "250 STARTTLS")
                .expect("STARTTLS")
                .sendRaw("220 2.0.0 Ready to start TLS\r\n250-injected\r\n250 evil\r\n")
                .stallUntilClientCloses(),
            Mode.STARTTLS,
            tlsRequired());

    assertFailure(result, Phase.STARTTLS, FailureReason.PROTOCOL, "response injection");
    assertThat(result.failure().detail()).contains("24 bytes");
    assertThat(phases(result))
        .containsExactly(Phase.RESOLVE, Phase.CONNECT, Phase.BANNER, Phase.EHLO);
    server.awaitFinished(1, SCRIPT_WAIT);
  }

  @Test
  void ehloRejectedIsEhloRejected() throws Exception {
    ProbeResult result =
        probe(
            greetedAndEhlo("550 5.7.1 go away").expect("QUIT").send("221 bye"),
            Mode.PLAIN,
            noTls());

    assertFailure(result, Phase.EHLO, FailureReason.EHLO_REJECTED, "EHLO answered 550 5.7.1");
    assertThat(result.greetingCode()).isEqualTo(220);
    assertThat(result.ehlo()).isNull();
    server.awaitFinished(1, SCRIPT_WAIT);
  }

  @Test
  void ehloAnswered421IsEhloRejectedWithTheText() throws Exception {
    ProbeResult result =
        probe(greetedAndEhlo("421 4.7.0 too many errors").close(), Mode.STARTTLS, tlsRequired());

    assertFailure(result, Phase.EHLO, FailureReason.EHLO_REJECTED, "421 4.7.0 too many errors");
    server.awaitFinished(1, SCRIPT_WAIT);
    assertThat(server.received()).containsExactly("EHLO " + EHLO_NAME);
  }

  @Test
  void garbageInsteadOfAGreetingIsAProtocolError() throws Exception {
    ProbeResult result =
        probe(
            script().sendRaw("\u0016\u0003\u0003\u0002garbage\r\n").stallUntilClientCloses(),
            Mode.PLAIN,
            noTls());

    assertFailure(result, Phase.BANNER, FailureReason.PROTOCOL, "not an SMTP reply line");
    assertThat(result.greetingCode()).isNull();
    server.awaitFinished(1, SCRIPT_WAIT);
  }

  @Test
  void overlongLineIsAProtocolError() throws Exception {
    ProbeResult result =
        probe(
            script().sendRaw("220 " + "x".repeat(5000) + "\r\n").stallUntilClientCloses(),
            Mode.PLAIN,
            noTls());

    assertFailure(result, Phase.BANNER, FailureReason.PROTOCOL, "longer than 1000 octets");
    server.awaitFinished(1, SCRIPT_WAIT);
  }

  @Test
  void bareLineFeedIsAProtocolError() throws Exception {
    ProbeResult result =
        probe(script().sendRaw("220 mx ready\n").stallUntilClientCloses(), Mode.PLAIN, noTls());

    assertFailure(result, Phase.BANNER, FailureReason.PROTOCOL, "LF without CR");
    server.awaitFinished(1, SCRIPT_WAIT);
  }

  @Test
  void connectionClosedAfterGreetingIsConnectionClosed() throws Exception {
    ProbeResult result = probe(greeted().close(), Mode.STARTTLS, tlsRequired());

    assertFailure(result, Phase.EHLO, FailureReason.CONNECTION_CLOSED, "");
    assertThat(phases(result)).containsExactly(Phase.RESOLVE, Phase.CONNECT, Phase.BANNER);
    assertThat(result.greetingCode()).isEqualTo(220);
  }

  @Test
  void resetDuringEhloIsConnectionClosed() throws Exception {
    ProbeResult result = probe(greeted().expect("EHLO").reset(), Mode.PLAIN, noTls());

    assertFailure(result, Phase.EHLO, FailureReason.CONNECTION_CLOSED, "");
  }

  @Test
  void silentEhloTimesOutWithinTheDeadline() throws Exception {
    Duration timeout = Duration.ofSeconds(1);
    ProbeResult result =
        probe(greeted().expect("EHLO").stallUntilClientCloses(), Mode.PLAIN, noTls(), timeout);

    assertFailure(result, Phase.EHLO, FailureReason.TIMEOUT, "no complete reply");
    assertWithin(result, timeout);
    server.awaitFinished(1, SCRIPT_WAIT);
  }

  @Test
  void missingQuitReplyDoesNotFailTheProbeButLeavesQuitUnrecorded() throws Exception {
    ProbeResult result =
        probe(greetedAndEhlo("250 mx.smtpwatch.test").expect("QUIT").close(), Mode.PLAIN, noTls());

    assertThat(result.failure()).isNull();
    assertThat(phases(result))
        .containsExactly(Phase.RESOLVE, Phase.CONNECT, Phase.BANNER, Phase.EHLO);
  }

  @Test
  void authOfferedOnPlaintextIsFlagged() throws Exception {
    ProbeResult result =
        probe(
            greetedAndEhlo("250-mx.smtpwatch.test", "250 AUTH=LOGIN")
                .expect("QUIT")
                .send("221 bye"),
            Mode.PLAIN,
            noTls());

    assertThat(result.failure()).isNull();
    assertThat(result.authBeforeTls()).isTrue();
    assertThat(result.ehlo().authMechanisms()).containsExactly("LOGIN");
  }

  @Test
  void closedPortIsConnectRefused() throws Exception {
    int closedPort;
    try (java.net.ServerSocket socket =
        new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }

    ProbeResult result =
        prober.probe(endpoint(HOST, closedPort, Mode.PLAIN, noTls(), TIMEOUT), transcript);

    assertFailure(result, Phase.CONNECT, FailureReason.CONNECT_REFUSED, "127.0.0.1:" + closedPort);
    assertThat(phases(result)).containsExactly(Phase.RESOLVE);
    assertThat(result.address()).isEqualTo("127.0.0.1");
  }
}
