package org.smtpwatch.exporter.metrics;

import static org.smtpwatch.exporter.metrics.MetricFamily.gauge;
import static org.smtpwatch.exporter.metrics.MetricFamily.info;

/** The per-domain families: MX discovery and MTA-STS (RFC 8461). */
final class DomainFamilies {

  static final MetricFamily MX_INFO =
      info(
          "smtp_domain_mx_info",
          "The domain's MX hosts being probed, with their preference (0 for the implicit MX)");
  static final MetricFamily MX_LOOKUP_SUCCESS =
      gauge("smtp_domain_mx_lookup_success", "1 if the latest MX lookup of the domain succeeded");
  static final MetricFamily MX_LOOKUP_FAILURE =
      info(
          "smtp_domain_mx_lookup_failure_info",
          "Why the latest MX lookup failed (nxdomain, servfail, refused, timeout, error, null_mx,"
              + " no_address); absent after a success");
  static final MetricFamily MX_FALLBACK =
      gauge(
          "smtp_domain_mx_fallback",
          "1 if the domain has no MX records and its own A/AAAA is probed as implicit MX"
              + " (RFC 5321 5.1)");
  static final MetricFamily MX_HOSTS =
      gauge("smtp_domain_mx_hosts", "How many MX hosts of the domain are being probed");
  static final MetricFamily LAST_LOOKUP =
      gauge(
          "smtp_domain_last_lookup_timestamp_seconds",
          "Unix time of the domain's latest DNS lookup");
  static final MetricFamily POLICY_PRESENT =
      gauge(
          "smtp_mta_sts_policy_present",
          "1 if the domain has a valid MTA-STS policy (TXT record and policy file), else 0");
  static final MetricFamily MODE =
      info("smtp_mta_sts_mode_info", "The mode of the domain's MTA-STS policy");
  static final MetricFamily POLICY_ID =
      info("smtp_mta_sts_policy_info", "The id of the domain's MTA-STS policy (_mta-sts TXT)");
  static final MetricFamily MAX_AGE =
      gauge("smtp_mta_sts_max_age_seconds", "max_age of the domain's MTA-STS policy");
  static final MetricFamily FETCH_SUCCESS =
      gauge(
          "smtp_mta_sts_fetch_success",
          "1 if the MTA-STS TXT record and policy were fetched and parsed; absent when the"
              + " domain publishes no MTA-STS");
  static final MetricFamily FETCH_FAILURE =
      info(
          "smtp_mta_sts_fetch_failure_info",
          "Why the MTA-STS policy could not be had (txt_invalid, dns, connect, timeout, tls,"
              + " redirect, http_status, content_type, too_large, malformed, error)");
  static final MetricFamily MX_PATTERN_MATCH =
      gauge(
          "smtp_mta_sts_mx_pattern_match",
          "1 if the MX host matches an mx pattern of the domain's MTA-STS policy");
  static final MetricFamily MX_CERT_VALID =
      gauge(
          "smtp_mta_sts_mx_cert_valid",
          "1 if the MX host's latest probe saw STARTTLS with a trusted certificate valid for the"
              + " MX name, as an MTA-STS sender requires");
  static final MetricFamily MX_ENFORCE_READY =
      gauge(
          "smtp_mta_sts_mx_enforce_ready",
          "1 if a sender enforcing the domain's MTA-STS policy would deliver to this MX host"
              + " (pattern match and valid certificate)");

  private DomainFamilies() {}
}
