package org.smtpwatch.agent.tls;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;

/**
 * The JVM-wide setting of the JDK's TLS client that a probe needs, applied once by the command line
 * before any TLS is used: the JDK reads it when its TLS classes load, not per connection.
 *
 * <p>A probe never resumes a session (each handshake has a context of its own, so the certificate
 * is checked every time; see {@link TlsHandshaker}), yet the JDK offers TLS 1.3 resumption in every
 * ClientHello ({@code psk_key_exchange_modes}). A server then makes a session ticket after every
 * handshake and the client derives and caches a resumable session from it on its first read: work
 * on both sides, on the probe's clock, for nothing (measured on loopback against the JDK's server:
 * the first reply after the handshake took 0.24 ms, and 0.14 without it). Without the offer a
 * server that follows RFC 8446 section 4.2.9 (the JDK's, Go's) sends no ticket, as none is sent to
 * Go's client, which offers resumption only when given a session cache. OpenSSL 3.0 (Postfix, Exim)
 * sends its tickets anyway, and the JDK still derives a session from each. {@code pre_shared_key}
 * goes too, so that nothing in this JVM (the HTTP client fetching OCSP and MTA-STS) could offer a
 * PSK without the modes it needs.
 */
public final class ClientTlsSettings {

  static final String DISABLED_EXTENSIONS = "jdk.tls.client.disableExtensions";

  static final List<String> NOT_OFFERED = List.of("psk_key_exchange_modes", "pre_shared_key");

  private ClientTlsSettings() {}

  /** Applies the setting to this JVM's system properties (process-wide, as the JDK reads it). */
  public static void apply() {
    apply(System.getProperties());
  }

  static void apply(Properties properties) {
    properties.setProperty(
        DISABLED_EXTENSIONS, disabledExtensions(properties.getProperty(DISABLED_EXTENSIONS)));
  }

  /** The extensions to disable: any the user named (JAVA_OPTS) and ours, each once. */
  static String disabledExtensions(String configured) {
    Set<String> names = new LinkedHashSet<>();
    if (configured != null) {
      for (String name : configured.split(",")) {
        if (!name.isBlank()) {
          names.add(name.trim());
        }
      }
    }
    names.addAll(NOT_OFFERED);
    return String.join(",", names);
  }
}
