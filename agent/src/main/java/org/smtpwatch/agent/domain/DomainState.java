package org.smtpwatch.agent.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.smtpwatch.agent.mtasts.MtaStsOutcome;
import org.smtpwatch.config.DomainSpec;

/**
 * What the agent knows about one watched domain after its latest lookup; immutable.
 *
 * @param mx the latest MX lookup
 * @param hosts the MX set being probed: the latest lookup's, or the one before it when the latest
 *     failed for a reason that says nothing about the domain (a resolver timeout)
 * @param mtaSts the latest MTA-STS look, or {@code null} when MTA-STS is disabled for the domain
 */
public record DomainState(
    DomainSpec spec, Instant checkedAt, MxOutcome mx, List<MxHost> hosts, MtaStsOutcome mtaSts) {

  public DomainState {
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(mx, "mx");
    hosts = List.copyOf(hosts);
  }

  public String name() {
    return spec.name();
  }
}
