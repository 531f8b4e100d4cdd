package org.smtpwatch.agent.domain;

import java.time.Duration;
import java.util.List;

/**
 * What one MX lookup of a domain found.
 *
 * @param hosts the mail exchangers by preference, then name; empty when the lookup failed
 * @param fallback true when the domain has no MX records and its own A/AAAA is the implicit MX (RFC
 *     5321 section 5.1)
 * @param failureReason {@code null} on success; otherwise {@code nxdomain}, {@code servfail},
 *     {@code refused}, {@code timeout}, {@code error}, {@code null_mx} (RFC 7505: the domain takes
 *     no mail) or {@code no_address} (neither MX nor A/AAAA)
 * @param detail what happened, in words
 * @param ttl how long the answer may be trusted; zero for failures
 */
public record MxOutcome(
    List<MxHost> hosts, boolean fallback, String failureReason, String detail, Duration ttl) {

  public MxOutcome {
    hosts = List.copyOf(hosts);
  }

  public boolean success() {
    return failureReason == null;
  }

  /**
   * Whether the failure says something about the domain (it does not exist, or takes no mail)
   * rather than about the resolver; only then are the MX hosts known before forgotten.
   */
  public boolean definitive() {
    return success()
        || failureReason.equals("nxdomain")
        || failureReason.equals("null_mx")
        || failureReason.equals("no_address");
  }

  static MxOutcome failed(String reason, String detail) {
    return new MxOutcome(List.of(), false, reason, detail, Duration.ZERO);
  }
}
