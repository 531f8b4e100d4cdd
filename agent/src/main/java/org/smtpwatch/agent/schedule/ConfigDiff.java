package org.smtpwatch.agent.schedule;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.smtpwatch.config.Endpoint;
import org.smtpwatch.config.EndpointKey;

/**
 * What a reload changes: endpoints are matched by {@link EndpointKey}; a key present on both sides
 * with a different {@link Endpoint} (interval, timeout, TLS policy, labels...) is changed.
 */
public record ConfigDiff(
    List<Endpoint> added,
    List<EndpointKey> removed,
    List<Endpoint> changed,
    List<Endpoint> unchanged) {

  public ConfigDiff {
    added = List.copyOf(added);
    removed = List.copyOf(removed);
    changed = List.copyOf(changed);
    unchanged = List.copyOf(unchanged);
  }

  /**
   * @throws IllegalArgumentException if either side lists a key twice (the loader rejects that)
   */
  public static ConfigDiff between(Collection<Endpoint> running, Collection<Endpoint> next) {
    Map<EndpointKey, Endpoint> before = byKey(running);
    Map<EndpointKey, Endpoint> after = byKey(next);
    List<Endpoint> added = new ArrayList<>();
    List<Endpoint> changed = new ArrayList<>();
    List<Endpoint> unchanged = new ArrayList<>();
    after.forEach(
        (key, endpoint) -> {
          Endpoint old = before.get(key);
          if (old == null) {
            added.add(endpoint);
          } else if (old.equals(endpoint)) {
            unchanged.add(endpoint);
          } else {
            changed.add(endpoint);
          }
        });
    List<EndpointKey> removed =
        before.keySet().stream().filter(key -> !after.containsKey(key)).toList();
    return new ConfigDiff(added, removed, changed, unchanged);
  }

  private static Map<EndpointKey, Endpoint> byKey(Collection<Endpoint> endpoints) {
    Map<EndpointKey, Endpoint> byKey = new LinkedHashMap<>();
    for (Endpoint endpoint : endpoints) {
      if (byKey.putIfAbsent(endpoint.key(), endpoint) != null) {
        throw new IllegalArgumentException("endpoint listed twice: " + endpoint.key());
      }
    }
    return byKey;
  }
}
