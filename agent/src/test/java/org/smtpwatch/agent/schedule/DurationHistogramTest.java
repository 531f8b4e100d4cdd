package org.smtpwatch.agent.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.smtpwatch.agent.schedule.TestEndpoints.endpoint;
import static org.smtpwatch.agent.schedule.TestEndpoints.up;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.smtpwatch.config.Endpoint;

class DurationHistogramTest {

  private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

  @Test
  void countsEachObservationInTheFirstBucketThatHoldsIt() {
    DurationHistogram histogram =
        DurationHistogram.empty(List.of(0.1, 1.0))
            .with(Duration.ofMillis(100))
            .with(Duration.ofMillis(101))
            .with(Duration.ofSeconds(1))
            .with(Duration.ofSeconds(7));

    assertThat(histogram.counts()).containsExactly(1L, 2L, 1L);
    assertThat(histogram.count()).isEqualTo(4);
    assertThat(histogram.sumSeconds()).isCloseTo(8.201, org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  void rejectsBoundsThatDoNotAscend() {
    assertThatThrownBy(() -> DurationHistogram.empty(List.of(1.0, 0.5)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theStoreKeepsOneHistogramPerEndpointAndForgetsItOnRemoval() {
    ResultStore store = new ResultStore();
    Endpoint endpoint = endpoint("127.0.0.1", 25, Duration.ofMinutes(1), Duration.ofSeconds(10));
    store.register(endpoint);
    store.record(up(endpoint, T0));
    store.record(up(endpoint, T0.plusSeconds(60)));

    DurationHistogram durations = store.get(endpoint.key()).orElseThrow().durations();
    assertThat(durations.count()).isEqualTo(2);
    assertThat(durations.counts().get(0)).isEqualTo(2L);

    store.remove(endpoint.key());
    store.register(endpoint);
    assertThat(store.get(endpoint.key()).orElseThrow().durations().count()).isZero();
  }

  @Test
  void aChangedConfigurationKeepsTheHistogram() {
    ResultStore store = new ResultStore();
    Endpoint endpoint = endpoint("127.0.0.1", 25, Duration.ofMinutes(1), Duration.ofSeconds(10));
    store.register(endpoint);
    store.record(up(endpoint, T0));

    store.register(endpoint("127.0.0.1", 25, Duration.ofMinutes(2), Duration.ofSeconds(10)));

    assertThat(store.get(endpoint.key()).orElseThrow().durations().count()).isEqualTo(1);
  }
}
