package org.smtpwatch.config;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which label names a config may give its endpoints: valid Prometheus names that do not collide
 * with the labels smtpwatch sets itself.
 */
final class LabelNames {

  private static final Pattern NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

  /**
   * Set by smtpwatch on its own series (every endpoint's, or one family's such as {@code
   * smtp_tls_version_info{version}}), or by Prometheus on histograms and summaries; a config label
   * of the same name would clash.
   */
  static final List<String> RESERVED =
      List.of(
          "host",
          "port",
          "mode",
          "domain",
          "mx",
          "preference",
          "phase",
          "reason",
          "banner",
          "extension",
          "version",
          "cipher",
          "subject",
          "issuer",
          "serial",
          "fingerprint_sha256",
          "san",
          "key_algorithm",
          "key_bits",
          "signature_algorithm",
          "source",
          "status",
          "le",
          "quantile");

  private LabelNames() {}

  /** What is wrong with {@code name} as a label name, or empty when it is fine. */
  static Optional<String> problem(String name) {
    if (!NAME.matcher(name).matches()) {
      return Optional.of(
          "\""
              + name
              + "\" is not a valid label name (letters, digits and _, not starting with a digit)");
    }
    if (name.startsWith("__")) {
      return Optional.of("label names starting with __ are reserved for Prometheus");
    }
    if (RESERVED.contains(name)) {
      return Optional.of(
          "label \""
              + name
              + "\" is set by smtpwatch itself (reserved: "
              + String.join(", ", RESERVED)
              + ")");
    }
    return Optional.empty();
  }
}
