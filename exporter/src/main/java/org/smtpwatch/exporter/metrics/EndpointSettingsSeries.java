package org.smtpwatch.exporter.metrics;

import static org.smtpwatch.exporter.metrics.SmtpFamilies.INTERVAL;
import static org.smtpwatch.exporter.metrics.SmtpFamilies.TLS_REQUIRED;

import org.smtpwatch.config.Endpoint;
import org.smtpwatch.config.Mode;

/**
 * What the config says about an endpoint, for alert rules that cannot know it otherwise: its probe
 * interval (a probe older than a few intervals means the agent is stuck) and whether its policy
 * requires TLS (a submission-like endpoint on a port that is not 465, 587 or 2525). Shown from
 * registration on, probed or not.
 */
final class EndpointSettingsSeries {

  void write(Endpoint endpoint, EndpointLabels labels, FamilySnapshots out) {
    out.gauge(INTERVAL, labels.plain(), LatestProbeSeries.seconds(endpoint.interval()));
    out.gauge(TLS_REQUIRED, labels.plain(), requiresTls(endpoint) ? 1 : 0);
  }

  // A plain endpoint never uses TLS, whatever its policy record says.
  private static boolean requiresTls(Endpoint endpoint) {
    return endpoint.mode() != Mode.PLAIN && endpoint.tls().required();
  }
}
