package org.smtpwatch.exporter.metrics;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.smtpwatch.agent.domain.DomainState;
import org.smtpwatch.agent.schedule.EndpointSnapshot;
import org.smtpwatch.config.EndpointKey;

/**
 * Builds every per-endpoint series from the result store at scrape time. Nothing is registered per
 * endpoint, so nothing can go stale: an endpoint removed by a reload is simply not in the next
 * snapshot, a changed banner is the only banner, and failure info exists only while the latest
 * probe failed.
 *
 * <p>An endpoint that has not been probed yet shows only its settings and {@code smtp_probes_total
 * 0}: there is no result to describe, and a 0 for {@code smtp_probe_success} would page someone for
 * a probe that never ran.
 *
 * <p>An endpoint's snapshot is immutable and replaced by each probe, so its data points are built
 * once per snapshot and reused by every scrape until the next probe: at 10,000 endpoints probed
 * every 60 s and scraped every 15 s, three scrapes in four find an endpoint unchanged, and building
 * the points (banner normalisation, label sets) was most of a scrape's work.
 */
final class ResultStoreCollector implements MultiCollector {

  private final Supplier<List<EndpointSnapshot>> endpoints;
  private final Supplier<List<DomainState>> domains;
  private final LatestProbeSeries latest;
  private final EndpointHistorySeries history = new EndpointHistorySeries();
  private final EndpointSettingsSeries settings = new EndpointSettingsSeries();

  /**
   * The points of each endpoint's latest snapshot. Scrapes may run at once: each puts what it
   * built, and either copy is right for the snapshot it was built from.
   */
  private final Map<EndpointKey, EndpointPoints> built = new ConcurrentHashMap<>();

  ResultStoreCollector(
      Supplier<List<EndpointSnapshot>> endpoints,
      Supplier<List<DomainState>> domains,
      BannerNormalizer banners) {
    this.endpoints = endpoints;
    this.domains = domains;
    this.latest = new LatestProbeSeries(banners);
  }

  @Override
  public MetricSnapshots collect() {
    FamilySnapshots out = new FamilySnapshots();
    List<EndpointSnapshot> snapshots = endpoints.get();
    Map<EndpointKey, EndpointSnapshot> byKey = new HashMap<>();
    snapshots.forEach(s -> byKey.put(s.key(), s));
    DomainSeries domainSeries = new DomainSeries(key -> Optional.ofNullable(byKey.get(key)));
    for (DomainState domain : domains.get()) {
      domainSeries.write(domain, out);
    }
    EndpointPoints[] current = new EndpointPoints[snapshots.size()];
    for (int i = 0; i < current.length; i++) {
      current[i] = pointsOf(snapshots.get(i));
    }
    // The client sorts every family's points by their labels. Handed over in that order (nearly:
    // a family's own labels can sort between the endpoint's), its merge sort finds long sorted
    // runs and does about one comparison of label arrays per point instead of log2(n).
    Arrays.sort(current, EndpointPoints.BY_LABELS);
    for (EndpointPoints points : current) {
      out.addAll(points);
    }
    if (built.size() > snapshots.size()) {
      // Every current endpoint has an entry now, so anything more was removed by a reload.
      built.keySet().retainAll(byKey.keySet());
    }
    return out.build();
  }

  /** How many endpoints' points are kept between scrapes. */
  int cachedEndpoints() {
    return built.size();
  }

  private EndpointPoints pointsOf(EndpointSnapshot snapshot) {
    EndpointPoints points = built.get(snapshot.key());
    if (points != null && points.builtFrom(snapshot)) {
      return points;
    }
    FamilySnapshots endpoint = new FamilySnapshots();
    EndpointLabels labels = new EndpointLabels(snapshot.endpoint());
    settings.write(snapshot.endpoint(), labels, endpoint);
    history.write(snapshot, labels, endpoint);
    if (snapshot.latest() != null) {
      latest.write(snapshot.endpoint(), labels, snapshot.latest(), endpoint);
    }
    points = endpoint.toEndpointPoints(snapshot, labels.plain());
    built.put(snapshot.key(), points);
    return points;
  }
}
