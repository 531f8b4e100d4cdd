package org.smtpwatch.config;

import java.nio.file.Path;

/**
 * How a watched domain's MTA-STS policy (RFC 8461) is fetched.
 *
 * @param enabled whether to look for a policy at all
 * @param port the HTTPS port of {@code mta-sts.<domain>}; always 443 in the RFC, configurable only
 *     so tests and labs can run a policy server on an unprivileged port
 * @param caFile PEM certificates to trust for the policy server instead of the JDK's store, or
 *     {@code null}
 */
public record MtaStsSettings(boolean enabled, int port, Path caFile) {

  public static final MtaStsSettings DEFAULT = new MtaStsSettings(true, 443, null);
}
