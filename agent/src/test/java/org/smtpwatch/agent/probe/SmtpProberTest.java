package org.smtpwatch.agent.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.smtpwatch.agent.probe.ScriptedProbe.SCRIPT_WAIT;
import static org.smtpwatch.agent.probe.ScriptedProbe.TIMEOUT;
import static org.smtpwatch.agent.probe.ScriptedProbe.assertFailure;
import static org.smtpwatch.agent.probe.ScriptedProbe.assertWithin;
import static org.smtpwatch.agent.probe.ScriptedProbe.greeted;
import static org.smtpwatch.agent.probe.ScriptedProbe.greetedAndEhlo;
import static org.smtpwatch.agent.probe.ScriptedProbe.phases;
import static org.smtpwatch.agent.testkit.Script.script;
import static org.smtpwatch.agent.testkit.TestEndpoints.EHLO_NAME;
import static org.smtpwatch.agent.testkit.TestEndpoints.noTls;
import static org.smtpwatch.agent.testkit.TestEndpoints.tlsRequired;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.smtpwatch.agent.smtp.EhloCapabilities;
import org.smtpwatch.agent.testkit.Script;
import org.smtpwatch.config.Mode;

/** The probe engine against scripted servers on loopback: greeting, EHLO, QUIT, the wire. */
class SmtpProberTest {

  private final ScriptedProbe probe = new ScriptedProbe();

  @AfterEach
  void stopServer() throws IOException {
    probe.close();
  }

