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

  private Agent start(Prober prober) {
    return Agent.start(
        TestEndpoints.config(4, List.of(slow, metronome)),
        prober,
        this::noReload,
        Clock.systemUTC());
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
