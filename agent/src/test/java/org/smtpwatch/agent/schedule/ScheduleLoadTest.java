package org.smtpwatch.agent.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.smtpwatch.agent.schedule.TestEndpoints.endpoint;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.smtpwatch.agent.probe.SmtpProber;
import org.smtpwatch.config.ConfigLoadResult;
import org.smtpwatch.config.Endpoint;

/**
 * Two hundred real loopback SMTP responders probed by the real prober every second for ten seconds,
 * plus a tarpit that accepts connections and never greets, with a timeout longer than its interval.
 */
class ScheduleLoadTest {

  private static final Duration INTERVAL = Duration.ofSeconds(1);

  @Test
  void everyEndpointIsProbedOnScheduleAndNoneOverlapsItself() throws Exception {
    try (SmtpResponderFleet servers = SmtpResponderFleet.start(200);
        // Never accepts: the kernel completes the handshake from the backlog, no greeting comes.
        ServerSocket tarpit = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      List<Endpoint> endpoints = new ArrayList<>();
      for (int port : servers.ports()) {
        endpoints.add(endpoint("127.0.0.1", port, INTERVAL, Duration.ofMillis(800)));
      }
      Endpoint stuck =
          endpoint("127.0.0.1", tarpit.getLocalPort(), INTERVAL, Duration.ofSeconds(3));
      List<Endpoint> all = new ArrayList<>(endpoints);
      all.add(stuck);
      CountingProber prober = new CountingProber(new SmtpProber());

      Instant start = Instant.now();
      Instant windowStart = start.plus(INTERVAL); // by then every endpoint has had its first run
      Instant windowEnd = windowStart.plusSeconds(9);
      try (Agent agent = Agent.start(config(all), prober, this::noReload, Clock.systemUTC())) {
        Poll.until(
            "every endpoint probed after the window",
            Duration.ofSeconds(20),
            () ->
                endpoints.stream()
                    .allMatch(e -> prober.starts(e.key()).stream().anyMatch(windowEnd::isBefore)));

        assertThat(endpoints)
            .allSatisfy(
                e ->
                    assertThat(prober.countBetween(e.key(), windowStart, windowEnd))
                        .as("probes of %s in 9 s", e.key())
                        .isBetween(8L, 10L));
        assertThat(prober.overlaps()).isZero();
        assertThat(agent.results().get(endpoints.get(0).key()).orElseThrow().latest().success())
            .isTrue();
        // Each tarpit probe runs out its 3 s; runs due meanwhile are skipped, not queued.
        assertThat(prober.countBetween(stuck.key(), windowStart, windowEnd)).isBetween(2L, 4L);
        assertThat(agent.results().get(stuck.key()).orElseThrow().latest().success()).isFalse();
      }
    }
  }

  private static org.smtpwatch.config.Config config(List<Endpoint> endpoints) {
    return TestEndpoints.config(64, endpoints);
  }

  private ConfigLoadResult noReload(Path file) {
    throw new AssertionError("no reload in this test");
  }
}
