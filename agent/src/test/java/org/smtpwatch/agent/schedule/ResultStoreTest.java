package org.smtpwatch.agent.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.smtpwatch.agent.schedule.TestEndpoints.down;
import static org.smtpwatch.agent.schedule.TestEndpoints.endpoint;
import static org.smtpwatch.agent.schedule.TestEndpoints.up;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.smtpwatch.agent.probe.FailureReason;
import org.smtpwatch.agent.probe.Phase;
import org.smtpwatch.config.Endpoint;
import org.smtpwatch.config.EndpointKey;

class ResultStoreTest {

  private static final Duration MINUTE = Duration.ofSeconds(60);
  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

  private final ResultStore store = new ResultStore();
  private final Endpoint endpoint = endpoint("127.0.0.1", 25, MINUTE, TIMEOUT);

  @Test
  void countsProbesAndFailuresByReason() {
    store.register(endpoint);
    store.record(up(endpoint, T0));
    store.record(down(endpoint, T0.plusSeconds(60), Phase.CONNECT, refused(), "refused"));
    store.record(down(endpoint, T0.plusSeconds(120), Phase.CONNECT, refused(), "refused"));
    store.record(down(endpoint, T0.plusSeconds(180), Phase.BANNER, FailureReason.TIMEOUT, "x"));

    EndpointSnapshot entry = store.get(endpoint.key()).orElseThrow();
    assertThat(entry.probesTotal()).isEqualTo(4);
    assertThat(entry.failuresTotal())
        .containsExactlyInAnyOrderEntriesOf(Map.of(refused(), 2L, FailureReason.TIMEOUT, 1L));
    assertThat(entry.lastRunAt()).isEqualTo(T0.plusSeconds(180));
    assertThat(entry.lastSuccessAt()).isEqualTo(T0);
    assertThat(entry.latestResult()).hasValueSatisfying(r -> assertThat(r.success()).isFalse());
  }

  @Test
  void aRegisteredEndpointIsListedBeforeItsFirstProbe() {
    store.register(endpoint);

    assertThat(store.snapshot()).containsExactly(EndpointSnapshot.unprobed(endpoint));
  }

  @Test
  void removingAnEndpointDropsItsEntryAndItsLateResults() {
    store.register(endpoint);
    store.record(up(endpoint, T0));
    store.remove(endpoint.key());

    assertThat(store.record(up(endpoint, T0.plusSeconds(60)))).isEmpty();
    assertThat(store.snapshot()).isEmpty();
  }

  @Test
  void registeringAChangedEndpointKeepsItsCounters() {
    Endpoint relabelled = endpoint("127.0.0.1", 25, MINUTE, TIMEOUT, Map.of("group", "prod"));
    store.register(endpoint);
    store.record(up(endpoint, T0));

    store.register(relabelled);

    EndpointSnapshot entry = store.get(endpoint.key()).orElseThrow();
    assertThat(entry.endpoint()).isEqualTo(relabelled);
    assertThat(entry.probesTotal()).isEqualTo(1);
  }

  @Test
  void aResultOfTheConfigurationBeforeAReloadIsDropped() {
    Endpoint relabelled = endpoint("127.0.0.1", 25, MINUTE, TIMEOUT, Map.of("group", "prod"));
    store.register(endpoint);
    store.record(up(endpoint, T0));
    store.register(relabelled);

    assertThat(store.record(up(endpoint, T0.plusSeconds(60)))).isEmpty();

    EndpointSnapshot entry = store.get(endpoint.key()).orElseThrow();
    assertThat(entry.endpoint()).isEqualTo(relabelled);
    assertThat(entry.probesTotal()).isEqualTo(1);
    assertThat(entry.lastRunAt()).isEqualTo(T0);
    assertThat(store.record(up(relabelled, T0.plusSeconds(120)))).isPresent();
    assertThat(store.get(endpoint.key()).orElseThrow().latestResult())
        .hasValueSatisfying(latest -> assertThat(latest.endpoint()).isEqualTo(relabelled));
  }

  @Test
  void snapshotIsOrderedByHostPortAndMode() {
    Endpoint b = endpoint("127.0.0.2", 25, MINUTE, TIMEOUT);
    Endpoint a587 = endpoint("127.0.0.1", 587, MINUTE, TIMEOUT);
    List.of(b, a587, endpoint).forEach(store::register);

    assertThat(store.snapshot())
        .extracting(EndpointSnapshot::endpoint)
        .containsExactly(endpoint, a587, b);
  }

  @Test
  void readersSeeConsistentEntriesWhileWritersRecord() throws Exception {
    List<Endpoint> endpoints =
        IntStream.range(0, 20)
            .mapToObj(i -> endpoint("127.0.0.1", 1000 + i, MINUTE, TIMEOUT))
            .toList();
    endpoints.forEach(store::register);
    int writers = 8;
    int perWriter = 2_000;
    ExecutorService threads = Executors.newFixedThreadPool(writers + 4);
    AtomicBoolean writing = new AtomicBoolean(true);
    CountDownLatch go = new CountDownLatch(1);
    try {
      List<Future<?>> writes = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        writes.add(threads.submit(() -> write(endpoints, perWriter, go)));
      }
      List<Future<Integer>> reads = new ArrayList<>();
      for (int r = 0; r < 4; r++) {
        reads.add(threads.submit(() -> readUntilDone(writing, go)));
      }
      go.countDown();
      for (Future<?> write : writes) {
        write.get(30, TimeUnit.SECONDS);
      }
      writing.set(false);
      for (Future<Integer> read : reads) {
        assertThat(read.get(30, TimeUnit.SECONDS)).isPositive();
      }
    } finally {
      threads.shutdownNow();
    }

    long expected = (long) writers * perWriter / endpoints.size();
    assertThat(store.snapshot())
        .hasSize(endpoints.size())
        .allSatisfy(
            entry -> {
              assertThat(entry.probesTotal()).isEqualTo(expected);
              assertThat(entry.failuresTotal(refused())).isEqualTo(expected / 2);
            });
  }

  private Object write(List<Endpoint> endpoints, int count, CountDownLatch go) throws Exception {
    go.await(10, TimeUnit.SECONDS);
    for (int i = 0; i < count; i++) {
      Endpoint target = endpoints.get(i % endpoints.size());
      Instant at = T0.plusMillis(i);
      store.record(
          (i / endpoints.size()) % 2 == 0
              ? up(target, at)
              : down(target, at, Phase.CONNECT, refused(), "refused"));
    }
    return null;
  }

  /** Every entry read is internally consistent and counters never go backwards. */
  private int readUntilDone(AtomicBoolean writing, CountDownLatch go) throws Exception {
    go.await(10, TimeUnit.SECONDS);
    Map<EndpointKey, Long> seen = new HashMap<>();
    int snapshots = 0;
    do {
      for (EndpointSnapshot entry : store.snapshot()) {
        long failures = entry.failuresTotal().values().stream().mapToLong(Long::longValue).sum();
        assertThat(failures).isLessThanOrEqualTo(entry.probesTotal());
        assertThat(entry.probesTotal()).isGreaterThanOrEqualTo(seen.getOrDefault(entry.key(), 0L));
        seen.put(entry.key(), entry.probesTotal());
      }
      snapshots++;
    } while (writing.get());
    return snapshots;
  }

  private static FailureReason refused() {
    return FailureReason.CONNECT_REFUSED;
  }
}
