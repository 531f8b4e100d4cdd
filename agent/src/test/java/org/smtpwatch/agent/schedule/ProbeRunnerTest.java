package org.smtpwatch.agent.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.smtpwatch.agent.schedule.TestEndpoints.endpoint;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.smtpwatch.agent.probe.Prober;
import org.smtpwatch.config.Endpoint;

class ProbeRunnerTest {

  private static final Duration INTERVAL = Duration.ofSeconds(30);
  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  private final ResultStore store = new ResultStore();
  private final CountDownLatch release = new CountDownLatch(1);
  private final AtomicInteger entered = new AtomicInteger();
  private final CompletableFuture<Thread> probeThread = new CompletableFuture<>();
  private final Prober blocking =
      (endpoint, transcript) -> {
        probeThread.complete(Thread.currentThread());
        entered.incrementAndGet();
        try {
          release.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return TestEndpoints.up(endpoint, Instant.now());
      };
  private final List<Duration> lags = new CopyOnWriteArrayList<>();
  private ProbeRunner runner;

  @AfterEach
  void stop() {
    release.countDown();
    if (runner != null) {
      runner.stop(Duration.ofSeconds(5));
    }
  }

  @Test
  void noMoreThanTheLimitProbeAtOnceAndTheRestWaitTheirTurn() {
    CountingProber prober = new CountingProber(blocking);
    runner = runner(prober, 2);
    List<Endpoint> endpoints = endpoints(6);

    endpoints.forEach(e -> assertThat(runner.launch(e, Instant.now())).isTrue());
    Poll.until("two probes running", Duration.ofSeconds(5), () -> entered.get() == 2);
    assertThat(runner.inFlight()).isEqualTo(6);
    release.countDown();
    Poll.until("all six done", Duration.ofSeconds(10), () -> runner.inFlight() == 0);

    assertThat(store.snapshot()).allSatisfy(s -> assertThat(s.probesTotal()).isEqualTo(1));
    assertThat(prober.maxConcurrent()).isEqualTo(2);
  }

  @Test
  void anEndpointStillBeingProbedIsNotProbedAgain() {
    runner = runner(blocking, 4);
    Endpoint endpoint = endpoints(1).get(0);

    assertThat(runner.launch(endpoint, Instant.now())).isTrue();
    assertThat(runner.launch(endpoint, Instant.now())).isFalse();
    release.countDown();
    Poll.until("probe recorded", Duration.ofSeconds(5), () -> runner.inFlight() == 0);

    assertThat(runner.launch(endpoint, Instant.now())).isTrue();
  }

  @Test
  void aRunThatCannotGetASlotBeforeItsNextRunIsSkipped() {
    runner = runner(blocking, 1);
    Endpoint busy = endpoints(1).get(0);
    Endpoint waiting = endpoint("127.0.0.2", 25, Duration.ofMillis(200), TIMEOUT);
    store.register(waiting);
    runner.launch(busy, Instant.now());
    Poll.until("slot taken", Duration.ofSeconds(5), () -> entered.get() == 1);

    runner.launch(waiting, Instant.now());
    Poll.until("waiting run given up", Duration.ofSeconds(5), () -> runner.inFlight() == 1);

    release.countDown();
    Poll.until("busy probe done", Duration.ofSeconds(5), () -> runner.inFlight() == 0);
    assertThat(store.get(waiting.key()).orElseThrow().probesTotal()).isZero();
  }

  @Test
  void aSaturatedEndpointLogsOnceWhenSkippingStartsAndOnceWhenItRunsAgain() {
    runner = runner(blocking, 1);
    Endpoint busy = endpoints(1).get(0);
    // A short interval, so that a run waits for a slot only briefly before the next one is due.
    Endpoint starved = endpoint("127.0.0.2", 25, Duration.ofSeconds(2), Duration.ofSeconds(1));
    store.register(starved);
    runner.launch(busy, Instant.now());
    Poll.until("slot taken", Duration.ofSeconds(5), () -> entered.get() == 1);

    try (LogCapture log = new LogCapture(ProbeRunner.class)) {
      Instant first = null;
      for (int run = 0; run < 3; run++) {
        // Planned 1.6 s before its next run: late, not too late, so it waits for a slot till then.
        Instant overdue = Instant.now().minusMillis(400);
        runner.launch(starved, overdue);
        Poll.until("run skipped", Duration.ofSeconds(5), () -> runner.inFlight() == 1);
        if (run == 0) {
          first = overdue;
        }
      }
      release.countDown();
      Poll.until("busy probe done", Duration.ofSeconds(5), () -> runner.inFlight() == 0);
      runner.launch(starved, Instant.now());
      Poll.until("starved probe done", Duration.ofSeconds(5), () -> runner.inFlight() == 0);

      assertThat(log.lines().stream().filter(line -> line.startsWith(starved.key() + ":")))
          .containsExactly(
              starved.key()
                  + ": run planned at "
                  + first
                  + " skipped, all 1 probe slots stayed busy until the next run; further skips"
                  + " are counted, not logged",
              starved.key() + ": probed again after 3 skipped runs");
    }
  }

  @Test
  void aProberThatThrowsDoesNotWedgeItsEndpoint() {
    runner =
        runner(
            (e, t) -> {
              throw new IllegalStateException("bug");
            },
            1);
    Endpoint endpoint = endpoints(1).get(0);

    runner.launch(endpoint, Instant.now());
    Poll.until("guard released", Duration.ofSeconds(5), () -> runner.inFlight() == 0);

    assertThat(runner.launch(endpoint, Instant.now())).isTrue();
  }

  @Test
  void reportsHowLateEachProbeStarted() {
    runner = runner(blocking, 1);
    release.countDown();

    runner.launch(endpoints(1).get(0), Instant.now().minusSeconds(2));
    Poll.until("probe done", Duration.ofSeconds(5), () -> runner.inFlight() == 0);

    assertThat(lags)
        .singleElement()
        .satisfies(lag -> assertThat(lag).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(7)));
  }

