package org.smtpwatch.agent.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.smtpwatch.agent.testkit.Script.script;
import static org.smtpwatch.agent.testkit.TestEndpoints.endpoint;
import static org.smtpwatch.agent.testkit.TestEndpoints.noTls;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.smtpwatch.agent.testkit.ScriptedSmtpServer;
import org.smtpwatch.agent.tls.TlsHandshakers;
import org.smtpwatch.config.Endpoint;
import org.smtpwatch.config.Mode;

/** A greeting timeout reports how long the probe waited, which the deadline may have cut short. */
class GreetingTimeoutTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(1);

  /** The probe's clock, moved by hand; the socket's own read timeout still runs in real time. */
  private final AtomicLong nanos = new AtomicLong();

  private final ScheduledExecutorService alarmTimer = Executors.newSingleThreadScheduledExecutor();

  @AfterEach
  void stopTimer() {
    alarmTimer.shutdownNow();
  }

  @Test
  void aGreetingWaitCutByTheDeadlineReportsTheTimeItHad() throws Exception {
    Deadline deadline = Deadline.after(TIMEOUT, nanos::get);
    // Resolve and connect took 600 ms: 400 ms are left, less than the 900 ms greeting limit.
    nanos.addAndGet(Duration.ofMillis(600).toNanos());

    StepFailure failure = greetTarpit(deadline);

    assertThat(failure.failure().phase()).isEqualTo(Phase.BANNER);
    assertThat(failure.failure().reason()).isEqualTo(FailureReason.TIMEOUT);
    assertThat(failure.failure().detail())
        .isEqualTo("no greeting within 400 ms (nothing received)");
  }

  @Test
  void aGreetingWaitWithinTheDeadlineReportsTheGreetingLimit() throws Exception {
    StepFailure failure = greetTarpit(Deadline.after(TIMEOUT, nanos::get));

    assertThat(failure.failure().detail())
        .isEqualTo("no greeting within 900 ms (nothing received)");
  }

  // Mode tls: a silent plaintext port is then not checked for implicit TLS, so the wait is the
  // only thing measured.
  private StepFailure greetTarpit(Deadline deadline) throws Exception {
    try (ScriptedSmtpServer server = ScriptedSmtpServer.start(script().stallUntilClientCloses());
        Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(server.address(), server.port()));
      Endpoint endpoint = endpoint("127.0.0.1", server.port(), Mode.TLS, noTls(), TIMEOUT);
      SmtpChannel channel = new SmtpChannel(socket, Transcript.discarding(), deadline);
      SmtpSession session =
          new SmtpSession(
              channel,
              endpoint,
              deadline,
              new ProbeFindings(),
              new ProbeAlarm(alarmTimer, deadline),
              new TlsHandshakers());
      return catchThrowableOfType(StepFailure.class, session::greet);
    }
  }
}
