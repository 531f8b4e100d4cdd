package org.smtpwatch.agent.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.smtpwatch.agent.schedule.TestEndpoints.down;
import static org.smtpwatch.agent.schedule.TestEndpoints.up;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.smtpwatch.agent.probe.FailureReason;
import org.smtpwatch.agent.probe.Phase;
import org.smtpwatch.agent.probe.ProbeResult;
import org.smtpwatch.config.AuthSpec;
import org.smtpwatch.config.Endpoint;
import org.smtpwatch.config.IpPreference;
import org.smtpwatch.config.Mode;

class StateChangeLogTest {

  private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

  // Credentials on the endpoint: none of them may reach the log.
  private final Endpoint endpoint =
      new Endpoint(
          "127.0.0.1",
          587,
          Mode.STARTTLS,
          TestEndpoints.NO_TLS,
          new AuthSpec(
              "monitor@example.net", Path.of("/etc/smtpwatch/pass"), "SMTP_PASS", List.of(), false),
          Map.of(),
          Duration.ofSeconds(60),
          Duration.ofSeconds(10),
          "probe.test",
          IpPreference.ANY);
  private final ResultStore store = new ResultStore();
  private final StateChangeLog stateChanges = new StateChangeLog();
  private final LogCapture log = new LogCapture(StateChangeLog.class);

  @AfterEach
  void detach() {
    log.close();
  }

  @Test
  void logsOneLinePerChangeNotPerProbe() {
    store.register(endpoint);

    record(up(endpoint, T0));
    record(up(endpoint, T0.plusSeconds(60)));
    record(down(endpoint, T0.plusSeconds(120), Phase.CONNECT, refused(), "refused by 127.0.0.1"));
    record(down(endpoint, T0.plusSeconds(180), Phase.CONNECT, refused(), "refused after 2 ms"));
    record(down(endpoint, T0.plusSeconds(240), Phase.BANNER, FailureReason.TIMEOUT, "no greeting"));
    record(up(endpoint, T0.plusSeconds(300)));
    record(up(endpoint, T0.plusSeconds(360)));

    assertThat(log.lines())
        .containsExactly(
            "127.0.0.1:587/starttls is up (first probe)",
            "127.0.0.1:587/starttls went down: phase=connect reason=connect_refused"
                + " detail=\"refused by 127.0.0.1\"",
            "127.0.0.1:587/starttls is still down, now phase=banner reason=timeout"
                + " detail=\"no greeting\" (was connect_refused in connect)",
            "127.0.0.1:587/starttls is up again");
    assertThat(log.events())
        .extracting(ILoggingEvent::getLevel)
        .containsExactly(Level.INFO, Level.WARN, Level.WARN, Level.INFO);
    assertThat(String.join("\n", log.lines()))
        .doesNotContain("monitor@example.net", "SMTP_PASS", "/etc/smtpwatch/pass");
  }

  @Test
  void aFirstProbeThatFailsIsLoggedAsDown() {
    store.register(endpoint);

    record(down(endpoint, T0, Phase.BANNER, FailureReason.GREETING_REJECTED, "554 go away"));

    assertThat(log.lines())
        .containsExactly(
            "127.0.0.1:587/starttls is down (first probe): phase=banner"
                + " reason=greeting_rejected detail=\"554 go away\"");
  }

  @Test
  void aServerCannotForgeLogLinesThroughTheDetail() {
    store.register(endpoint);

    record(
        down(
            endpoint,
            T0,
            Phase.BANNER,
            FailureReason.GREETING_REJECTED,
            "554 no\r\n2026-01-01 INFO all is well"));

    assertThat(log.lines()).singleElement().asString().doesNotContain("\n", "\r");
  }

  private void record(ProbeResult result) {
    store.record(result).ifPresent(stateChanges::logChange);
  }

  private static FailureReason refused() {
    return FailureReason.CONNECT_REFUSED;
  }
}