  @Test
  void aRunMoreThanHalfAnIntervalLateIsSkippedAndSaidSoOnce() {
    runner = runner(blocking, 1);
    release.countDown();
    Endpoint endpoint = endpoints(1).get(0);

    try (LogCapture log = new LogCapture(ProbeRunner.class)) {
      // 30 s interval: planned 20 s ago, the run would come 10 s before the next one.
      Instant planned = Instant.now().minusSeconds(20);
      assertThat(runner.launch(endpoint, planned)).isFalse();
      assertThat(runner.launch(endpoint, Instant.now().minusSeconds(16))).isFalse();
      assertThat(runner.inFlight()).isZero();
      assertThat(entered.get()).isZero();
      assertThat(runner.launch(endpoint, Instant.now())).isTrue();
      Poll.until("probe done", Duration.ofSeconds(5), () -> runner.inFlight() == 0);

      assertThat(entered.get()).isEqualTo(1);
      assertThat(log.lines())
          .hasSize(2)
          .first()
          .asString()
          .startsWith(
              endpoint.key()
                  + ": run planned at "
                  + planned
                  + " skipped, the scheduler got to it 20")
          .endsWith(
              " ms late (JVM paused or machine overloaded?); further skips are counted, not logged");
      assertThat(log.lines().get(1))
          .isEqualTo(endpoint.key() + ": probed again after 2 skipped runs");
    }
  }

  @Test
  void aRunFiredBeforeItsPlannedInstantHasNoLag() {
    runner = runner(blocking, 1);
    release.countDown();

    // Quartz fires a fraction of a millisecond early at times; here a whole second.
    runner.launch(endpoints(1).get(0), Instant.now().plusSeconds(1));
    Poll.until("probe done", Duration.ofSeconds(5), () -> runner.inFlight() == 0);

    assertThat(lags).containsExactly(Duration.ZERO);
  }

  @Test
  void afterStopNothingIsLaunched() {
    runner = runner(blocking, 1);
    Endpoint endpoint = endpoints(1).get(0);
    runner.launch(endpoint, Instant.now());
    Poll.until("probe running", Duration.ofSeconds(5), () -> entered.get() == 1);

    runner.stop(Duration.ofSeconds(5)); // interrupts the probe in flight

    assertThat(runner.inFlight()).isZero();
    assertThat(runner.launch(endpoint, Instant.now())).isFalse();
  }

  @Test
  void probesRunOnVirtualThreadsFromJava21() throws Exception {
    runner = runner(blocking, 1);
    runner.launch(endpoints(1).get(0), Instant.now());

    Thread thread = probeThread.get(5, TimeUnit.SECONDS);

    boolean java21 = Runtime.version().feature() >= 21;
    boolean virtual = java21 && (boolean) Thread.class.getMethod("isVirtual").invoke(thread);
    assertThat(virtual).isEqualTo(java21);
    assertThat(thread.getName()).startsWith("smtpwatch-probe-");
    assertThat(thread.isDaemon()).isTrue();
  }

  private ProbeRunner runner(Prober prober, int limit) {
    return new ProbeRunner(
        prober, store, new StateChangeLog(), limit, lags::add, Clock.systemUTC());
  }

  private List<Endpoint> endpoints(int count) {
    List<Endpoint> endpoints =
        IntStream.range(0, count)
            .mapToObj(i -> endpoint("127.0.0.1", 1025 + i, INTERVAL, TIMEOUT))
            .toList();
    endpoints.forEach(store::register);
    return endpoints;
  }
}
