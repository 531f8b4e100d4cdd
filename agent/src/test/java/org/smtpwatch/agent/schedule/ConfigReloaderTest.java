package org.smtpwatch.agent.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.smtpwatch.agent.schedule.TestEndpoints.endpoint;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SimpleTrigger;
import org.quartz.Trigger;
import org.quartz.impl.matchers.GroupMatcher;
import org.smtpwatch.config.Config;
import org.smtpwatch.config.ConfigError;
import org.smtpwatch.config.ConfigLoadResult;
import org.smtpwatch.config.Endpoint;
import org.smtpwatch.config.EndpointKey;

/** Each reload step leaves the store and the Quartz jobs matching the file, and only them. */
class ConfigReloaderTest {

  private static final Duration FAST = Duration.ofMillis(100);
  private static final Duration SLOWER = Duration.ofMillis(200);
  private static final Duration TIMEOUT = Duration.ofMillis(50);

  private final Endpoint a = endpoint("127.0.0.1", 1025, FAST, TIMEOUT);
  private final Endpoint b = endpoint("127.0.0.2", 1025, FAST, TIMEOUT);
  private final Endpoint c = endpoint("127.0.0.3", 1025, FAST, TIMEOUT);
  private final Endpoint d = endpoint("127.0.0.4", 1025, FAST, TIMEOUT);
  private final Endpoint bChanged = endpoint("127.0.0.2", 1025, SLOWER, TIMEOUT, Map.of("g", "x"));

  private final Map<Path, ConfigLoadResult> files = new HashMap<>();
  private final CountingProber prober =
      new CountingProber((e, t) -> TestEndpoints.up(e, Instant.now()));
  private Agent agent;

  @AfterEach
  void stop() {
    if (agent != null) {
      agent.close();
    }
  }

  @Test
  void appliesAddsRemovalsAndChangesAndKeepsTheRunningConfigOnAnInvalidFile() throws Exception {
    agent = Agent.start(config(a, b, c), prober, files::get, Clock.systemUTC());
    assertMatches(a, b, c);
    awaitProbed(a, b, c);
    Date aStart = trigger(a).getStartTime();

    long aBefore = probes(a);
    long bBefore = probes(b);
    ReloadOutcome second =
        reload("second.yml", new ConfigLoadResult.Loaded(config(a, bChanged, d)));

    assertThat(second)
        .extracting(
            ReloadOutcome::success,
            ReloadOutcome::added,
            ReloadOutcome::removed,
            ReloadOutcome::changed,
            ReloadOutcome::unchanged)
        .containsExactly(true, 1, 1, 1, 1);
    assertMatches(a, bChanged, d);
    assertThat(trigger(a).getStartTime()).as("unchanged keeps its schedule").isEqualTo(aStart);
    assertThat(((SimpleTrigger) trigger(bChanged)).getRepeatInterval()).isEqualTo(200);
    assertThat(agent.results().get(b.key()).orElseThrow().endpoint()).isEqualTo(bChanged);
    awaitProbed(d);
    assertThat(probes(a)).as("unchanged keeps its counters").isGreaterThanOrEqualTo(aBefore);
    assertThat(probes(b)).as("changed keeps its counters").isGreaterThanOrEqualTo(bBefore);
    assertThat(agent.results().get(c.key())).as("removed, late results dropped").isEmpty();

    ReloadStatus lastGood = agent.reloader().status();
    try (LogCapture log = new LogCapture(ConfigReloader.class)) {
      List<ConfigError> errors =
          List.of(
              new ConfigError("third.yml", 3, 5, "targets[0].ports[0]", "not a port: 99999"),
              new ConfigError("third.yml", 7, 14, "interval", "\"30\" is not a duration"));
      ReloadOutcome third = reload("third.yml", new ConfigLoadResult.Invalid(errors));

      assertThat(third.success()).isFalse();
      assertThat(third.errors()).isEqualTo(errors);
      assertThat(log.lines()).contains(errors.get(0).toString(), errors.get(1).toString());
    }
    assertMatches(a, bChanged, d);
    assertThat(agent.reloader().running().endpoints()).containsExactly(a, bChanged, d);
    assertThat(agent.reloader().status().lastSuccessful()).isFalse();
    assertThat(agent.reloader().status().lastSuccessAt()).isEqualTo(lastGood.lastSuccessAt());

    ReloadOutcome again = reload("fourth.yml", new ConfigLoadResult.Loaded(config(a, bChanged, d)));
    assertThat(again.unchanged()).isEqualTo(3);
    assertThat(again.added() + again.removed() + again.changed()).isZero();
    assertThat(agent.reloader().status().lastSuccessful()).isTrue();
  }

  @Test
  void aLoaderThatThrowsIsARejectedReload() throws Exception {
    agent =
        Agent.start(
            config(a),
            prober,
            file -> {
              throw new UnsupportedOperationException("not built yet");
            },
            Clock.systemUTC());

    ReloadOutcome outcome = agent.reloader().reload(Path.of("broken.yml"));

    assertThat(outcome.success()).isFalse();
    assertThat(outcome.errors()).singleElement().asString().contains("broken.yml", "not built yet");
    assertMatches(a);
  }

  private ReloadOutcome reload(String name, ConfigLoadResult result) {
    files.put(Path.of(name), result);
    return agent.reloader().reload(Path.of(name));
  }

  private void assertMatches(Endpoint... expected) throws Exception {
    Set<EndpointKey> keys =
        Set.of(expected).stream().map(Endpoint::key).collect(Collectors.toSet());
    Scheduler quartz = agent.schedule().quartz();
    assertThat(agent.results().snapshot())
        .extracting(EndpointSnapshot::endpoint)
        .containsExactlyInAnyOrder(expected);
    assertThat(quartz.getJobKeys(GroupMatcher.jobGroupEquals(ProbeSchedule.JOB_GROUP)))
        .containsExactlyInAnyOrderElementsOf(keys.stream().map(ProbeSchedule::jobKey).toList());
    for (Endpoint endpoint : expected) {
      assertThat(((SimpleTrigger) trigger(endpoint)).getRepeatInterval())
          .isEqualTo(endpoint.interval().toMillis());
      assertThat(trigger(endpoint).getMisfireInstruction())
          .isEqualTo(SimpleTrigger.MISFIRE_INSTRUCTION_RESCHEDULE_NEXT_WITH_REMAINING_COUNT);
    }
    assertThat(agent.schedule().scheduled()).isEqualTo(keys);
  }

  private Trigger trigger(Endpoint endpoint) throws Exception {
    JobKey job = ProbeSchedule.jobKey(endpoint.key());
    List<? extends Trigger> triggers = agent.schedule().quartz().getTriggersOfJob(job);
    assertThat(triggers).hasSize(1);
    return triggers.get(0);
  }

  private void awaitProbed(Endpoint... endpoints) {
    Poll.until(
        "each probed twice",
        Duration.ofSeconds(5),
        () -> List.of(endpoints).stream().allMatch(e -> probes(e) >= 2));
  }

  private long probes(Endpoint endpoint) {
    return agent.results().get(endpoint.key()).map(EndpointSnapshot::probesTotal).orElse(0L);
  }

  private static Config config(Endpoint... endpoints) {
    return TestEndpoints.config(4, List.of(endpoints));
  }
}
