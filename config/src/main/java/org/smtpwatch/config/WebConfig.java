package org.smtpwatch.config;

import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * How the HTTP server protects itself, in the style of the Prometheus exporter-toolkit's web
 * config: optional TLS and optional basic auth, both for every path.
 *
 * @param tlsCertFile PEM certificate chain (leaf first), or {@code null} to serve plain HTTP
 * @param tlsKeyFile PEM private key of the leaf, or {@code null} with no certificate
 * @param tlsMinVersion lowest protocol the server accepts, {@code TLSv1.2} or {@code TLSv1.3}
 * @param basicAuthUsers user name to bcrypt hash; empty when no login is asked for
 */
public record WebConfig(
    Path tlsCertFile, Path tlsKeyFile, String tlsMinVersion, Map<String, String> basicAuthUsers) {

  public static final String DEFAULT_TLS_MIN_VERSION = "TLSv1.2";

  /** Plain HTTP, no login: what a config without {@code web:} gets. */
  public static final WebConfig NONE = new WebConfig(null, null, DEFAULT_TLS_MIN_VERSION, Map.of());

  public WebConfig {
    basicAuthUsers = Collections.unmodifiableMap(new TreeMap<>(basicAuthUsers));
  }

  public boolean tlsEnabled() {
    return tlsCertFile != null && tlsKeyFile != null;
  }

  public boolean basicAuthEnabled() {
    return !basicAuthUsers.isEmpty();
  }

  /** Never the hashes: a config printed in a log must not help anyone crack them. */
  @Override
  public String toString() {
    return "WebConfig[tlsCertFile="
        + tlsCertFile
        + ", tlsKeyFile="
        + tlsKeyFile
        + ", tlsMinVersion="
        + tlsMinVersion
        + ", basicAuthUsers="
        + basicAuthUsers.keySet()
        + "]";
  }
}
