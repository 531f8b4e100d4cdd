package org.smtpwatch.agent.dns;

import java.util.Locale;

/** How a DNS question ended; the lower-case names are the failure reasons the metrics show. */
public enum DnsStatus {
  /** NOERROR with records of the type asked. */
  OK,
  /** NOERROR without records of the type asked (the name exists). */
  NODATA,
  NXDOMAIN,
  SERVFAIL,
  REFUSED,
  /** No answer within the configured timeout. */
  TIMEOUT,
  /** Anything else: another rcode, a malformed or unreachable resolver. */
  ERROR;

  public String reason() {
    return name().toLowerCase(Locale.ROOT);
  }
}
