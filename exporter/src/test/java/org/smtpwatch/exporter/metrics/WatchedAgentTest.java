package org.smtpwatch.exporter.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.smtpwatch.agent.probe.Prober;
import org.smtpwatch.agent.schedule.Agent;
import org.smtpwatch.config.Config;
import org.smtpwatch.config.ConfigLoadResult;
import org.smtpwatch.config.ConfigLoader;
import org.smtpwatch.exporter.BuildInfo;

/**
 * The metrics on a real, scheduling agent (with a prober that answers from memory): probes show up,
 * the lag observer is fed, and a reload that drops an endpoint drops its series at once.
 */
class WatchedAgentTest {

  private static final String BOTH =
      """
      interval: 1s
      timeout: 500ms
      targets:
        - host: 127.0.0.1
          ports: [{port: 2525, mode: plain}]
        - host: 127.0.0.2
          ports: [{port: 2526, mode: plain}]
      """;
  private static final String ONE = BOTH.substring(0, BOTH.indexOf("  - host: 127.0.0.2"));

  private final Prober prober =
      (endpoint, transcript) ->
          ProbeSamples.greeting(endpoint, Instant.now(), 220, "localhost ESMTP ready");

  @Test
  void seriesFollowTheAgentThroughAReload() {
    Clock clock = Clock.systemUTC();
    try (ExporterMetrics metrics = new ExporterMetrics(new BuildInfo("0.1.0", "17"), clock);
        Agent agent =
            Agent.start(config(BOTH), prober, this::unused, metrics.scheduleLagObserver(), clock)) {
      metrics.watch(agent);
      await(
          "both endpoints probed",
          () -> agent.results().snapshot().stream().allMatch(e -> e.probesTotal() > 0));

      String before = Exposition.text(metrics.registry());
      assertThat(Exposition.samples(before, "smtp_probe_success")).hasSize(2);
      assertThat(before)
          .contains("smtpwatch_endpoints 2.0")
          .contains("smtpwatch_config_last_reload_successful 1.0");
      assertThat(Exposition.samples(before, "smtpwatch_probe_schedule_lag_seconds_count"))
          .singleElement()
          .satisfies(line -> assertThat(line).doesNotEndWith(" 0"));

      agent.reloader().apply(config(ONE));

      String after = Exposition.text(metrics.registry());
      assertThat(Exposition.smtpSamples(after))
          .isNotEmpty()
          .noneSatisfy(line -> assertThat(line).contains("host=\"127.0.0.2\""));
      assertThat(after).contains("smtpwatch_endpoints 1.0");
    }
  }

  private static Config config(String yaml) {
    ConfigLoadResult result =
        new ConfigLoader(Map.<String, String>of()::get, () -> "probe.test")
            .parse(yaml, "test.yml", Path.of("."));
    assertThat(result).isInstanceOf(ConfigLoadResult.Loaded.class);
    return ((ConfigLoadResult.Loaded) result).config();
  }

  private ConfigLoadResult unused(Path path) {
    throw new AssertionError("this test applies configs directly");
  }

  private static void await(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError("not within 20s: " + what);
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
    }
  }
}
