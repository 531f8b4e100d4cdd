package org.smtpwatch.agent.mtasts;

import java.util.Locale;

/** The {@code mode} of an MTA-STS policy (RFC 8461 section 5). */
public enum MtaStsMode {
  ENFORCE,
  TESTING,
  NONE;

  public String policyName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
