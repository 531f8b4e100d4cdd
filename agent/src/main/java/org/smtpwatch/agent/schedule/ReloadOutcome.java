package org.smtpwatch.agent.schedule;

import java.time.Instant;
import java.util.List;
import org.smtpwatch.config.ConfigError;

/**
 * The result of applying a config, for the log, {@code POST /-/reload} and the reload metrics. A
 * rejected reload changes nothing: the running config stays.
 *
 * @param errors why the file was rejected; empty on success
 * @param added endpoints newly scheduled (on success)
 * @param removed endpoints unscheduled and dropped from the store (on success)
 * @param changed endpoints rescheduled with a new configuration, counters kept (on success)
 * @param unchanged endpoints left untouched (on success)
 */
public record ReloadOutcome(
    boolean success,
    Instant at,
    List<ConfigError> errors,
    int added,
    int removed,
    int changed,
    int unchanged) {

  public ReloadOutcome {
    errors = List.copyOf(errors);
  }

  static ReloadOutcome applied(Instant at, ConfigDiff diff) {
    return new ReloadOutcome(
        true,
        at,
        List.of(),
        diff.added().size(),
        diff.removed().size(),
        diff.changed().size(),
        diff.unchanged().size());
  }

  static ReloadOutcome rejected(Instant at, List<ConfigError> errors) {
    return new ReloadOutcome(false, at, errors, 0, 0, 0, 0);
  }
}