  @Test
  void plainModeHappyPathRecordsEveryPhaseAndFact() throws Exception {
    ProbeResult result =
        probe.run(
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
    probe.server().awaitFinished(1, SCRIPT_WAIT);
    assertThat(probe.server().received()).containsExactly("EHLO " + EHLO_NAME, "QUIT");
    assertThat(probe.transcript.lines())
        .extracting(Transcript.Line::direction, Transcript.Line::text)
        .contains(
            Tuple.tuple(Transcript.Direction.SERVER, "220 mx.smtpwatch.test ESMTP ready"),
            Tuple.tuple(Transcript.Direction.CLIENT, "EHLO " + EHLO_NAME),
            Tuple.tuple(Transcript.Direction.SERVER, "250 STARTTLS"),
            Tuple.tuple(Transcript.Direction.CLIENT, "QUIT"));
  }

  @Test
  void tarpitGreetingTimesOutInBannerPhaseWithinTheDeadline() throws Exception {
    Duration timeout = Duration.ofSeconds(1);
    ProbeResult result =
        probe.run(script().stallUntilClientCloses(), Mode.STARTTLS, tlsRequired(), timeout);

    assertFailure(result, Phase.BANNER, FailureReason.TIMEOUT, "no greeting within 900 ms");
    assertThat(phases(result)).containsExactly(Phase.RESOLVE, Phase.CONNECT);
    assertThat(result.greetingCode()).isNull();
    assertThat(result.duration()).isGreaterThanOrEqualTo(Duration.ofMillis(700));
    assertWithin(result, timeout);
    // The second connection is the implicit-TLS check; a tarpit fails it too.
    probe.server().awaitFinished(2, SCRIPT_WAIT);
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

    ProbeResult result = probe.run(slow, Mode.PLAIN, noTls());

    assertThat(result.failure()).isNull();
    assertThat(result.banner()).as("the first line only").isEqualTo("mx.smtpwatch.test ESMTP");
    // The server's pauses start when it sends the first line, a little before the banner phase.
    assertThat(result.phaseDuration(Phase.BANNER)).get().matches(d -> d.toMillis() >= 700);
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

    ProbeResult result = probe.run(trickle, Mode.PLAIN, noTls(), timeout);

    assertFailure(result, Phase.BANNER, FailureReason.TIMEOUT, "bytes of an incomplete reply");
    assertWithin(result, timeout);
    probe.server().awaitFinished(1, SCRIPT_WAIT);
    assertThat(probe.server().connectionCount())
        .as("no implicit-TLS check after bytes")
        .isEqualTo(1);
  }

  @Test
  void greeting421IsGreetingRejectedWithItsText() throws Exception {
    ProbeResult result =
        probe.run(
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
    probe.server().awaitFinished(1, SCRIPT_WAIT);
    assertThat(probe.server().received()).as("no QUIT after 421").isEmpty();
  }

  @Test
  void greeting554IsGreetingRejectedAndTheProbeSaysQuit() throws Exception {
    ProbeResult result =
        probe.run(
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
    probe.server().awaitFinished(1, SCRIPT_WAIT);
    assertThat(probe.server().received()).containsExactly("QUIT");
  }

  @Test
  void ehloRejectedIsEhloRejected() throws Exception {
    ProbeResult result =
        probe.run(
            greetedAndEhlo("550 5.7.1 go away").expect("QUIT").send("221 bye"),
            Mode.PLAIN,
            noTls());

    assertFailure(result, Phase.EHLO, FailureReason.EHLO_REJECTED, "EHLO answered 550 5.7.1");
    assertThat(result.greetingCode()).isEqualTo(220);
    assertThat(result.ehlo()).isNull();
    probe.server().awaitFinished(1, SCRIPT_WAIT);
  }

  @Test
  void ehloAnswered421IsEhloRejectedWithTheText() throws Exception {
    ProbeResult result =
        probe.run(
            greetedAndEhlo("421 4.7.0 too many errors").close(), Mode.STARTTLS, tlsRequired());

    assertFailure(result, Phase.EHLO, FailureReason.EHLO_REJECTED, "421 4.7.0 too many errors");
    probe.server().awaitFinished(1, SCRIPT_WAIT);
    assertThat(probe.server().received()).containsExactly("EHLO " + EHLO_NAME);
  }

  @Test
  void garbageInsteadOfAGreetingIsAProtocolError() throws Exception {
    ProbeResult result =
        probe.run(
            script().sendRaw("\u0016\u0003\u0003\u0002garbage\r\n").stallUntilClientCloses(),
            Mode.PLAIN,
            noTls());

    assertFailure(result, Phase.BANNER, FailureReason.PROTOCOL, "not an SMTP reply line");
    assertThat(result.greetingCode()).isNull();
    probe.server().awaitFinished(1, SCRIPT_WAIT);
  }

  @Test
  void overlongLineIsAProtocolError() throws Exception {
    ProbeResult result =
        probe.run(
            script().sendRaw("220 " + "x".repeat(5000) + "\r\n").stallUntilClientCloses(),
            Mode.PLAIN,
            noTls());

    assertFailure(result, Phase.BANNER, FailureReason.PROTOCOL, "longer than 1000 octets");
    probe.server().awaitFinished(1, SCRIPT_WAIT);
  }

  @Test
  void bareLineFeedIsAProtocolError() throws Exception {
    ProbeResult result =
        probe.run(script().sendRaw("220 mx ready\n").stallUntilClientCloses(), Mode.PLAIN, noTls());

    assertFailure(result, Phase.BANNER, FailureReason.PROTOCOL, "LF without CR");
    probe.server().awaitFinished(1, SCRIPT_WAIT);
  }

  @Test
  void connectionClosedAfterGreetingIsConnectionClosed() throws Exception {
    ProbeResult result = probe.run(greeted().close(), Mode.STARTTLS, tlsRequired());

    assertFailure(result, Phase.EHLO, FailureReason.CONNECTION_CLOSED, "");
    assertThat(phases(result)).containsExactly(Phase.RESOLVE, Phase.CONNECT, Phase.BANNER);
    assertThat(result.greetingCode()).isEqualTo(220);
  }

  @Test
  void resetDuringEhloIsConnectionClosed() throws Exception {
    ProbeResult result = probe.run(greeted().expect("EHLO").reset(), Mode.PLAIN, noTls());

    assertFailure(result, Phase.EHLO, FailureReason.CONNECTION_CLOSED, "");
  }

  @Test
  void silentEhloTimesOutWithinTheDeadline() throws Exception {
    Duration timeout = Duration.ofSeconds(1);
    ProbeResult result =
        probe.run(greeted().expect("EHLO").stallUntilClientCloses(), Mode.PLAIN, noTls(), timeout);

    assertFailure(result, Phase.EHLO, FailureReason.TIMEOUT, "no complete reply");
    assertWithin(result, timeout);
    probe.server().awaitFinished(1, SCRIPT_WAIT);
  }

  @Test
  void missingQuitReplyDoesNotFailTheProbeButLeavesQuitUnrecorded() throws Exception {
    ProbeResult result =
        probe.run(
            greetedAndEhlo("250 mx.smtpwatch.test").expect("QUIT").close(), Mode.PLAIN, noTls());

    assertThat(result.failure()).isNull();
    assertThat(phases(result))
        .containsExactly(Phase.RESOLVE, Phase.CONNECT, Phase.BANNER, Phase.EHLO);
  }

  @Test
  void closedPortIsConnectRefused() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }

    ProbeResult result = probe.runWithoutServer(closedPort, Mode.PLAIN, noTls());

    assertFailure(result, Phase.CONNECT, FailureReason.CONNECT_REFUSED, "127.0.0.1:" + closedPort);
    assertThat(phases(result)).containsExactly(Phase.RESOLVE);
    assertThat(result.address()).isEqualTo("127.0.0.1");
  }
}
