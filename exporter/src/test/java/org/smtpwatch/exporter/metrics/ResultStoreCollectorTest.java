package org.smtpwatch.exporter.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.smtpwatch.exporter.metrics.ProbeSamples.NOW;

import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.DataPointSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.smtpwatch.agent.schedule.ResultStore;
import org.smtpwatch.config.Endpoint;
import org.smtpwatch.config.Mode;

/**
 * An endpoint's points are built once per snapshot: a scrape reuses those of an endpoint that has
 * not been probed since, builds new ones for one that has, and forgets removed endpoints.
 */
class ResultStoreCollectorTest {

  private final ResultStore store = new ResultStore();
  private final ResultStoreCollector collector =
      new ResultStoreCollector(store::snapshot, List::of, new BannerNormalizer());
  private final Endpoint first =
      ProbeSamples.endpoint("a.example.com", 587, Mode.STARTTLS, Map.of());
  private final Endpoint second =
      ProbeSamples.endpoint("b.example.com", 587, Mode.STARTTLS, Map.of());

  @Test
  void anUnchangedEndpointReusesItsPoints() {
    probe(first);
    DataPointSnapshot banner = point(collector.collect(), "smtp_banner_info", first);

    assertThat(point(collector.collect(), "smtp_banner_info", first)).isSameAs(banner);
  }

  @Test
  void aNewResultRebuildsOnlyItsEndpoint() {
    probe(first);
    probe(second);
    MetricSnapshots before = collector.collect();

    probe(first);
    MetricSnapshots after = collector.collect();

    assertThat(point(after, "smtp_probes_total", first))
        .isNotSameAs(point(before, "smtp_probes_total", first));
    assertThat(value(after, "smtp_probes_total", first)).isEqualTo(2);
    assertThat(point(after, "smtp_probes_total", second))
        .isSameAs(point(before, "smtp_probes_total", second));
  }

  @Test
  void aRemovedEndpointIsForgotten() {
    probe(first);
    probe(second);
    collector.collect();
    assertThat(collector.cachedEndpoints()).isEqualTo(2);

    store.remove(second.key());
    MetricSnapshots after = collector.collect();

    assertThat(collector.cachedEndpoints()).isEqualTo(1);
    assertThat(points(after, "smtp_probes_total"))
        .extracting(p -> p.getLabels().get("host"))
        .containsExactly("a.example.com");
  }

  private void probe(Endpoint endpoint) {
    store.register(endpoint);
    store.record(ProbeSamples.starttlsSuccess(endpoint, NOW));
  }

  private static List<? extends DataPointSnapshot> points(MetricSnapshots all, String name) {
    for (MetricSnapshot snapshot : all) {
      String family = snapshot.getMetadata().getPrometheusName();
      if (name.equals(family) || name.equals(family + "_total") || name.equals(family + "_info")) {
        return snapshot.getDataPoints();
      }
    }
    throw new AssertionError("no family " + name);
  }

  private static DataPointSnapshot point(MetricSnapshots all, String name, Endpoint endpoint) {
    return points(all, name).stream()
        .filter(p -> endpoint.host().equals(p.getLabels().get("host")))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + name + " for " + endpoint.host()));
  }

  private static double value(MetricSnapshots all, String name, Endpoint endpoint) {
    return ((CounterDataPointSnapshot) point(all, name, endpoint)).getValue();
  }
}
