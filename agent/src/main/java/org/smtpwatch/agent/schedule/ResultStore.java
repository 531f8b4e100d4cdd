package org.smtpwatch.agent.schedule;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.smtpwatch.agent.probe.ProbeResult;
import org.smtpwatch.config.Endpoint;
import org.smtpwatch.config.EndpointKey;

/**
 * The latest result and running counts of every scheduled endpoint. Writers replace an endpoint's
 * immutable {@link EndpointSnapshot} atomically; readers (the metrics exporter, at scrape time)
 * take {@link #snapshot()} and never see a half-updated entry or block a probe.
 *
 * <p>Only registered endpoints are kept: a result arriving after its endpoint was removed by a
 * reload is dropped, so a removed endpoint disappears from the metrics at once. Likewise a result
 * of an endpoint's previous configuration (probed before a reload changed its labels or policy,
 * recorded after) is dropped, so the entry never carries old labels or a verdict the new policy did
 * not reach.
 */
public final class ResultStore {

  /** One recorded probe: the endpoint's state just before and just after it. */
  public record Recorded(EndpointSnapshot before, EndpointSnapshot after) {}

  private static final Comparator<EndpointSnapshot> BY_KEY =
      Comparator.comparing((EndpointSnapshot entry) -> entry.key().host())
          .thenComparingInt(entry -> entry.key().port())
          .thenComparing(entry -> entry.key().mode());

  private final ConcurrentHashMap<EndpointKey, EndpointSnapshot> entries =
      new ConcurrentHashMap<>();

  /** Adds an endpoint, or updates the configuration of a known one keeping its counters. */
  public void register(Endpoint endpoint) {
    entries.merge(
        endpoint.key(),
        EndpointSnapshot.unprobed(endpoint),
        (known, fresh) -> known.withEndpoint(endpoint));
  }

  /** Drops an endpoint and its counters. */
  public void remove(EndpointKey key) {
    entries.remove(key);
  }

  /**
   * Counts a probe result.
   *
   * @return the endpoint's state before and after, or empty when the endpoint is not registered
   *     (removed while it was being probed) or registered with a different configuration (changed
   *     while it was being probed)
   */
  public Optional<Recorded> record(ProbeResult result) {
    Recorded[] recorded = new Recorded[1];
    entries.computeIfPresent(
        result.endpoint().key(),
        (key, before) -> {
          if (!before.endpoint().equals(result.endpoint())) {
            return before;
          }
          EndpointSnapshot after = before.withResult(result);
          recorded[0] = new Recorded(before, after);
          return after;
        });
    return Optional.ofNullable(recorded[0]);
  }

  public Optional<EndpointSnapshot> get(EndpointKey key) {
    return Optional.ofNullable(entries.get(key));
  }

  /** Every registered endpoint, ordered by host, port and mode. */
  public List<EndpointSnapshot> snapshot() {
    return entries.values().stream().sorted(BY_KEY).toList();
  }

  public int size() {
    return entries.size();
  }
}
