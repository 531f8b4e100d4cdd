package org.smtpwatch.config;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The checks that need an endpoint's final settings or more than one endpoint. */
final class EndpointChecks {

  private final ConfigErrors errors;

  EndpointChecks(ConfigErrors errors) {
    this.errors = errors;
  }

  void check(List<EndpointDraft> drafts) {
    Map<EndpointKey, EndpointDraft> seen = new HashMap<>();
    for (EndpointDraft draft : drafts) {
      checkTimeout(draft);
      EndpointDraft first = seen.putIfAbsent(draft.endpoint().key(), draft);
      if (first != null) {
        errors.at(
            draft.node(),
            "duplicate endpoint "
                + draft.endpoint().key()
                + ", already at "
                + first.node().path()
                + " (line "
                + first.node().line()
                + ", column "
                + first.node().column()
                + ")");
      }
    }
  }

  /**
   * A probe must end before the next one starts. The error points at whichever of the two settings
   * was given closest to the endpoint, since that is the one most likely meant to change; the same
   * top-level mistake seen from many endpoints is reported once.
   */
  private void checkTimeout(EndpointDraft draft) {
    Setting<Duration> interval = draft.interval();
    Setting<Duration> timeout = draft.timeout();
    if (timeout.value().compareTo(interval.value()) < 0) {
      return;
    }
    Setting<Duration> closest = timeout.depth() >= interval.depth() ? timeout : interval;
    String message =
        "timeout "
            + timeout.describe(DurationFormat::format)
            + " must be below interval "
            + interval.describe(DurationFormat::format);
    if (closest.source() == null) {
      errors.at(draft.node(), message);
    } else {
      errors.at(closest.source(), message);
    }
  }
}
