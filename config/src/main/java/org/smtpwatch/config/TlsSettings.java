package org.smtpwatch.config;

import java.nio.file.Path;

/**
 * The {@code tls:} keys given at one level (target or port); {@code null} means "not given here".
 * Levels merge field by field, and what is still unset comes from the port's or mode's defaults.
 */
record TlsSettings(
    Boolean required,
    Boolean verify,
    Path caFile,
    String serverName,
    String minVersion,
    Boolean ocspQuery) {

  static final TlsSettings NONE = new TlsSettings(null, null, null, null, null, null);

  /** These settings with every field {@code more} gives replacing ours. */
  TlsSettings overriddenBy(TlsSettings more) {
    return new TlsSettings(
        more.required != null ? more.required : required,
        more.verify != null ? more.verify : verify,
        more.caFile != null ? more.caFile : caFile,
        more.serverName != null ? more.serverName : serverName,
        more.minVersion != null ? more.minVersion : minVersion,
        more.ocspQuery != null ? more.ocspQuery : ocspQuery);
  }

  TlsPolicy toPolicy(PortDefaults defaults) {
    return new TlsPolicy(
        required != null ? required : defaults.tlsRequired(),
        verify != null ? verify : defaults.tlsVerify(),
        caFile,
        serverName,
        minVersion,
        ocspQuery != null && ocspQuery);
  }
}
