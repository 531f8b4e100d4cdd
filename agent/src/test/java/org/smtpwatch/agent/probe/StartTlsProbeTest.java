package org.smtpwatch.agent.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.smtpwatch.agent.probe.ScriptedProbe.SCRIPT_WAIT;
import static org.smtpwatch.agent.probe.ScriptedProbe.assertFailure;
import static org.smtpwatch.agent.probe.ScriptedProbe.greetedAndEhlo;
import static org.smtpwatch.agent.probe.ScriptedProbe.phases;
import static org.smtpwatch.agent.testkit.TestEndpoints.EHLO_NAME;
import static org.smtpwatch.agent.testkit.TestEndpoints.noTls;
import static org.smtpwatch.agent.testkit.TestEndpoints.tlsOptional;
import static org.smtpwatch.agent.testkit.TestEndpoints.tlsRequired;

import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.smtpwatch.config.Mode;

/** STARTTLS decisions that need no handshake: not offered, rejected, injected bytes, AUTH. */
class StartTlsProbeTest {

  private final ScriptedProbe probe = new ScriptedProbe();

  @AfterEach
  void stopServer() throws IOException {
    probe.close();
  }

  @Test
  void startTlsNotOfferedFailsWhenTlsIsRequired() throws Exception {
    ProbeResult result =
        probe.run(
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
    probe.server().awaitFinished(1, SCRIPT_WAIT);
  }

  @Test
  void startTlsNotOfferedSucceedsWithoutTlsWhenTlsIsOptional() throws Exception {
    ProbeResult result =
        probe.run(
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
        probe.run(
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
    probe.server().awaitFinished(1, SCRIPT_WAIT);
    assertThat(probe.server().received()).containsExactly("EHLO " + EHLO_NAME, "STARTTLS", "QUIT");
  }

  @Test
  void bytesInjectedAfterStartTlsReadyAreAProtocolError() throws Exception {
    ProbeResult result =
        probe.run(
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
    probe.server().awaitFinished(1, SCRIPT_WAIT);
  }

  @Test
  void authOfferedOnPlaintextIsFlagged() throws Exception {
    ProbeResult result =
        probe.run(
            greetedAndEhlo("250-mx.smtpwatch.test", "250 AUTH=LOGIN")
                .expect("QUIT")
                .send("221 bye"),
            Mode.PLAIN,
            noTls());

    assertThat(result.failure()).isNull();
    assertThat(result.authBeforeTls()).isTrue();
    assertThat(result.ehlo().authMechanisms()).containsExactly("LOGIN");
  }
}
