package org.smtpwatch.agent.tls;

import java.util.Arrays;
import java.util.List;

/**
 * Narrows the protocols the JDK enables to those at or above a policy's {@code min_version}. Only
 * ever narrows: versions the JDK disables (TLS 1.0/1.1 via {@code jdk.tls.disabledAlgorithms}) are
 * not switched back on by a low minimum.
 */
final class ProtocolVersions {

  private static final List<String> ASCENDING =
      List.of("SSLv3", "TLSv1", "TLSv1.1", "TLSv1.2", "TLSv1.3");

  private ProtocolVersions() {}

  static boolean isKnown(String version) {
    return ASCENDING.contains(version);
  }

  /**
   * The enabled protocols not older than {@code minVersion}; all of them when it is {@code null}.
   * Unknown names (a future version, the {@code SSLv2Hello} pseudo-protocol) are kept only without
   * a minimum, because their rank cannot be compared.
   *
   * @throws IllegalArgumentException if {@code minVersion} is not a protocol name we know
   */
  static String[] atLeast(String[] enabled, String minVersion) {
    if (minVersion == null) {
      return enabled.clone();
    }
    int minimum = ASCENDING.indexOf(minVersion);
    if (minimum < 0) {
      throw new IllegalArgumentException(
          "unknown min_version " + minVersion + " (known: " + String.join(", ", ASCENDING) + ")");
    }
    return Arrays.stream(enabled)
        .filter(protocol -> ASCENDING.indexOf(protocol) >= minimum)
        .toArray(String[]::new);
  }
}
