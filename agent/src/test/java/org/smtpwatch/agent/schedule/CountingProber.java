package org.smtpwatch.agent.schedule;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.smtpwatch.agent.probe.ProbeResult;
import org.smtpwatch.agent.probe.Prober;
import org.smtpwatch.agent.probe.Transcript;
import org.smtpwatch.config.Endpoint;
import org.smtpwatch.config.EndpointKey;

/**
 * Wraps a prober and records, per endpoint, when each probe started and whether two probes of the
 * same endpoint ever ran at once.
 */
final class CountingProber implements Prober {

  private final Prober delegate;
  private final Map<EndpointKey, ConcurrentLinkedQueue<Instant>> starts = new ConcurrentHashMap<>();
  private final Map<EndpointKey, AtomicInteger> running = new ConcurrentHashMap<>();
  private final AtomicInteger overlaps = new AtomicInteger();
  private final AtomicInteger concurrent = new AtomicInteger();
  private final AtomicInteger maxConcurrent = new AtomicInteger();

  CountingProber(Prober delegate) {
    this.delegate = delegate;
  }

  @Override
  public ProbeResult probe(Endpoint endpoint, Transcript transcript) {
    EndpointKey key = endpoint.key();
    starts.computeIfAbsent(key, k -> new ConcurrentLinkedQueue<>()).add(Instant.now());
    AtomicInteger mine = running.computeIfAbsent(key, k -> new AtomicInteger());
    if (mine.incrementAndGet() > 1) {
      overlaps.incrementAndGet();
    }
    maxConcurrent.accumulateAndGet(concurrent.incrementAndGet(), Math::max);
    try {
      return delegate.probe(endpoint, transcript);
    } finally {
      concurrent.decrementAndGet();
      mine.decrementAndGet();
    }
  }

  List<Instant> starts(EndpointKey key) {
    ConcurrentLinkedQueue<Instant> mine = starts.get(key);
    return mine == null ? List.of() : List.copyOf(mine);
  }

  int count(EndpointKey key) {
    return starts(key).size();
  }

  long countBetween(EndpointKey key, Instant from, Instant to) {
    return starts(key).stream().filter(t -> !t.isBefore(from) && t.isBefore(to)).count();
  }

  int overlaps() {
    return overlaps.get();
  }

  int maxConcurrent() {
    return maxConcurrent.get();
  }
}
