package org.smtpwatch.agent.testkit.postfix;

import java.util.Map;
import java.util.TreeMap;

/**
 * How one listener is configured now: whether it is in {@code master.cf} at all, and the {@code -o}
 * parameters a test put on top of its defaults.
 */
record ListenerSettings(boolean running, Map<String, String> overrides) {

  static final ListenerSettings DEFAULT = new ListenerSettings(true, Map.of());

  ListenerSettings {
    overrides = Map.copyOf(overrides);
  }

  ListenerSettings withRunning(boolean running) {
    return new ListenerSettings(running, overrides);
  }

  ListenerSettings withOverrides(Map<String, String> more) {
    Map<String, String> merged = new TreeMap<>(overrides);
    merged.putAll(more);
    return new ListenerSettings(running, merged);
  }
}
