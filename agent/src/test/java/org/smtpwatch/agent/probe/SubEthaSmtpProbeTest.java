package org.smtpwatch.agent.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.smtpwatch.agent.testkit.TestEndpoints.endpoint;
import static org.smtpwatch.agent.testkit.TestEndpoints.noTls;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smtpwatch.config.Mode;
import org.subethamail.smtp.server.SMTPServer;

/** The happy path against a real SMTP server implementation (SubEthaSMTP) on loopback. */
class SubEthaSmtpProbeTest {

  private SMTPServer server;

  @BeforeEach
  void startServer() {
    server =
        SMTPServer.port(0)
            .bindAddress(InetAddress.getLoopbackAddress())
            .hostName("subetha.smtpwatch.test")
            .messageHandler((context, from, to, data) -> {})
            .build();
    server.start();
  }

  @AfterEach
  void stopServer() {
    server.stop();
  }

  @Test
  void plainModeSucceedsWithEveryPhase() {
    SmtpProber prober = new SmtpProber(host -> List.of(InetAddress.getLoopbackAddress()));
    Transcript transcript = Transcript.recording();

    ProbeResult result =
        prober.probe(
            endpoint(
                "subetha.smtpwatch.test",
                server.getPortAllocated(),
                Mode.PLAIN,
                noTls(),
                Duration.ofSeconds(5)),
            transcript);

    assertThat(result.failure()).as("%s", transcript.lines()).isNull();
    assertThat(result.phases())
        .extracting(PhaseTiming::phase)
        .containsExactly(Phase.RESOLVE, Phase.CONNECT, Phase.BANNER, Phase.EHLO, Phase.QUIT);
    assertThat(result.greetingCode()).isEqualTo(220);
    assertThat(result.banner()).startsWith("subetha.smtpwatch.test ESMTP");
    assertThat(result.ehlo().keywords()).contains("8BITMIME");
    assertThat(result.authBeforeTls()).isFalse();
    assertThat(result.tls()).isNull();
  }
}
