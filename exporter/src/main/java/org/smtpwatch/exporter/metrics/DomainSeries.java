package org.smtpwatch.exporter.metrics;

import static org.smtpwatch.exporter.metrics.DomainFamilies.FETCH_FAILURE;
import static org.smtpwatch.exporter.metrics.DomainFamilies.FETCH_SUCCESS;
import static org.smtpwatch.exporter.metrics.DomainFamilies.LAST_LOOKUP;
import static org.smtpwatch.exporter.metrics.DomainFamilies.MAX_AGE;
import static org.smtpwatch.exporter.metrics.DomainFamilies.MODE;
import static org.smtpwatch.exporter.metrics.DomainFamilies.MX_CERT_VALID;
import static org.smtpwatch.exporter.metrics.DomainFamilies.MX_ENFORCE_READY;
import static org.smtpwatch.exporter.metrics.DomainFamilies.MX_FALLBACK;
import static org.smtpwatch.exporter.metrics.DomainFamilies.MX_HOSTS;
import static org.smtpwatch.exporter.metrics.DomainFamilies.MX_INFO;
import static org.smtpwatch.exporter.metrics.DomainFamilies.MX_LOOKUP_FAILURE;
import static org.smtpwatch.exporter.metrics.DomainFamilies.MX_LOOKUP_SUCCESS;
import static org.smtpwatch.exporter.metrics.DomainFamilies.MX_PATTERN_MATCH;
import static org.smtpwatch.exporter.metrics.DomainFamilies.POLICY_ID;
import static org.smtpwatch.exporter.metrics.DomainFamilies.POLICY_PRESENT;

import java.util.Optional;
import java.util.function.Function;
import org.smtpwatch.agent.domain.DomainState;
import org.smtpwatch.agent.domain.MxHost;
import org.smtpwatch.agent.mtasts.MtaStsOutcome;
import org.smtpwatch.agent.mtasts.MtaStsPolicy;
import org.smtpwatch.agent.probe.ProbeResult;
import org.smtpwatch.agent.schedule.EndpointSnapshot;
import org.smtpwatch.config.DomainSpec;
import org.smtpwatch.config.Endpoint;
import org.smtpwatch.config.EndpointKey;

/**
 * The series of one watched domain: its MX set and lookup, its MTA-STS policy, and per MX host
 * whether a sender enforcing that policy would deliver, judged from the MX host's latest probe.
 */
final class DomainSeries {

  private static final int SMTP_PORT = 25;

  private final Function<EndpointKey, Optional<EndpointSnapshot>> endpoints;

  DomainSeries(Function<EndpointKey, Optional<EndpointSnapshot>> endpoints) {
    this.endpoints = endpoints;
  }

  void write(DomainState state, FamilySnapshots out) {
    DomainLabels labels = new DomainLabels(state.spec());
    boolean success = state.mx().success();
    out.gauge(MX_LOOKUP_SUCCESS, labels.plain(), success ? 1 : 0);
    if (!success) {
      out.info(MX_LOOKUP_FAILURE, labels.with("reason", state.mx().failureReason()));
    }
    out.gauge(MX_FALLBACK, labels.plain(), state.mx().fallback() ? 1 : 0);
    out.gauge(MX_HOSTS, labels.plain(), state.hosts().size());
    out.gauge(LAST_LOOKUP, labels.plain(), UnixSeconds.of(state.checkedAt()));
    for (MxHost host : state.hosts()) {
      out.info(
          MX_INFO,
          labels.with("mx", host.name(), "preference", Integer.toString(host.preference())));
    }
    if (state.mtaSts() != null) {
      writeMtaSts(state, state.mtaSts(), labels, out);
    }
  }

  private void writeMtaSts(
      DomainState state, MtaStsOutcome sts, DomainLabels labels, FamilySnapshots out) {
    out.gauge(POLICY_PRESENT, labels.plain(), sts.fetched() ? 1 : 0);
    if (sts.published() || sts.failure() != null) {
      out.gauge(FETCH_SUCCESS, labels.plain(), sts.fetched() ? 1 : 0);
    }
    if (sts.failure() != null) {
      out.info(FETCH_FAILURE, labels.with("reason", sts.failure().reason()));
    }
    if (sts.id() != null) {
      out.info(POLICY_ID, labels.with("id", sts.id()));
    }
    MtaStsPolicy policy = sts.policy();
    if (policy == null) {
      return;
    }
    out.info(MODE, labels.with("mode", policy.mode().policyName()));
    out.gauge(MAX_AGE, labels.plain(), policy.maxAgeSeconds());
    for (MxHost host : state.hosts()) {
      boolean match = policy.matches(host.name());
      out.gauge(MX_PATTERN_MATCH, labels.with("mx", host.name()), match ? 1 : 0);
      Optional<Boolean> certValid = certificateValid(state.spec(), host.name());
      certValid.ifPresent(
          valid -> {
            out.gauge(MX_CERT_VALID, labels.with("mx", host.name()), valid ? 1 : 0);
            out.gauge(MX_ENFORCE_READY, labels.with("mx", host.name()), valid && match ? 1 : 0);
          });
    }
  }

  /**
   * From the latest probe of the MX host on port 25 (or the domain's first port when 25 is not
   * probed); empty before that probe has run.
   */
  private Optional<Boolean> certificateValid(DomainSpec spec, String mx) {
    Optional<Endpoint> endpoint =
        spec.endpointsFor(mx).stream()
            .filter(e -> e.port() == SMTP_PORT)
            .findFirst()
            .or(() -> spec.endpointsFor(mx).stream().findFirst());
    return endpoint
        .flatMap(e -> endpoints.apply(e.key()))
        .flatMap(EndpointSnapshot::latestResult)
        .map(DomainSeries::satisfiesEnforcingSender);
  }

  private static boolean satisfiesEnforcingSender(ProbeResult result) {
    return result.tls() != null
        && result.certificate() != null
        && result.certificate().trusted()
        && result.certificate().hostnameMatch();
  }
}
