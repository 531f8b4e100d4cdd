package org.smtpwatch.agent.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.smtpwatch.agent.schedule.TestEndpoints.endpoint;
import static org.smtpwatch.agent.testkit.Script.script;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.smtpwatch.agent.probe.SmtpProber;
import org.smtpwatch.agent.testkit.Script;
import org.smtpwatch.agent.testkit.ScriptedSmtpServer;
import org.smtpwatch.config.ConfigLoadResult;
import org.smtpwatch.config.Endpoint;

/**
 * The agent probing good and hostile servers four times a second each, thousands of probes: open
 * file descriptors, live threads and the heap after a full GC stop growing while it runs and come
 * back to their baseline when it stops, and no endpoint falls behind its schedule.
 *
 * <p>It runs 25 s in the build. For a release check, run it for hours and read the figures it
 * prints: {@code mvn -B -pl agent -am test -Dtest=SoakTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dsmtpwatch.soak=PT2H}.
 */
class SoakTest {

  private static final Duration INTERVAL = Duration.ofMillis(250);
  private static final Duration TIMEOUT = Duration.ofMillis(200);
  private static final int GOOD = 24;

  private static Duration length() {
    return Duration.parse(System.getProperty("smtpwatch.soak", "PT25S"));
  }

  static List<Script> hostile() {
    Script greeted = script().send("220 mx.smtpwatch.test ESMTP");
    return List.of(
        script().stallUntilClientCloses(),
        script().reset(),
        script().flood("\u0000\u00ffgarbage"),
        script().flood("220-hello again\r\n"),
        script().send("421 4.3.2 busy").close(),
        greeted.stallUntilClientCloses(),
        greeted.expect("EHLO").send("250-mx", "421 4.3.2 shutting down").close(),
        greeted.expect("EHLO").reset());
  }

  @Test
  void resourcesStayFlatAndEveryEndpointKeepsItsSchedule() throws Exception {
    Duration length = length();
    List<ScriptedSmtpServer> servers = new ArrayList<>();
    try (SmtpResponderFleet fleet = SmtpResponderFleet.start(GOOD)) {
      List<Endpoint> endpoints = new ArrayList<>();
      fleet.ports().forEach(p -> endpoints.add(endpoint("127.0.0.1", p, INTERVAL, TIMEOUT)));
      for (Script script : hostile()) {
        ScriptedSmtpServer server = ScriptedSmtpServer.start(script);
        servers.add(server);
        endpoints.add(endpoint("127.0.0.1", server.port(), INTERVAL, TIMEOUT));
      }
      SmtpProber prober = new SmtpProber();
      ResourceFigures baseline = ResourceFigures.measure();
      ResourceFigures warm;
      ResourceFigures end;
      long probes;
      try (Agent agent =
          Agent.start(
              TestEndpoints.config(64, endpoints), prober, this::noReload, Clock.systemUTC())) {
        Poll.letTimePass(length.dividedBy(4));
        warm = ResourceFigures.measure();
        long warmProbes = probesTotal(agent);
        Poll.letTimePass(length.minus(length.dividedBy(4)));
        end = ResourceFigures.measure();
        probes = probesTotal(agent);
        long expectedPerEndpoint = length.minus(length.dividedBy(4)).dividedBy(INTERVAL);
        System.out.printf(
            "soak %s: %d endpoints, %d probes (%d after warm-up)%n  baseline %s%n  warm     %s%n"
                + "  end      %s%n",
            length, endpoints.size(), probes, probes - warmProbes, baseline, warm, end);
        assertThat(probes).as("thousands of probes").isGreaterThan(1000);
        for (Endpoint endpoint : endpoints) {
          assertThat(agent.results().get(endpoint.key()).orElseThrow().probesTotal())
              .as("probes of %s (due about %d after warm-up)", endpoint.key(), expectedPerEndpoint)
              .isGreaterThan(expectedPerEndpoint / 2);
        }
      }
      assertThat(end.fileDescriptors()).isLessThanOrEqualTo(warm.fileDescriptors() + 64);
      assertThat(end.threads()).isLessThanOrEqualTo(warm.threads() + 32);
      assertThat(end.heapBytes()).isLessThanOrEqualTo(warm.heapBytes() + (32L << 20));
      Poll.until(
          "file descriptors and threads back to the baseline",
          Duration.ofSeconds(20),
          () -> ResourceFigures.withoutGc().isWithin(baseline, 16, 8));
      ResourceFigures after = ResourceFigures.measure();
      System.out.printf("  stopped  %s%n", after);
      assertThat(after.heapBytes()).isLessThanOrEqualTo(baseline.heapBytes() + (32L << 20));
    } finally {
      for (ScriptedSmtpServer server : servers) {
        server.close();
      }
    }
  }

  private static long probesTotal(Agent agent) {
    return agent.results().snapshot().stream().mapToLong(EndpointSnapshot::probesTotal).sum();
  }

  private ConfigLoadResult noReload(Path file) {
    throw new AssertionError("no reload in this test");
  }
}
