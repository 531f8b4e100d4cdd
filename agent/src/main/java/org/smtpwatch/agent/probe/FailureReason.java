package org.smtpwatch.agent.probe;

import java.util.Locale;

/**
 * Why a probe failed: a closed set, because alert rules and dashboards match on these label values.
 * Extend with care and everywhere at once (DESIGN section 3).
 */
public enum FailureReason {
  DNS,
  CONNECT_REFUSED,
  CONNECT_TIMEOUT,
  UNREACHABLE,
  TIMEOUT,
  GREETING_REJECTED,
  EHLO_REJECTED,
  STARTTLS_NOT_OFFERED,
  STARTTLS_REJECTED,
  TLS_HANDSHAKE,
  TLS_VERSION,
  CERT_EXPIRED,
  CERT_UNTRUSTED,
  CERT_HOSTNAME_MISMATCH,
  MODE_MISMATCH,
  PROTOCOL,
  CONNECTION_CLOSED,
  AUTH_FAILED,
  AUTH_UNAVAILABLE;

  /** The label value: {@code connect_refused}, {@code cert_expired}, ... */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
