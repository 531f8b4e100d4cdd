package org.smtpwatch.exporter.metrics;

import static org.smtpwatch.exporter.metrics.MetricFamily.counter;
import static org.smtpwatch.exporter.metrics.MetricFamily.gauge;
import static org.smtpwatch.exporter.metrics.MetricFamily.histogram;
import static org.smtpwatch.exporter.metrics.MetricFamily.info;

/**
 * The per-endpoint families of DESIGN section 3. Values of the latest probe say so in their help:
 * the exporter serves the cached result of the scheduled probe on purpose, because probing port 25
 * on every scrape would get the prober blocklisted.
 */
final class SmtpFamilies {

  private static final String LATEST =
      " (latest scheduled probe; results are cached, not probed" + " per scrape)";

  static final MetricFamily SUCCESS =
      gauge("smtp_probe_success", "1 if the probe met the endpoint's policy, else 0" + LATEST);
  static final MetricFamily DURATION =
      gauge("smtp_probe_duration_seconds", "Wall time of the whole probe in seconds" + LATEST);
  static final MetricFamily PHASE_DURATION =
      gauge(
          "smtp_probe_phase_duration_seconds",
          "Seconds each completed phase took; phases not reached are absent" + LATEST);
  static final MetricFamily FAILURE =
      info(
          "smtp_probe_failure_info",
          "1 with the phase and reason of the failure while the probe fails; absent after a"
              + " success"
              + LATEST);
  static final MetricFamily GREETING_CODE =
      gauge("smtp_greeting_code", "Reply code of the greeting (220, 421, 554, ...)" + LATEST);
  static final MetricFamily BANNER =
      info(
          "smtp_banner_info",
          "The greeting text, per-connection tokens replaced and truncated; one series per"
              + " endpoint"
              + LATEST);
  static final MetricFamily EHLO_EXTENSION =
      info(
          "smtp_ehlo_extension_info",
          "One series per EHLO keyword advertised, after TLS where TLS was used" + LATEST);
  static final MetricFamily SIZE_LIMIT =
      gauge("smtp_size_limit_bytes", "Message size limit from EHLO SIZE, when given" + LATEST);
  static final MetricFamily STARTTLS_OFFERED =
      gauge(
          "smtp_starttls_offered",
          "1 if EHLO on the plaintext channel offered STARTTLS (0 with implicit TLS)" + LATEST);
  static final MetricFamily AUTH_BEFORE_TLS =
      gauge(
          "smtp_auth_before_tls",
          "1 if AUTH was offered on the plaintext channel, so passwords could cross in clear"
              + LATEST);
  static final MetricFamily TLS_VERSION =
      info("smtp_tls_version_info", "Negotiated TLS protocol version" + LATEST);
  static final MetricFamily TLS_CIPHER =
      info("smtp_tls_cipher_info", "Negotiated TLS cipher suite" + LATEST);
  static final MetricFamily CERT_NOT_AFTER =
      gauge(
          "smtp_cert_not_after_timestamp_seconds",
          "Expiry of the leaf certificate, Unix seconds" + LATEST);
  static final MetricFamily CERT_NOT_BEFORE =
      gauge(
          "smtp_cert_not_before_timestamp_seconds",
          "Start of validity of the leaf certificate, Unix seconds" + LATEST);
  static final MetricFamily CERT_CHAIN_NOT_AFTER =
      gauge(
          "smtp_cert_chain_earliest_not_after_timestamp_seconds",
          "Earliest expiry of any certificate in the presented chain, Unix seconds" + LATEST);
  static final MetricFamily CERT_TRUSTED =
      gauge(
          "smtp_cert_trusted",
          "1 if the chain validates against the trust store in use, even when the endpoint does"
              + " not verify"
              + LATEST);
  static final MetricFamily CERT_HOSTNAME_MATCH =
      gauge(
          "smtp_cert_hostname_match",
          "1 if the certificate is valid for the expected name, even when the endpoint does not"
              + " verify"
              + LATEST);
  static final MetricFamily CERT_INFO =
      info(
          "smtp_cert_info",
          "The leaf certificate; san lists the subject alternative names" + LATEST);
  static final MetricFamily OCSP_STAPLED =
      gauge(
          "smtp_ocsp_stapled",
          "1 if the server stapled an OCSP response to the TLS handshake, else 0" + LATEST);
  static final MetricFamily OCSP_STATUS =
      info(
          "smtp_ocsp_status_info",
          "OCSP status of the leaf certificate by source (stapled, query): good, revoked, unknown,"
              + " or why there is no trustworthy answer"
              + LATEST);
  static final MetricFamily OCSP_THIS_UPDATE =
      gauge(
          "smtp_ocsp_this_update_timestamp_seconds",
          "When the OCSP responder produced the status, Unix seconds" + LATEST);
  static final MetricFamily OCSP_NEXT_UPDATE =
      gauge(
          "smtp_ocsp_next_update_timestamp_seconds",
          "Until when the OCSP status holds, Unix seconds" + LATEST);
  static final MetricFamily OCSP_REVOKED =
      gauge(
          "smtp_ocsp_revocation_timestamp_seconds",
          "When the leaf certificate was revoked, Unix seconds; only for revoked" + LATEST);
  static final MetricFamily AUTH_SUCCESS =
      gauge(
          "smtp_auth_success",
          "1 if authenticated submission succeeded, for endpoints with credentials" + LATEST);
  static final MetricFamily AUTH_DURATION =
      gauge(
          "smtp_auth_duration_seconds",
          "Seconds the login session took, from connect to the answer to AUTH" + LATEST);
  static final MetricFamily AUTH_PLAINTEXT =
      gauge(
          "smtp_auth_plaintext",
          "1 if the login sent credentials without TLS (allowed by allow_plaintext_auth)" + LATEST);
  static final MetricFamily SEND_SUCCESS =
      gauge(
          "smtp_send_success",
          "1 if the test message was accepted after logging in, for endpoints with send:" + LATEST);
  static final MetricFamily SEND_DURATION =
      gauge(
          "smtp_send_duration_seconds",
          "Seconds from MAIL FROM to the server accepting the test message" + LATEST);

  static final MetricFamily PROBES =
      counter("smtp_probes_total", "Probes run since the endpoint was added");
  static final MetricFamily FAILURES =
      counter("smtp_probe_failures_total", "Failed probes by reason since the endpoint was added");
  static final MetricFamily LAST_RUN =
      gauge(
          "smtp_probe_last_run_timestamp_seconds",
          "Start of the latest scheduled probe, Unix seconds");
  static final MetricFamily LAST_SUCCESS =
      gauge(
          "smtp_probe_last_success_timestamp_seconds",
          "Start of the latest successful scheduled probe, Unix seconds");
  static final MetricFamily INTERVAL =
      gauge(
          "smtp_probe_interval_seconds",
          "Configured seconds between scheduled probes of the endpoint; alert rules compare the"
              + " last run's age with it");
  static final MetricFamily TLS_REQUIRED =
      gauge(
          "smtp_probe_tls_required",
          "1 if the endpoint's policy requires TLS (submission-like), 0 if TLS is optional or"
              + " never used (relay-like)");
  static final MetricFamily HANDSHAKE_DURATION =
      histogram(
          "smtp_handshake_duration_seconds",
          "Whole-probe durations of the scheduled probes since the endpoint was added");

  private SmtpFamilies() {}
}
