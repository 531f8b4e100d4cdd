package org.smtpwatch.agent.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.smtpwatch.agent.schedule.TestEndpoints.endpoint;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.smtpwatch.agent.probe.Prober;
import org.smtpwatch.config.ConfigLoadResult;
import org.smtpwatch.config.Endpoint;
import org.smtpwatch.config.EndpointKey;

/** Runs that could not happen on time are skipped, never made up in a burst. */
class MisfireTest {

  private static final Duration INTERVAL = Duration.ofMillis(300);

  private final Endpoint slow = endpoint("127.0.0.1", 1025, INTERVAL, Duration.ofMillis(100));
  // Probed on the same interval, it tells the test how many intervals have passed.
  private final Endpoint metronome = endpoint("127.0.0.1", 1026, INTERVAL, Duration.ofMillis(100));

  @Test
  void aProbeBlockedForSeveralIntervalsIsNotFollowedByABurst() throws Exception {
    CountDownLatch blocked = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Prober blockingOnce =
        (endpoint, transcript) -> {
          if (endpoint.equals(slow) && blocked.getCount() > 0) {
            blocked.countDown();
            await(release);
          }
          return TestEndpoints.up(endpoint, Instant.now());
        };
    CountingProber prober = new CountingProber(blockingOnce);

    Agent agent = start(prober);
    try {
      assertThat(blocked.await(5, TimeUnit.SECONDS)).isTrue();
      awaitRuns(prober, metronome.key(), 5); // five runs of the slow endpoint missed meanwhile
      Instant released = Instant.now();
      release.countDown();
      awaitRuns(prober, metronome.key(), 4);

      List<Instant> after = startsAfter(prober, slow.key(), released);
      assertThat(after).hasSizeBetween(3, 5);
      assertNoBurst(after);
      assertThat(prober.overlaps()).isZero();
    } finally {
      agent.close();
    }
  }

  @Test
  void runsMissedWhileTheSchedulerCouldNotFireAreSkipped() throws Exception {
    CountingProber prober = new CountingProber((e, t) -> TestEndpoints.up(e, Instant.now()));

    try (Agent agent = start(prober)) {
      awaitRuns(prober, slow.key(), 2);
      agent.schedule().quartz().standby();
      Poll.letTimePass(INTERVAL.multipliedBy(6)); // five or six runs due meanwhile
      Instant resumed = Instant.now();
      agent.schedule().quartz().start();
      awaitRuns(prober, slow.key(), 3);

      List<Instant> after = startsAfter(prober, slow.key(), resumed);
      assertNoBurst(after);
      // Three runs on schedule take two intervals; a burst of the missed ones would take none.
      assertThat(Duration.between(after.get(0), after.get(2)))
          .isGreaterThan(INTERVAL.multipliedBy(3).dividedBy(2));
    }
  }

  // These two hold the schedule back with pauseAll, not standby: standby still fires a trigger
  // the scheduler thread has already acquired, so the run due next would come on time.
  @Test
  void aRunTheSchedulerGetsToASecondLateStillRuns() throws Exception {
    Endpoint endpoint = endpoint("127.0.0.1", 1027, Duration.ofSeconds(3), Duration.ofSeconds(1));
    CountingProber prober = new CountingProber((e, t) -> TestEndpoints.up(e, Instant.now()));

    try (Agent agent = start(prober, List.of(endpoint))) {
      awaitRuns(prober, endpoint.key(), 1);
      agent.schedule().quartz().pauseAll();
      Instant first = prober.starts(endpoint.key()).get(0);
      // The next run is due 3 s after the first; the scheduler comes back a second after that,
      // as after a long garbage collection.
      Poll.letTimePass(Duration.between(Instant.now(), first.plusSeconds(4)));
      agent.schedule().quartz().resumeAll();
      awaitRuns(prober, endpoint.key(), 1);

      // Run late, at once, rather than dropped until the one after (6 s after the first).
      assertThat(prober.starts(endpoint.key()).get(1)).isBefore(first.plusMillis(5_000));
    }
  }

  @Test
  void runsTheSchedulerCouldNotFireAtAllAreLogged() throws Exception {
    Endpoint endpoint = endpoint("127.0.0.1", 1028, Duration.ofSeconds(2), Duration.ofSeconds(1));
    CountingProber prober = new CountingProber((e, t) -> TestEndpoints.up(e, Instant.now()));

    try (Agent agent = start(prober, List.of(endpoint));
        LogCapture log = new LogCapture(ProbeRunner.class)) {
      awaitRuns(prober, endpoint.key(), 1);
      agent.schedule().quartz().pauseAll();
      Instant first = prober.starts(endpoint.key()).get(0);
      // Back more than Quartz's misfire threshold after the next run was due: Quartz moves the
      // trigger on to its first run after now without firing the ones in between.
      Duration beyond = Duration.ofMillis(QuartzProperties.MISFIRE_THRESHOLD_MILLIS + 700);
      Poll.letTimePass(Duration.between(Instant.now(), first.plusSeconds(2).plus(beyond)));
      agent.schedule().quartz().resumeAll();
      awaitRuns(prober, endpoint.key(), 1);

      // Due meanwhile: the runs 2, 4 and 6 s after the first (the first of them 5.7 s late).
      assertThat(log.lines())
          .hasSize(2)
          .first()
          .asString()
          .startsWith(endpoint.key() + ": run planned at ")
          .contains(" skipped, the scheduler got to it 57");
      assertThat(log.lines().get(1))
          .isEqualTo(endpoint.key() + ": probed again after 3 skipped runs");
    }
  }

  private Agent start(Prober prober) {
    return start(prober, List.of(slow, metronome));
  }

  private Agent start(Prober prober, List<Endpoint> endpoints) {
    return Agent.start(
        TestEndpoints.config(4, endpoints), prober, this::noReload, Clock.systemUTC());
  }

  private static void awaitRuns(CountingProber prober, EndpointKey key, int more) {
    int target = prober.count(key) + more;
    Poll.until(
        more + " more runs of " + key, Duration.ofSeconds(10), () -> prober.count(key) >= target);
  }

  private static List<Instant> startsAfter(CountingProber prober, EndpointKey key, Instant from) {
    return prober.starts(key).stream().filter(from::isBefore).sorted().toList();
  }

  /** Consecutive runs are about an interval apart, never crowded together. */
  private static void assertNoBurst(List<Instant> starts) {
    for (int i = 1; i < starts.size(); i++) {
      assertThat(Duration.between(starts.get(i - 1), starts.get(i)))
          .as("gap before run %d of %s", i, starts)
          .isGreaterThan(INTERVAL.dividedBy(2));
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private ConfigLoadResult noReload(Path file) {
    throw new AssertionError("no reload in this test");
  }
}
