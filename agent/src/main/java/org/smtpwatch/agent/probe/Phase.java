package org.smtpwatch.agent.probe;

import java.util.Locale;

/** The steps of one SMTP session, in the order they can happen. Names are metric label values. */
public enum Phase {
  RESOLVE,
  CONNECT,
  TLS_HANDSHAKE,
  BANNER,
  EHLO,
  STARTTLS,
  EHLO_TLS,
  AUTH,
  QUIT;

  /** The label value: {@code tls_handshake}, {@code ehlo_tls}, ... */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
