package org.smtpwatch.agent.mtasts;

import java.util.List;
import java.util.Locale;

/**
 * A parsed MTA-STS policy (RFC 8461 section 3.2).
 *
 * @param mx the {@code mx} patterns as written, lower case; a leading {@code *.} matches exactly
 *     one label
 * @param maxAgeSeconds how long a sender may cache the policy
 */
public record MtaStsPolicy(MtaStsMode mode, List<String> mx, long maxAgeSeconds) {

  public MtaStsPolicy {
    mx = List.copyOf(mx);
  }

  /** Whether {@code host} matches one of the {@code mx} patterns (RFC 8461 section 4.1). */
  public boolean matches(String host) {
    String name = host.toLowerCase(Locale.ROOT);
    for (String pattern : mx) {
      if (pattern.startsWith("*.")) {
        String suffix = pattern.substring(1);
        int dot = name.indexOf('.');
        if (dot > 0 && name.substring(dot).equals(suffix)) {
          return true;
        }
      } else if (pattern.equals(name)) {
        return true;
      }
    }
    return false;
  }
}
