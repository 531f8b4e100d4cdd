package org.smtpwatch.exporter.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.smtpwatch.agent.schedule.EndpointSnapshot;

/**
 * {@code /-/ready}: not ready until every endpoint has a result (the first round has run) or one
 * interval has passed since start, whichever is first; a slow or dead mail server must not keep the
 * agent unready for ever. Once ready it stays ready: endpoints a reload adds start unprobed, and
 * that is not a reason to pull the agent out of a load balancer.
 */
final class Readiness {

  private final Supplier<List<EndpointSnapshot>> endpoints;
  private final Clock clock;
  private final Instant readyAtLatest;
  private volatile boolean ready;

  Readiness(Supplier<List<EndpointSnapshot>> endpoints, Clock clock, Duration interval) {
    this.endpoints = endpoints;
    this.clock = clock;
    this.readyAtLatest = clock.instant().plus(interval);
  }

  boolean ready() {
    if (!ready) {
      ready = !clock.instant().isBefore(readyAtLatest) || unprobed() == 0;
    }
    return ready;
  }

  /** Why not ready yet, for the 503 body. */
  String waitingFor() {
    return unprobed() + " endpoint(s) not probed yet; ready at the latest at " + readyAtLatest;
  }

  private long unprobed() {
    return endpoints.get().stream().filter(snapshot -> snapshot.latest() == null).count();
  }
}
