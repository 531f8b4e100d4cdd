package org.smtpwatch.agent.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.smtpwatch.agent.probe.ScriptedProbe.assertWithin;
import static org.smtpwatch.agent.testkit.Script.script;
import static org.smtpwatch.agent.testkit.TestEndpoints.tlsRequired;

import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.smtpwatch.agent.testkit.Script;
import org.smtpwatch.config.Mode;

/**
 * Socket timeouts bound each read, not a whole step: a server that drips a byte just inside the
 * read timeout would hold a probe far past its deadline without the probe's alarm.
 */
class DeadlineGuardTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(1);

  private final ScriptedProbe probe = new ScriptedProbe();

  @AfterEach
  void stopServer() throws IOException {
    probe.close();
  }

  @Test
  void aTlsHandshakeDrippedByteByByteEndsAtTheDeadlineAsTimeout() throws Exception {
    // A TLS record header announcing a 16 KiB handshake message, then its body one byte every
    // 100 ms: every read succeeds, the handshake would last half an hour.
    Script drip = script().sendBytes(new byte[] {0x16, 0x03, 0x03, 0x40, 0x00});
    for (int i = 0; i < 60; i++) {
      drip = drip.delay(Duration.ofMillis(100)).sendBytes(new byte[] {0x02});
    }

    ProbeResult result = probe.run(drip, Mode.TLS, tlsRequired(), TIMEOUT);

    assertThat(result.failure()).as("%s", result.failure()).isNotNull();
    assertThat(result.failure().phase()).isEqualTo(Phase.TLS_HANDSHAKE);
    assertThat(result.failure().reason()).isEqualTo(FailureReason.TIMEOUT);
    assertThat(result.failure().detail()).contains("deadline");
    assertWithin(result, TIMEOUT);
  }

  @Test
  void aGreetingDrippedByteByByteEndsAtTheDeadlineAsTimeout() throws Exception {
    Script drip = script();
    for (int i = 0; i < 60; i++) {
      drip = drip.sendRaw(i == 0 ? "2" : "x").delay(Duration.ofMillis(100));
    }

    ProbeResult result = probe.run(drip, Mode.PLAIN, TestEndpointsNoTls.policy(), TIMEOUT);

    assertThat(result.failure()).as("%s", result.failure()).isNotNull();
    assertThat(result.failure().phase()).isEqualTo(Phase.BANNER);
    assertThat(result.failure().reason()).isEqualTo(FailureReason.TIMEOUT);
    assertWithin(result, TIMEOUT);
  }

  private static final class TestEndpointsNoTls {
    static org.smtpwatch.config.TlsPolicy policy() {
      return org.smtpwatch.agent.testkit.TestEndpoints.noTls();
    }
  }
}
