package org.smtpwatch.bench;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * One fleet size and interval the agent is measured at.
 *
 * @param hangingShare share of endpoints that accept but never greet
 * @param maxHeap the agent's -Xmx when the unit's does not suffice (the README's advice for
 *     thousands of endpoints), or null for the unit's
 */
record Scenario(
    String name, int endpoints, Duration interval, double hangingShare, String maxHeap) {

  static final List<Scenario> ALL =
      List.of(
          new Scenario("1k-60s", 1_000, Duration.ofSeconds(60), 0, null),
          new Scenario("10k-60s", 10_000, Duration.ofSeconds(60), 0, "320m"),
          new Scenario("1k-15s", 1_000, Duration.ofSeconds(15), 0, null),
          new Scenario("1k-60s-hanging", 1_000, Duration.ofSeconds(60), 0.05, null));

  /** The scenario called {@code name}, if there is one. */
  static Optional<Scenario> named(String name) {
    return ALL.stream().filter(s -> s.name().equals(name)).findFirst();
  }

  /** The whole-probe deadline: below the shortest interval, as the config demands. */
  static final Duration TIMEOUT = Duration.ofSeconds(10);
}
